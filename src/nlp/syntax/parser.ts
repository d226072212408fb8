/**
 * The dependency parser: greedy arc-hybrid transitions (./transitions.ts) chosen by an averaged
 * perceptron over the rich non-local features of Zhang & Nivre (2011) — words and tags of the stack and
 * buffer tops, their children, distances, valencies and the label sets of children — adapted to
 * arc-hybrid (the second stack word stands for the head candidate). Labels are UD relations with their
 * subtypes (nsubj:pass, obl:agent, acl:relcl).
 */
import { wordClusters } from './clusters.js';
import { key1, key2, key3, strHash } from './hash.js';
import { lexOf, type Lex } from './lexical.js';
import type { Scorer } from './scorer.js';
import { ParseState, SHIFT } from './transitions.js';

export const MAX_PARSE_FEATURES = 128;

// Signed, as Lex's hashes are (./lexical.ts): the same feature keys, small integers to V8.
const NONE_W = strHash('<none>') | 0;
const ROOT_W = strHash('<root>') | 0;
const NONE_T = 90;
const ROOT_T = 91;
const NONE_L = 99;

/** Cluster ids outside the sentence (0 is a word the clusters lack). */
const NONE_C = -1;
const ROOT_C = -2;

/**
 * The sentence as the parser sees it: lower-cased word hashes, tag ids, and each word's clusters
 * (clusters.ts) at level 2 (512 clusters) and at the leaf (4,096), 0 for a word the clusters lack.
 * Clusters carry what the treebank's 200,000 words cannot: that "shelled" attaches like "bombed".
 */
export interface ParseInput {
  words: Int32Array | number[];
  tags: Int32Array | number[];
  c2: Int32Array | number[];
  c3: Int32Array | number[];
}

export function parseInput(forms: readonly string[], tags: readonly number[], lex?: readonly Lex[]): ParseInput {
  const wc = wordClusters();
  const words = lex ? lex.map((l) => l.lower) : forms.map((f) => lexOf(f).lower);
  // The clusters' keys are strHash's, unsigned; Lex holds the same bits signed.
  const rows = words.map((w) => wc.rowOfKey(w >>> 0));
  return { words, tags: [...tags], c2: rows.map((r) => wc.clusterAt(r, 2)), c3: rows.map((r) => wc.clusterAt(r, 3)) };
}

function bucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

/** Features of the parser state. Returns how many were written into out. */
// The word, tag, label and clusters at a position of the state (n: the root; below 0: none). Module-level
// functions rather than closures made in parseFeatures: five closures a parser state were garbage.
const W = (inp: ParseInput, n: number, i: number) => (i < 0 ? NONE_W : i === n ? ROOT_W : inp.words[i]!);
const T = (inp: ParseInput, n: number, i: number) => (i < 0 ? NONE_T : i === n ? ROOT_T : inp.tags[i]!);
const L = (st: ParseState, i: number) => (i < 0 ? NONE_L : st.labels[i]!);
const C2 = (inp: ParseInput, n: number, i: number) => (i < 0 ? NONE_C : i === n ? ROOT_C : inp.c2[i]!);
const C3 = (inp: ParseInput, n: number, i: number) => (i < 0 ? NONE_C : i === n ? ROOT_C : inp.c3[i]!);

export function parseFeatures(st: ParseState, inp: ParseInput, out: Uint32Array): number {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const n0 = st.b <= n ? st.b : -1;
  const n1 = st.b + 1 < n ? st.b + 1 : st.b + 1 === n ? n : -1;
  const n2 = st.b + 2 < n ? st.b + 2 : st.b + 2 === n ? n : -1;
  const s0l = st.leftChild(s0, 0);
  const s0l2 = st.leftChild(s0, 1);
  const s0r = st.rightChild(s0, 0);
  const s0r2 = st.rightChild(s0, 1);
  const n0l = st.leftChild(n0, 0);
  const n0l2 = st.leftChild(n0, 1);
  const s1l = st.leftChild(s1, 0);
  const s1r = st.rightChild(s1, 0);
  const s0ll = st.leftChild(s0l, 0);

  const s0w = W(inp, n, s0), s0p = T(inp, n, s0), n0w = W(inp, n, n0), n0p = T(inp, n, n0), n1w = W(inp, n, n1), n1p = T(inp, n, n1), n2w = W(inp, n, n2), n2p = T(inp, n, n2);
  const s1w = W(inp, n, s1), s1p = T(inp, n, s1), s2p = T(inp, n, s2);
  const dist = s0 >= 0 && n0 >= 0 ? (n0 === n ? 8 : bucket(n0 - s0)) : 0;
  const s0vl = s0 >= 0 ? st.lefts[s0]!.length : 0;
  const s0vr = s0 >= 0 ? st.rights[s0]!.length : 0;
  const n0vl = n0 >= 0 ? st.lefts[n0]!.length : 0;
  const s0slLo = s0 >= 0 ? st.leftLo[s0]! : 0, s0slHi = s0 >= 0 ? st.leftHi[s0]! : 0;
  const s0srLo = s0 >= 0 ? st.rightLo[s0]! : 0, s0srHi = s0 >= 0 ? st.rightHi[s0]! : 0;
  const n0slLo = n0 >= 0 ? st.leftLo[n0]! : 0, n0slHi = n0 >= 0 ? st.leftHi[n0]! : 0;

  let k = 0;
  const o = out;
  o[k++] = key1(1, 0);
  // single words
  o[k++] = key2(2, s0w, s0p);
  o[k++] = key1(3, s0w);
  o[k++] = key1(4, s0p);
  o[k++] = key2(5, n0w, n0p);
  o[k++] = key1(6, n0w);
  o[k++] = key1(7, n0p);
  o[k++] = key2(8, n1w, n1p);
  o[k++] = key1(9, n1w);
  o[k++] = key1(10, n1p);
  o[k++] = key2(11, n2w, n2p);
  o[k++] = key1(12, n2w);
  o[k++] = key1(13, n2p);
  o[k++] = key2(14, s1w, s1p);
  o[k++] = key1(15, s1w);
  o[k++] = key1(16, s1p);
  // pairs
  o[k++] = key3(17, s0w, s0p, key2(0, n0w, n0p));
  o[k++] = key3(18, s0w, s0p, n0w);
  o[k++] = key3(19, s0w, n0w, n0p);
  o[k++] = key3(20, s0w, s0p, n0p);
  o[k++] = key3(21, s0p, n0w, n0p);
  o[k++] = key2(22, s0w, n0w);
  o[k++] = key2(23, s0p, n0p);
  o[k++] = key2(24, n0p, n1p);
  o[k++] = key2(25, s1p, s0p);
  o[k++] = key2(26, s1w, s0w);
  o[k++] = key3(27, s1w, s0p, s1p);
  o[k++] = key3(28, s1p, s0w, s0p);
  o[k++] = key2(29, s1w, n0w);
  o[k++] = key2(30, s1p, n0p);
  // triples
  o[k++] = key3(31, n0p, n1p, n2p);
  o[k++] = key3(32, s0p, n0p, n1p);
  o[k++] = key3(33, s1p, s0p, n0p);
  o[k++] = key3(34, s0p, T(inp, n, s0l), n0p);
  o[k++] = key3(35, s0p, T(inp, n, s0r), n0p);
  o[k++] = key3(36, s0p, n0p, T(inp, n, n0l));
  o[k++] = key3(37, s2p, s1p, s0p);
  o[k++] = key3(38, s1p, T(inp, n, s1r), s0p);
  // distance
  o[k++] = key2(39, s0w, dist);
  o[k++] = key2(40, s0p, dist);
  o[k++] = key2(41, n0w, dist);
  o[k++] = key2(42, n0p, dist);
  o[k++] = key3(43, s0w, n0w, dist);
  o[k++] = key3(44, s0p, n0p, dist);
  // valency
  o[k++] = key2(45, s0w, s0vr);
  o[k++] = key2(46, s0p, s0vr);
  o[k++] = key2(47, s0w, s0vl);
  o[k++] = key2(48, s0p, s0vl);
  o[k++] = key2(49, n0w, n0vl);
  o[k++] = key2(50, n0p, n0vl);
  // children
  o[k++] = key1(51, W(inp, n, s0l));
  o[k++] = key1(52, T(inp, n, s0l));
  o[k++] = key1(53, L(st, s0l));
  o[k++] = key1(54, W(inp, n, s0r));
  o[k++] = key1(55, T(inp, n, s0r));
  o[k++] = key1(56, L(st, s0r));
  o[k++] = key1(57, W(inp, n, n0l));
  o[k++] = key1(58, T(inp, n, n0l));
  o[k++] = key1(59, L(st, n0l));
  o[k++] = key1(60, W(inp, n, s0l2));
  o[k++] = key1(61, T(inp, n, s0l2));
  o[k++] = key1(62, L(st, s0l2));
  o[k++] = key1(63, W(inp, n, s0r2));
  o[k++] = key1(64, T(inp, n, s0r2));
  o[k++] = key1(65, L(st, s0r2));
  o[k++] = key1(66, W(inp, n, n0l2));
  o[k++] = key1(67, T(inp, n, n0l2));
  o[k++] = key1(68, L(st, n0l2));
  o[k++] = key3(69, s0p, T(inp, n, s0l), T(inp, n, s0l2));
  o[k++] = key3(70, s0p, T(inp, n, s0r), T(inp, n, s0r2));
  o[k++] = key3(71, n0p, T(inp, n, n0l), T(inp, n, n0l2));
  o[k++] = key2(72, T(inp, n, s1l), L(st, s1l));
  o[k++] = key2(73, T(inp, n, s1r), L(st, s1r));
  o[k++] = key2(74, T(inp, n, s0ll), s0p);
  o[k++] = key3(75, s0p, L(st, s0l), L(st, s0r));
  o[k++] = key3(76, s0w, L(st, s0l), n0p);
  // label sets
  o[k++] = key3(77, s0w, s0srLo, s0srHi);
  o[k++] = key3(78, s0p, s0srLo, s0srHi);
  o[k++] = key3(79, s0w, s0slLo, s0slHi);
  o[k++] = key3(80, s0p, s0slLo, s0slHi);
  o[k++] = key3(81, n0w, n0slLo, n0slHi);
  o[k++] = key3(82, n0p, n0slLo, n0slHi);
  // words around s0 and n0 in the sentence (punctuation and conjunctions between them matter)
  o[k++] = key2(83, s0p, s0 >= 0 && s0 + 1 < n ? T(inp, n, s0 + 1) : NONE_T);
  o[k++] = key2(84, n0p, n0 > 0 && n0 < n ? T(inp, n, n0 - 1) : NONE_T);
  o[k++] = key3(85, s0p, n0p, s0 >= 0 && s0 + 1 < n ? T(inp, n, s0 + 1) : NONE_T);
  o[k++] = key3(86, s0p, n0p, n0 > 0 && n0 < n ? T(inp, n, n0 - 1) : NONE_T);
  o[k++] = key2(87, s0 >= 0 && s0 > 0 ? W(inp, n, s0 - 1) : NONE_W, s0p);
  o[k++] = key1(88, st.sp > 3 ? 3 : st.sp);
  // word clusters (Koo, Carreras & Collins 2008): the word templates again with a cluster for the word
  const s0c2 = C2(inp, n, s0), s0c3 = C3(inp, n, s0), n0c2 = C2(inp, n, n0), n0c3 = C3(inp, n, n0), n1c2 = C2(inp, n, n1), s1c2 = C2(inp, n, s1);
  o[k++] = key2(89, s0c3, s0p);
  o[k++] = key2(90, n0c3, n0p);
  o[k++] = key2(91, C3(inp, n, n1), n1p);
  o[k++] = key2(92, C3(inp, n, s1), s1p);
  o[k++] = key2(93, s0c2, n0c2);
  o[k++] = key3(94, s0c3, s0p, n0p);
  o[k++] = key3(95, s0p, n0c3, n0p);
  o[k++] = key3(96, s0c2, n0c2, dist);
  o[k++] = key3(97, s1c2, s0c2, n0p);
  o[k++] = key3(98, s1c2, s0p, n0c2);
  o[k++] = key3(99, s0c2, n0c2, n1c2);
  o[k++] = key3(100, s0w, n0c2, n0p);
  o[k++] = key3(101, s0c2, s0p, n0w);
  o[k++] = key3(102, s0p, C2(inp, n, s0l), L(st, s0l));
  o[k++] = key3(103, s0p, C2(inp, n, s0r), L(st, s0r));
  o[k++] = key3(104, n0p, C2(inp, n, n0l), L(st, n0l));
  o[k++] = key3(105, s0c2, s0vl, s0vr);
  return k;
}

export interface Parse {
  /** Head of each word: a word index, or -1 for the root. */
  heads: number[];
  /** Label id of each word's arc. */
  labels: number[];
}

/**
 * The only move allowed in this state, or -1 when there is a choice: SHIFT when the stack is empty, the
 * root arc when one word is left on the stack and the buffer holds only the root.
 */
function forcedMove(st: ParseState, nLabels: number, rootLabel: number): number {
  if (st.sp === 0) return st.canShift() ? SHIFT : -1;
  if (st.sp === 1 && st.b >= st.n) return 1 + rootLabel;
  return -1;
}

/** argmax over the moves isValid admits (the same choice, ties to the lowest move). */
function bestValid(st: ParseState, scores: Float64Array, nClasses: number, nLabels: number, rootLabel: number): number {
  let best = -1;
  let bestScore = -Infinity;
  const shift = st.canShift();
  const left = st.canLeft();
  const right = st.canRight();
  const rootArc = st.b === st.n;
  for (let m = 0; m < nClasses; m++) {
    const ok = m === SHIFT ? shift : m <= nLabels ? left && (m - 1 === rootLabel) === rootArc : right && m - 1 - nLabels !== rootLabel;
    if (ok && scores[m]! > bestScore) {
      bestScore = scores[m]!;
      best = m;
    }
  }
  return best;
}

/** Parses one sentence greedily. */
export function parseWords(model: Scorer, inp: ParseInput, nLabels: number, rootLabel: number): Parse {
  const n = inp.words.length;
  const st = new ParseState(n);
  const feats = new Uint32Array(MAX_PARSE_FEATURES);
  const scores = new Float64Array(model.nClasses);
  while (!st.done) {
    const forced = forcedMove(st, nLabels, rootLabel);
    if (forced >= 0) {
      // One move is allowed: scoring would choose it whatever the scores, so they are not computed.
      st.apply(forced, nLabels);
      continue;
    }
    const k = parseFeatures(st, inp, feats);
    model.score(feats, k, scores);
    const m = bestValid(st, scores, model.nClasses, nLabels, rootLabel);
    st.apply(m < 0 ? SHIFT : m, nLabels);
  }
  const heads: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    heads.push(st.heads[i] === n ? -1 : st.heads[i]!);
    labels.push(st.labels[i]!);
  }
  return { heads, labels };
}
