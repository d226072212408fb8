import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { findBoilerplate } from './boilerplate.js';
import { decodeBytes } from './decode.js';
import { parseFeed } from './feed.js';
import { readHtml } from './html.js';
import { extractFromHtml } from './html-text.js';
import { detectPublished, scanHead } from './published.js';
import { DEFAULT_READ_OPTIONS, readBytes } from './read.js';
import { InputError } from './record.js';
import { sniffFormat } from './sniff.js';
import type { SourceSegment } from './source-map.js';

/**
 * Fuzzing the readers with deterministic seeds and a bounded number of cases: random bytes and strings,
 * and real-shaped pages and feeds cut, spliced and salted with markup debris. Whatever the input, the
 * readers may refuse it only with an InputError, and every offset they hand out must hold.
 */

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const PAGES = [read('../../testdata/ingest/page-with-chrome.html'), read('../../examples/northern-monitor-bartella.html'), read('../../testdata/ingest/broken.html')];
const FEEDS = [read('../../examples/levant-radio-feed.xml'), read('../../testdata/ingest/atom-feed.xml'), read('../../testdata/ingest/hostile-feed.xml')];
const TEXTS = [read('../../examples/gulf-wire-bartella.txt'), read('../../examples/meridian-eastern-mosul.txt'), read('../../examples/tigris-post-kirkuk.txt')];
const DEBRIS = ['<', '>', '</', '<p>', '</p>', '<div>', '</div>', '<li>', '<br>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', '&', '&amp;', '&#', '&#x1F600;', '&nbsp;', '"', "'", '=', '<a href="javascript:x()">', '<item>', '</item>', '<entry>', '<title>', '</title>', '<description>', '\u0000', '\uFEFF', '\uD800', '😀', '\r\n', '\n\n', '\u2028', 'date 2016-10-23 ', 'BAGHDAD, Oct. 23 (Reuters) - ', 'Published 12 November 2016\n', '© 2016 ', 'Share\n'];

function mutate(s: string, r: () => number): string {
  let out = s;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    if (op < 0.3) out = out.slice(0, at) + DEBRIS[Math.floor(r() * DEBRIS.length)]! + out.slice(at);
    else if (op < 0.55) out = out.slice(0, at) + out.slice(Math.min(out.length, at + Math.floor(r() * 200)));
    else if (op < 0.75) {
      const from = Math.floor(r() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(r() * 300)) + out.slice(at);
    } else if (op < 0.9) out = out.slice(0, at);
    else out = out.slice(0, at) + randomString(r, 40) + out.slice(at);
  }
  return out;
}

function randomString(r: () => number, max: number): string {
  const len = Math.floor(r() * max);
  let s = '';
  for (let i = 0; i < len; i++) {
    const k = r();
    s += k < 0.6 ? String.fromCharCode(32 + Math.floor(r() * 95)) : k < 0.8 ? DEBRIS[Math.floor(r() * DEBRIS.length)]! : String.fromCharCode(Math.floor(r() * 0xffff));
  }
  return s;
}

function randomBytes(r: () => number, max: number): Uint8Array {
  const b = new Uint8Array(Math.floor(r() * max));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
  return b;
}

function expectMapHolds(text: string, source: string, segments: readonly SourceSegment[]): void {
  let last = 0;
  for (const s of segments) {
    expect(s.start >= last && s.end > s.start && s.end <= text.length).toBe(true);
    expect(s.sourceStart >= 0 && s.sourceEnd >= s.sourceStart && s.sourceEnd <= source.length).toBe(true);
    if (s.exact) expect(source.slice(s.sourceStart, s.sourceEnd)).toBe(text.slice(s.start, s.end));
    last = s.end;
  }
}

function expectOnlyInputErrors(items: ReturnType<typeof readBytes>): void {
  for (const it of items) {
    if (it.error) {
      expect(it.error).toBeInstanceOf(InputError);
      expect(it.error.message).not.toContain('\n');
    } else {
      expect(it.doc.text.trim().length).toBeGreaterThan(0);
      const map = it.info.sourceMap;
      if (map) expectMapHolds(it.doc.text, map.source, map.segments);
    }
  }
}

describe('fuzz: bytes and strings', () => {
  it('readBytes takes any bytes, refusing only with InputError', () => {
    const r = rng(1);
    for (let i = 0; i < 300; i++) {
      const bytes = i % 3 === 0 ? new TextEncoder().encode(randomString(r, 400)) : randomBytes(r, 600);
      expectOnlyInputErrors(readBytes(bytes, { name: `case-${i}`, id: `case-${i}` }, DEFAULT_READ_OPTIONS));
    }
  });

  it('decodeBytes and sniffFormat take any input', () => {
    const r = rng(2);
    for (let i = 0; i < 300; i++) {
      const d = decodeBytes(randomBytes(r, 300), { declared: r() < 0.5 });
      expect(typeof d.text).toBe('string');
      expect(['jsonl', 'json', 'feed', 'html', 'xml', 'text']).toContain(sniffFormat(randomString(r, 200), r() < 0.5 ? 'x.jsonl' : ''));
    }
  });

  it('publication date and boilerplate spans stay on the text', () => {
    const r = rng(3);
    for (let i = 0; i < 300; i++) {
      const text = i % 2 ? randomString(r, 300) : mutate(TEXTS[i % TEXTS.length]!, r);
      const bp = findBoilerplate(text);
      expectSpansMatch(text, bp);
      for (let k = 1; k < bp.length; k++) expect(bp[k]!.start).toBeGreaterThanOrEqual(bp[k - 1]!.start);
      const head = scanHead(text);
      expectSpansMatch(text, head.markers);
      const found = detectPublished(text);
      if (found) {
        expectSpansMatch(text, [found]);
        expect(found.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe('fuzz: mutated pages and feeds', () => {
  it('readHtml never throws and its source map holds', () => {
    const r = rng(4);
    for (let i = 0; i < 120; i++) {
      const source = mutate(PAGES[i % PAGES.length]!, r);
      const page = readHtml(source);
      expectMapHolds(page.text, source, page.segments);
      // Scripts whose tags survived the mutation never show up in the text.
      for (const m of source.matchAll(/<script\b[^>]*>([^<]{4,})<\/script>/gi)) {
        if (/^[\w.();'"=<>&|! -]+$/.test(m[1]!) && !source.includes(`<!--`)) expect(page.text).not.toContain(m[1]!.trim());
      }
    }
  });

  it('the streaming extractor never throws and its map holds', () => {
    const r = rng(5);
    for (let i = 0; i < 300; i++) {
      const source = i % 4 === 0 ? randomString(r, 500) : mutate(PAGES[i % PAGES.length]!, r);
      const out = extractFromHtml(source, { dropChrome: r() < 0.5 });
      expectMapHolds(out.text, source, out.segments);
    }
  });

  it('parseFeed never throws, never expands entities and its maps hold', () => {
    const r = rng(6);
    for (let i = 0; i < 300; i++) {
      const source = mutate(FEEDS[i % FEEDS.length]!, r);
      const feed = parseFeed(source);
      for (const it of feed.items) {
        expectMapHolds(it.text, source, it.segments);
        expect(it.url === null || /^https?:/.test(it.url)).toBe(true);
        expect(it.start).toBeLessThanOrEqual(it.end);
      }
      expect(feed.items.reduce((n, it) => n + it.text.length, 0)).toBeLessThanOrEqual(source.length * 2);
    }
  });

  it('whole mutated files through readBytes: only InputErrors, offsets hold', () => {
    const r = rng(7);
    const all = [...PAGES, ...FEEDS, ...TEXTS];
    for (let i = 0; i < 120; i++) {
      const bytes = new TextEncoder().encode(mutate(all[i % all.length]!, r));
      expectOnlyInputErrors(readBytes(bytes, { name: `m-${i}`, id: `m-${i}` }, DEFAULT_READ_OPTIONS));
    }
  });
});
