import { describe, expect, it } from 'vitest';
import { toAnalysis } from '../analyze/output.js';
import { defaultPipeline } from '../analyze/pipeline.js';
import { Doc } from '../core/document.js';
import { Pipeline, type Component } from '../core/pipeline.js';
import { DEFAULT_READ_OPTIONS, readJsonl } from '../ingest/read.js';
import { ingest, type IngestOutcome } from './ingest.js';
import { PooledAnalyzer } from '../analyze/analyzer.js';
import { openStore } from './open.js';

// Written for these tests: two short reports in the style of wire copy.
const DOCS = [
  {
    id: 'a',
    source: 'Desert Courier',
    published: '2016-10-20',
    title: 'Convoy reaches the outskirts',
    text: 'BASHIQA, Iraq — A convoy of armoured vehicles reached the outskirts of Bashiqa on Wednesday, a Kurdish commander said.\nAbout 40 fighters were thought to remain inside the town.',
  },
  {
    id: 'b',
    source: 'Plains Gazette',
    text: 'date 2016-10-21\nResidents who left Bartella said the road north was blocked by sand barriers. At least 200 families reached the camp by nightfall.',
  },
];

async function* lines(list: string[]): AsyncGenerator<string> {
  yield* list;
}

const items = (list: string[]) => readJsonl(lines(list), 'test.jsonl', DEFAULT_READ_OPTIONS);

describe('ingest', () => {
  it('analyses and stores each document, and a second run stores nothing new', async () => {
    const store = await openStore(':memory:');
    const input = DOCS.map((d) => JSON.stringify(d));
    const first = await ingest(store, items(input));
    expect(first).toEqual({ new: 2, existing: 0, failed: 0, queued: 0 });
    const before = await store.stats();
    expect(before.documents).toBe(2);
    expect(before.sentences).toBeGreaterThan(2);
    const second = await ingest(store, items(input));
    expect(second).toEqual({ new: 0, existing: 2, failed: 0, queued: 0 });
    expect(await store.stats()).toEqual(before);
    await store.close();
  });

  it('gives back exactly what analyze writes, without tokens', async () => {
    const store = await openStore(':memory:');
    await ingest(store, items(DOCS.map((d) => JSON.stringify(d))));
    const stored = await store.analyses({ ids: ['a'] });
    const { docFromRecord } = await import('../ingest/record.js');
    const doc = defaultPipeline().run(docFromRecord(DOCS[0]!, 'test.jsonl:1', 'jsonl', { origin: 'test.jsonl:1' }));
    const expected = toAnalysis(doc);
    const { text, outlet, hash, textHash, author, origin, ingestedAt, ...record } = stored[0]!;
    expect(record).toEqual(expected);
    expect(JSON.stringify(record)).toBe(JSON.stringify(expected));
    expect({ text, outlet, author, origin }).toEqual({ text: DOCS[0]!.text, outlet: 'Desert Courier', author: null, origin: 'test.jsonl:1' });
    expect([hash, textHash, ingestedAt].every((x) => typeof x === 'string' && x.length > 0)).toBe(true);
    await store.close();
  });

  it('reports a failing document by name and reason, keeps going, and leaves no rows for it', async () => {
    // A component that fails on one document, as a broken extractor would.
    const exploding: Component = {
      name: 'exploding',
      needs: [],
      adds: ['boilerplate'],
      run(doc: Doc) {
        if (doc.text.includes('sand barriers')) throw new Error('extractor crashed');
        doc.set('boilerplate', []);
      },
    };
    const store = await openStore(':memory:');
    const seen: IngestOutcome[] = [];
    const summary = await ingest(store, items([JSON.stringify(DOCS[1]), '{"id": "broken", "text": ', JSON.stringify(DOCS[0])]), {
      pipeline: new Pipeline([exploding]),
      onItem: (o) => seen.push(o),
    });
    expect(summary).toEqual({ new: 1, existing: 0, failed: 2, queued: 0 });
    expect(seen.map((o) => o.kind)).toEqual(['failed', 'failed', 'new']);
    expect(seen[0]).toMatchObject({ origin: 'test.jsonl:1', stage: 'analyse', message: 'analysis failed: extractor crashed' });
    expect(seen[1]).toMatchObject({ origin: 'test.jsonl:2', stage: 'read' });
    expect((seen[1] as { message: string }).message).toMatch(/invalid JSON/);
    expect(await store.stats()).toMatchObject({ documents: 1, outlets: 1 });
    expect((await store.analyses()).map((a) => a.id)).toEqual(['a']);
    await store.close();
  });

  it('does not analyse a document it already holds', async () => {
    let runs = 0;
    const counting: Component = {
      name: 'counting',
      needs: [],
      adds: ['boilerplate'],
      run(doc: Doc) {
        runs++;
        doc.set('boilerplate', []);
      },
    };
    const store = await openStore(':memory:');
    const pipeline = new Pipeline([counting]);
    const input = [JSON.stringify(DOCS[0]), JSON.stringify({ ...DOCS[0], id: 'renamed' })];
    expect(await ingest(store, items(input), { pipeline })).toEqual({ new: 1, existing: 1, failed: 0, queued: 0 });
    expect(runs).toBe(1);
    await store.close();
  });

  it('stores the same with two worker threads, in input order, a duplicate in the batch stored once', async () => {
    const input = [...DOCS.map((d) => JSON.stringify(d)), '{"id": "broken"', JSON.stringify({ ...DOCS[0], id: 'a-again' })];
    const run = async (analyzer?: PooledAnalyzer) => {
      const store = await openStore(':memory:');
      const outcomes: IngestOutcome[] = [];
      const summary = await ingest(store, items(input), { ...(analyzer ? { analyzer } : {}), onItem: (o) => outcomes.push(o) });
      const stored = (await store.analyses()).map(({ ingestedAt: _ingestedAt, ...rest }) => rest);
      await store.close();
      return { summary, outcomes, stored };
    };
    const analyzer = new PooledAnalyzer({ workers: 2 });
    try {
      const pooled = await run(analyzer);
      const inline = await run();
      expect(pooled.summary).toEqual({ new: 2, existing: 1, failed: 1, queued: 0 });
      expect(pooled.outcomes.map((o) => o.kind)).toEqual(['new', 'new', 'failed', 'existing']);
      expect(pooled).toEqual(inline);
    } finally {
      await analyzer.close();
    }
  }, 120_000);
});
