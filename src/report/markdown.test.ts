import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryReader } from '../merge/memory-reader.js';
import type { PictureReader } from '../merge/reader.js';
import { buildSituation } from '../merge/situation.js';
import { openStore } from '../store/open.js';
import { renderMarkdown } from './markdown.js';
import { streamMarkdown } from './markdown-stream.js';
import { buildReport, reportFromDocs, type ReportOptions } from './model.js';
import { reviewReport, sourceRef, type Override } from '../desk/reviews.js';
import { hostileDoc, scenario } from './scenario.test-support.js';

describe('the Markdown report', () => {
  it('has the sections of a situation report with the facts and their sources', async () => {
    const md = renderMarkdown((await reportFromDocs(scenario())));
    for (const h of ['# Situation report', '## Latest developments (2016-11-12)', '## Contested figures', '## Unverified and disputed claims', '## Events', '## Control of places', '## Places', '## Documents']) {
      expect(md).toContain(h);
    }
    expect(md).toContain('| ≤ 5,000 | Up to 5,000 jihadist fighters | an American commander | Wire One |');
    expect(md).toContain('| 7,000 | 7,000 | Backers of the group | Wire One |');
    expect(md).toMatch(/Government regains territory · Qaraqosh\*\* — Military Forces of Iraq \\\(2014-\\\) vs Islamic State \\\(Iraq\\\); fatalities 60; 2 outlets/);
    expect(md).toContain('**unverified**');
  });

  it('says so when there is nothing to report', async () => {
    const md = renderMarkdown((await reportFromDocs([])));
    expect(md).toContain('No events.');
    expect(md).toContain('The store holds no documents for this period.');
  });

  it('keeps article HTML and Markdown inert', async () => {
    const md = renderMarkdown((await reportFromDocs([hostileDoc()])));
    expect(md).not.toMatch(/<script|<img|<svg|<iframe|<a /i);
    expect(md).toContain('&lt;script&gt;window.\\_\\_pwned = 1; alert\\(1\\)&lt;/script&gt;');
  });
});

describe('the Markdown report written while it is read', () => {
  const cases: ReportOptions[] = [{}, { since: '2016-10-23', until: '2016-10-24' }, { near: 'Mosul', radiusKm: 40 }, { certainty: 'unverified' }, { since: '2030-01-01' }];

  async function streamed(reader: MemoryReader | PictureReader, opts: ReportOptions): Promise<string> {
    let out = '';
    await streamMarkdown(reader, opts, async (chunk) => {
      out += chunk;
    });
    return out;
  }

  it('writes the bytes of the whole report, for every selection (in memory and from a store)', async () => {
    const docs = [...scenario(), hostileDoc()];
    const memory = new MemoryReader(buildSituation(docs));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-md-'));
    const store = await openStore(path.join(dir, 'r.db'));
    try {
      for (const d of docs) await store.putAnalysis(d.record, d.text);
      for (const reader of [memory, store.picture()]) {
        for (const o of cases) expect(await streamed(reader, o)).toBe(renderMarkdown(await buildReport(reader, o)) + '\n');
        // Not vacuous: the store's picture has the scenario's events and contested figures.
        expect(await streamed(reader, {})).toMatch(/## Contested figures\n\n### [^]*\| ≤ 5,000 \|[^]*\*\*unverified\*\*[^]*## Events\n\n- \*\*/);
      }
      expect(await streamed(new MemoryReader(buildSituation([])), {})).toBe(renderMarkdown(await reportFromDocs([])) + '\n');

      // Editors' reviews laid over the stream: the bytes of the whole report with the reviews applied.
      const events = (await buildReport(store.picture(), {})).events;
      expect(events.length).toBeGreaterThanOrEqual(3);
      const multi = events.find((e) => e.sources.length > 1)!;
      const [a, b, c] = events.filter((e) => e !== multi);
      let id = 0;
      const o = (eventId: string, action: Override['action'], data: Record<string, unknown> = {}, anchor: Override['anchor'] = []): Override => ({
        id: ++id, eventId, action, data, anchor, account: 'editor', at: `2026-12-07T10:0${id}:00Z`, why: `check ${id}`,
      });
      const overrides = [
        o(a!.id, 'reject'),
        o(b!.id, 'correct', { fatalities: { low: 3, best: 3, high: 3 } }),
        o(c!.id, 'merge', { into: multi.id }),
        o(multi.id, 'split', { sources: [sourceRef(multi.sources[0]!)] }),
        // An event id the picture no longer has: found by the reports it was reviewed with.
        o('ev-gone', 'confirm', {}, [sourceRef(b!.sources[0]!)]),
      ];
      for (const opts of [{}, ...cases]) {
        let out = '';
        await streamMarkdown(store.picture(), opts, async (chunk) => {
          out += chunk;
        }, overrides);
        expect(out).toBe(renderMarkdown(reviewReport(await buildReport(store.picture(), opts), overrides)) + '\n');
      }
      const reviewed = await streamed(store.picture(), {});
      let withReviews = '';
      await streamMarkdown(store.picture(), {}, async (chunk) => {
        withReviews += chunk;
      }, overrides);
      // Not vacuous: the reviews show (a split; a correction, then a confirmation found by its anchor) and the
      // rejected event is gone.
      expect(withReviews).not.toBe(reviewed);
      expect(withReviews).toContain('reviewed: split');
      expect(withReviews).toMatch(/fatalities 3; [^\n]*reviewed: confirmed/);
      expect(withReviews).not.toContain(`(${a!.id})`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
