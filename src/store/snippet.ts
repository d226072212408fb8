/**
 * Search snippets, made here rather than by the database (SQLite's snippet(), PostgreSQL's ts_headline):
 * both of those re-read the whole document for every hit, and FTS5's is far worse than linear with many
 * prefix terms (ten `a*` over one 200,000-character document took 17 s). This is one pass over the text
 * with a word pattern, so its cost is linear in the text, and both stores give the same snippets.
 *
 * A word of the text matches a query term when, case and accents folded, it is the term (a light English
 * suffix strip on both sides stands in for the stemmers, which decide the hits; the snippet only shows
 * them), or starts with it for a prefix term. The snippet is the window of WINDOW words holding the most
 * distinct terms, earliest first; with no match in the text (a title-only hit) the text's first words.
 */
import type { Query } from './query.js';

export interface Mark {
  open: string;
  close: string;
}

const WINDOW = 24;
const WORD = /[\p{L}\p{N}]+/gu;

const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
/** -s, -es, -ed, -ing, kept to a stem of three letters at least: "killed", "kills", "killing" → "kill". */
const stem = (w: string): string => {
  const m = /^(.{3,}?)(?:ing|ed|es|s)$/.exec(w);
  return m ? m[1]! : w;
};

interface Matcher {
  exact: Map<string, number>;
  prefixes: { text: string; id: number }[];
  count: number;
}

function matcherOf(q: Query): Matcher {
  const exact = new Map<string, number>();
  const prefixes: { text: string; id: number }[] = [];
  let count = 0;
  for (const group of q) {
    for (const t of group) {
      if (t.negated) continue;
      const words = t.text.match(WORD) ?? [];
      words.forEach((w, i) => {
        const f = fold(w);
        if (t.prefix && i === words.length - 1) prefixes.push({ text: f, id: count++ });
        else if (!exact.has(stem(f))) exact.set(stem(f), count++);
      });
    }
  }
  return { exact, prefixes, count };
}

function termOf(m: Matcher, word: string): number {
  const f = fold(word);
  const e = m.exact.get(stem(f));
  if (e !== undefined) return e;
  for (const p of m.prefixes) if (f.startsWith(p.text)) return p.id;
  return -1;
}

/** The snippet of `text` for the parsed query `q`, matched words between `mark.open` and `mark.close`. */
export function makeSnippet(text: string, q: Query, mark: Mark): string {
  const m = matcherOf(q);
  const starts: number[] = [];
  const ends: number[] = [];
  const term: number[] = [];
  // A text repeats its words: each distinct one is folded and matched once.
  const seen = new Map<string, number>();
  for (const w of text.matchAll(WORD)) {
    starts.push(w.index);
    ends.push(w.index + w[0].length);
    let t = -1;
    if (m.count) {
      const known = seen.get(w[0]);
      if (known === undefined) seen.set(w[0], (t = termOf(m, w[0])));
      else t = known;
    }
    term.push(t);
  }
  if (starts.length === 0) return '';
  // Slide a window of WINDOW words; keep the first one with the most distinct terms.
  const inWindow = new Map<number, number>();
  const addTerm = (t: number, d: number) => {
    if (t < 0) return;
    const n = (inWindow.get(t) ?? 0) + d;
    if (n === 0) inWindow.delete(t);
    else inWindow.set(t, n);
  };
  let best = 0;
  let bestDistinct = -1;
  for (let i = 0; i < starts.length; i++) {
    addTerm(term[i]!, 1);
    if (i >= WINDOW) addTerm(term[i - WINDOW]!, -1);
    const first = Math.max(0, i - WINDOW + 1);
    if (inWindow.size > bestDistinct && (i >= WINDOW - 1 || i === starts.length - 1)) {
      bestDistinct = inWindow.size;
      best = first;
      if (bestDistinct === m.count) break;
    }
  }
  // Start the window a few words before its first match, so the match is seen in context.
  let firstMatch = best;
  while (firstMatch < Math.min(starts.length, best + WINDOW) && term[firstMatch]! < 0) firstMatch++;
  const from = bestDistinct > 0 ? Math.max(0, Math.min(best, firstMatch - 4)) : 0;
  const to = Math.min(starts.length, from + WINDOW);
  let s = from > 0 ? '…' : '';
  for (let i = from; i < to; i++) {
    if (i > from) s += text.slice(ends[i - 1]!, starts[i]!).replace(/\s+/g, ' ');
    const w = text.slice(starts[i]!, ends[i]!);
    s += term[i]! >= 0 ? mark.open + w + mark.close : w;
  }
  if (to < starts.length) s += '…';
  return s;
}

/** The text's first words: the snippet of a hit whose query ran out of its snippet budget. */
export function leadSnippet(text: string): string {
  return makeSnippet(text.slice(0, 2000), [], { open: '', close: '' });
}

/** Milliseconds a query may spend on its snippets; hits past it get their text's first words. */
export const SNIPPET_BUDGET_MS = 250;

/**
 * Snippets for one page of hits, in order, within the query's budget: `textOf` fetches a hit's text only
 * when its snippet is made (a page of long documents is read one at a time, not all at once).
 */
export async function pageSnippets<H>(hits: readonly H[], textOf: (h: H) => string | Promise<string>, q: Query, mark: Mark, budgetMs = SNIPPET_BUDGET_MS): Promise<string[]> {
  const t0 = performance.now();
  const out: string[] = [];
  for (const h of hits) {
    const text = await textOf(h);
    out.push(performance.now() - t0 < budgetMs ? makeSnippet(text, q, mark) : leadSnippet(text));
  }
  return out;
}
