import type { Doc } from '../../core/document.js';
import type { Sentence, Token } from '../../core/layers.js';

/**
 * A sentence's tokens with their text, the unit every quantity, claim and event rule reads.
 * Built once per sentence; rules index `toks` by position and never re-tokenize.
 */
export interface Tok extends Token {
  text: string;
  /** Lower-cased text with typographic quotes and dashes folded to ASCII. */
  low: string;
  /** Index of the token in the document's token layer. */
  index: number;
}

export interface SentenceView {
  sentence: Sentence;
  toks: Tok[];
  /** Character offset where the sentence starts and ends. */
  start: number;
  end: number;
}

const SPECIAL = /[‘’ʼ`´“”‐‑‒–—―]/;

export function fold(s: string): string {
  const l = s.toLowerCase();
  if (!SPECIAL.test(l)) return l;
  return l.replace(/[‘’ʼ`´]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑‒–—―]/g, '-');
}

/** The analysable sentences of a document (page furniture excluded), with their tokens. */
export function sentenceViews(doc: Doc): SentenceView[] {
  const cached = viewCache.get(doc);
  if (cached) return cached;
  const tokens = doc.get('tokens');
  const out: SentenceView[] = [];
  for (const s of doc.get('sentences')) {
    if (s.kind === 'boilerplate') continue;
    const toks: Tok[] = [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i]!;
      const text = doc.text.slice(t.start, t.end);
      toks.push({ start: t.start, end: t.end, pos: t.pos, lemma: t.lemma, normal: t.normal, type: t.type, sentence: t.sentence, text, low: fold(text), index: i });
    }
    out.push({ sentence: s, toks, start: s.start, end: s.end });
  }
  viewCache.set(doc, out);
  return out;
}

// Several components read the same views; the cache dies with the document.
const viewCache = new WeakMap<Doc, SentenceView[]>();

/** True when nothing but spaces separates two adjacent tokens' text (they are written as one word). */
export function glued(a: Tok, b: Tok): boolean {
  return a.end === b.start;
}
