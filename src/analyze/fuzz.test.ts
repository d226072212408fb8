/**
 * Fuzzing the whole analysis (what `sitrep analyze` does with a file): generated and mutated HTML pages,
 * RSS/Atom feeds, JSON Lines and plain text, from a seeded generator of its own, bounded in number and
 * size. Whatever the input: reading refuses only with an InputError, analysis never throws, never hangs
 * (each document runs in a worker thread whose time limit is far above any document here: a limit hit is
 * a hang, not slowness), and every span of every layer — nested ones included — lies inside its text and
 * is the text at its offsets.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../ingest/record.js';
import { DEFAULT_READ_OPTIONS, readBytes } from '../ingest/read.js';
import { PooledAnalyzer } from './analyzer.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return ((t ^ (t >>> 15)) >>> 0) / 4294967296;
  };
}

// Pieces of news in the project's own words, and debris that breaks formats.
const PLACES = ['Mosul', 'Kirkuk', 'Aleppo', 'Gao', 'Sanaa', 'Tal Afar', 'Bartella', 'Douma', 'Qayyarah', 'Paris', 'Earle', 'Georgia'];
const ACTORS = ['Government troops', 'Militants', 'Police', 'Protesters', 'Unidentified gunmen', 'The coalition', 'Rebels', 'Islamic State fighters'];
const VERBS = ['attacked', 'shelled', 'retook', 'clashed with', 'marched in', 'bombed', 'withdrew from', 'besieged'];
const TAILS = [
  'on Monday, killing at least 12 people, officials said.',
  'late on Saturday; up to 5,000 civilians fled, the UN said.',
  'three days ago, a spokesman told reporters.',
  'in March 2016, according to a local source who could not be verified.',
  'over the weekend — between 40 and 50 were wounded.',
  'at 0300 GMT. "We will return," one fighter said.',
  'yesterday (Oct. 17), police said, adding that 2 of the dead were children.',
];
const DEBRIS = ['<', '>', '</p>', '<br>', '<script>', '</script>', '<!--', ']]>', '&amp;', '&#x1F600;', '&nbsp;', '"', '\\', '{', '}', '\u0000', '\uFEFF', '\uD800', '\uDC00', '😀', '\r\n', '\u2028', '\t', '  ', '...', '—', '%', '$', '1,', '½', 'Mr.', 'U.S.', '(', ')', '[', ']', ';', ':', '?!', '#', '@'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function sentence(r: () => number): string {
  return `${pick(r, ACTORS)} ${pick(r, VERBS)} ${pick(r, PLACES)} ${pick(r, TAILS)}`;
}

function story(r: () => number, sentences: number): string {
  const out: string[] = [];
  if (r() < 0.5) out.push(`${pick(r, PLACES).toUpperCase()}, Oct. ${1 + Math.floor(r() * 28)} (Wire) -`);
  for (let i = 0; i < sentences; i++) out.push(sentence(r) + (r() < 0.2 ? '\n\n' : ''));
  return out.join(' ');
}

function mutate(s: string, r: () => number): string {
  let out = s;
  const n = Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    if (op < 0.35) out = out.slice(0, at) + pick(r, DEBRIS) + out.slice(at);
    else if (op < 0.55) out = out.slice(0, at) + out.slice(Math.min(out.length, at + Math.floor(r() * 80)));
    else if (op < 0.75) {
      const from = Math.floor(r() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(r() * 200)) + out.slice(at);
    } else if (op < 0.85) out = out.slice(0, Math.max(at, 1));
    else {
      let junk = '';
      for (let k = Math.floor(r() * 30); k > 0; k--) junk += r() < 0.5 ? String.fromCharCode(Math.floor(r() * 0x10000)) : pick(r, DEBRIS);
      out = out.slice(0, at) + junk + out.slice(at);
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One input file of a random kind: its name (for the reader) and bytes. */
function input(r: () => number, n: number): { name: string; text: string } {
  const kind = Math.floor(r() * 5);
  const body = story(r, 1 + Math.floor(r() * 12));
  let text: string;
  let name: string;
  if (kind === 0) {
    name = `page-${n}.html`;
    text = `<!doctype html><html><head><title>${esc(sentence(r))}</title><meta property="article:published_time" content="2016-10-${10 + Math.floor(r() * 18)}"></head><body><nav>Home | World</nav><article><h1>${esc(pick(r, PLACES))}</h1>${body
      .split('\n\n')
      .map((p) => `<p>${esc(p)}</p>`)
      .join('')}</article><footer>© 2016 Wire</footer></body></html>`;
  } else if (kind === 1) {
    name = `feed-${n}.xml`;
    const items = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => `<item><guid>g${n}-${i}</guid><title>${esc(sentence(r))}</title><pubDate>Mon, 1${i} Oct 2016 08:00:00 +0000</pubDate><description><![CDATA[${story(r, 2)}]]></description></item>`);
    text = `<?xml version="1.0"?><rss version="2.0"><channel><title>Radio</title>${items.join('')}</channel></rss>`;
  } else if (kind === 2) {
    name = `lines-${n}.jsonl`;
    text = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => JSON.stringify({ id: `j${n}-${i}`, published: r() < 0.7 ? `2016-10-${10 + i}` : null, title: sentence(r), text: story(r, 1 + Math.floor(r() * 5)) })).join('\n');
  } else if (kind === 3) {
    name = `story-${n}.txt`;
    text = `date 2016-10-2${Math.floor(r() * 9)}\n\n${body}`;
  } else {
    name = `noise-${n}.txt`;
    text = Array.from({ length: 1 + Math.floor(r() * 200) }, () => (r() < 0.3 ? pick(r, DEBRIS) : r() < 0.5 ? pick(r, PLACES) : String.fromCharCode(32 + Math.floor(r() * 95)))).join(r() < 0.5 ? ' ' : '');
  }
  return { name, text: r() < 0.8 ? mutate(text, r) : text };
}

/** Every object with numeric start and end in a record (layers, and spans nested in their items). */
function spans(x: unknown, out: { start: number; end: number; text?: unknown; at: string }[] = [], at = ''): typeof out {
  if (Array.isArray(x)) x.forEach((v, i) => spans(v, out, `${at}[${i}]`));
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ start: o.start, end: o.end, text: o.text, at });
    for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') spans(v, out, `${at}.${k}`);
  }
  return out;
}

const analyzer = new PooledAnalyzer({ workers: 1, timeoutMs: 120_000 });
afterAll(() => analyzer.close());

describe('fuzz: analyze takes anything', () => {
  it('random and mutated HTML, feeds, JSON Lines and text: no crash, no hang, every span on its text', async () => {
    const r = rng(20161017);
    let analysed = 0;
    for (let n = 0; n < 60; n++) {
      const { name, text } = input(r, n);
      const bytes = r() < 0.1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
      for (const it of readBytes(bytes, { name, id: name }, DEFAULT_READ_OPTIONS)) {
        if (it.error) {
          expect(it.error, name).toBeInstanceOf(InputError);
          continue;
        }
        const record = await analyzer.record(it.doc).catch((e: Error) => {
          throw new Error(`${name}: analysis failed: ${e.message}\n${JSON.stringify(it.doc.text.slice(0, 2000))}`);
        });
        analysed++;
        const t = it.doc.text;
        for (const s of spans(record)) {
          const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= t.length && (typeof s.text !== 'string' || t.slice(s.start, s.end) === s.text);
          if (!ok) expect({ name, span: s, slice: t.slice(s.start, s.end) }).toBe('a span on its text');
        }
      }
    }
    expect(analysed).toBeGreaterThan(30);
  }, 900_000);
});
