/**
 * The part-of-speech tagger: greedy left to right, an averaged perceptron over the word, its affixes and
 * shape, the two words on each side and the two tags already chosen (Collins 2002; Ratnaparkhi's
 * features). Tags are Universal POS.
 */
import { key1, key2, key3 } from './hash.js';
import { lexOf, PAD, type Lex } from './lexical.js';
import { argmax } from './linear.js';
import type { Scorer } from './scorer.js';

export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS)[number];
export const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

/** Tag id used for positions before the sentence. */
const START = 100;

export const MAX_TAG_FEATURES = 40;

/** The features of word i given the tags chosen for words before it. Returns how many were written. */
export function tagFeatures(lex: readonly Lex[], i: number, tags: ArrayLike<number>, out: Uint32Array): number {
  const w = lex[i]!;
  const p1 = lex[i - 1] ?? PAD;
  const p2 = lex[i - 2] ?? PAD;
  const n1 = lex[i + 1] ?? PAD;
  const n2 = lex[i + 2] ?? PAD;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  let n = 0;
  out[n++] = key1(1, 0);
  out[n++] = key1(2, w.lower);
  out[n++] = key1(3, w.form);
  out[n++] = key1(4, w.suf[0]);
  out[n++] = key1(5, w.suf[1]);
  out[n++] = key1(6, w.suf[2]);
  out[n++] = key1(7, w.suf[3]);
  out[n++] = key1(8, w.pre[0]);
  out[n++] = key1(9, w.pre[1]);
  out[n++] = key1(10, w.pre[2]);
  out[n++] = key1(11, w.shape);
  out[n++] = key1(12, w.flags);
  out[n++] = key2(13, w.flags, i === 0 ? 1 : 0);
  out[n++] = key1(14, p1.lower);
  out[n++] = key1(15, n1.lower);
  out[n++] = key1(16, p2.lower);
  out[n++] = key1(17, n2.lower);
  out[n++] = key1(18, p1.suf[2]);
  out[n++] = key1(19, n1.suf[2]);
  out[n++] = key1(20, n1.suf[1]);
  out[n++] = key1(21, p1.shape);
  out[n++] = key1(22, n1.shape);
  out[n++] = key1(23, t1);
  out[n++] = key2(24, t1, t2);
  out[n++] = key2(25, t1, w.lower);
  out[n++] = key2(26, t1, w.suf[2]);
  out[n++] = key2(27, p1.lower, w.lower);
  out[n++] = key2(28, w.lower, n1.lower);
  out[n++] = key3(29, p1.lower, w.lower, n1.lower);
  out[n++] = key2(30, t1, n1.lower);
  out[n++] = key2(31, w.suf[1], n1.lower);
  out[n++] = key1(32, n2.suf[2]);
  out[n++] = key2(33, t2, p2.lower);
  out[n++] = key2(34, w.shape, n1.shape);
  return n;
}

/** Lexical views of the words of a sentence. */
export function lexicon(forms: readonly string[]): Lex[] {
  return forms.map(lexOf);
}

/** Tag ids for the words of one sentence. */
export function tagWords(model: Scorer, forms: readonly string[]): number[] {
  const lex = lexicon(forms);
  const tags = new Array<number>(forms.length).fill(0);
  const feats = new Uint32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(model.nClasses);
  for (let i = 0; i < forms.length; i++) {
    const n = tagFeatures(lex, i, tags, feats);
    model.score(feats, n, scores);
    tags[i] = argmax(scores, model.nClasses);
  }
  return tags;
}
