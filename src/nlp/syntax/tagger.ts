/**
 * The part-of-speech tagger: greedy left to right, an averaged perceptron over the word, its affixes and
 * shape, the two words on each side and the two tags already chosen (Collins 2002; Ratnaparkhi's
 * features). Tags are Universal POS.
 */
import { key1, key2, key3 } from './hash.js';
import { lexOf, PAD, type Lex } from './lexical.js';
import { argmax, LinearModel } from './linear.js';
import type { Scorer } from './scorer.js';
import { addWindowVotes, WordVotes, wordVotesFor } from './word-votes.js';

export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS)[number];
export const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

/** Tag id used for positions before the sentence. */
const START = 100;

export const MAX_TAG_FEATURES = 40;

/** A word's roles in the features: itself, and the previous, next, second previous and second next word. */
const SELF = 0, AS_P1 = 1, AS_N1 = 2, AS_P2 = 3, AS_N2 = 4;
const ROLES = 5;

/** The templates that read one word alone, in one role: the same wherever the word occurs (./word-votes.ts). */
function tagWordFeatures(role: number, w: Lex, out: Uint32Array, at = 0): number {
  let n = at;
  switch (role) {
    case SELF:
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
      break;
    case AS_P1:
      out[n++] = key1(14, w.lower);
      out[n++] = key1(18, w.suf[2]);
      out[n++] = key1(21, w.shape);
      break;
    case AS_N1:
      out[n++] = key1(15, w.lower);
      out[n++] = key1(19, w.suf[2]);
      out[n++] = key1(20, w.suf[1]);
      out[n++] = key1(22, w.shape);
      break;
    case AS_P2:
      out[n++] = key1(16, w.lower);
      break;
    default:
      out[n++] = key1(17, w.lower);
      out[n++] = key1(32, w.suf[2]);
  }
  return n - at;
}

/** The templates that read word i with its neighbours or the tags chosen before it. */
function tagContextFeatures(lex: readonly Lex[], i: number, tags: ArrayLike<number>, out: Uint32Array, at: number): number {
  const w = lex[i]!;
  const p1 = lex[i - 1] ?? PAD;
  const p2 = lex[i - 2] ?? PAD;
  const n1 = lex[i + 1] ?? PAD;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  let n = at;
  out[n++] = key2(13, w.flags, i === 0 ? 1 : 0);
  out[n++] = key1(23, t1);
  out[n++] = key2(24, t1, t2);
  out[n++] = key2(25, t1, w.lower);
  out[n++] = key2(26, t1, w.suf[2]);
  out[n++] = key2(27, p1.lower, w.lower);
  out[n++] = key2(28, w.lower, n1.lower);
  out[n++] = key3(29, p1.lower, w.lower, n1.lower);
  out[n++] = key2(30, t1, n1.lower);
  out[n++] = key2(31, w.suf[1], n1.lower);
  out[n++] = key2(33, t2, p2.lower);
  out[n++] = key2(34, w.shape, n1.shape);
  return n - at;
}

/** The features of word i given the tags chosen for words before it. Returns how many were written. */
export function tagFeatures(lex: readonly Lex[], i: number, tags: ArrayLike<number>, out: Uint32Array): number {
  let n = tagWordFeatures(SELF, lex[i]!, out);
  n += tagWordFeatures(AS_P1, lex[i - 1] ?? PAD, out, n);
  n += tagWordFeatures(AS_N1, lex[i + 1] ?? PAD, out, n);
  n += tagWordFeatures(AS_P2, lex[i - 2] ?? PAD, out, n);
  n += tagWordFeatures(AS_N2, lex[i + 2] ?? PAD, out, n);
  return n + tagContextFeatures(lex, i, tags, out, n);
}

const wordVotes = new WeakMap<LinearModel, WordVotes>();

/** Lexical views of the words of a sentence. */
export function lexicon(forms: readonly string[]): Lex[] {
  return forms.map(lexOf);
}

/** Tag ids for the words of one sentence (`lex`: their lexicon(forms), when the caller has it already). */
export function tagWords(model: Scorer, forms: readonly string[], lex: readonly Lex[] = lexicon(forms)): number[] {
  const n = forms.length;
  const tags = new Array<number>(n).fill(0);
  const feats = new Uint32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(model.nClasses);
  if (!(model instanceof LinearModel)) {
    for (let i = 0; i < n; i++) {
      model.score(feats, tagFeatures(lex, i, tags, feats), scores);
      tags[i] = argmax(scores, model.nClasses);
    }
    return tags;
  }
  // A frozen model: the templates of one word alone are summed once per word.
  const C = model.nClasses;
  const memo = wordVotesFor(wordVotes, model, () => new WordVotes(model, ROLES, (r, w, _form, _aux, out) => tagWordFeatures(r, w, out), MAX_TAG_FEATURES));
  const words = lex.map((w) => memo.of(w, '', 0));
  const pad = memo.of(PAD, '', 0);
  const acc = new Int32Array(C);
  for (let i = 0; i < n; i++) {
    addWindowVotes(acc, words, n, pad, i, C);
    model.score(feats, tagContextFeatures(lex, i, tags, feats, 0), scores, acc);
    tags[i] = argmax(scores, C);
  }
  return tags;
}
