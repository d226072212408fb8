/**
 * The named-entity recogniser: PER, ORG and LOC spans (Universal NER's types) from a BILOU tagger — a
 * structured perceptron (Collins 2002) over the word, its shape and affixes, its neighbours, the part of
 * speech, what sitrep's lists say (./name-lists.ts) and the previous tag, decoded exactly with Viterbi
 * under the BILOU constraints (an entity begun is continued or closed, never left open).
 */
import { wordClusters } from './clusters.js';
import { key1, key2, key3, strHash } from './hash.js';
import { F_UPPER_FIRST, PAD, type Lex } from './lexical.js';
import type { NameEvidence } from './name-lists.js';
import { LinearModel } from './linear.js';
import type { Scorer } from './scorer.js';
import { addWindowVotes, WordVotes, wordVotesFor } from './word-votes.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Class ids: 0 O; for type t, 1+4t B, 2+4t I, 3+4t L, 4+4t U. */
export const NER_CLASSES = 1 + 4 * ENTITY_TYPES.length;
const B = 1, I = 2, L = 3, U = 4;
export const bilou = (type: number, part: number) => 1 + 4 * type + (part - 1);
export const partOf = (c: number) => (c === 0 ? 0 : ((c - 1) % 4) + 1);
export const typeOf = (c: number) => (c === 0 ? -1 : Math.floor((c - 1) / 4));

export const MAX_STATIC = 180;
// Patterns made once: a regular-expression literal is a new object each time it is evaluated.
const CAPITAL_FIRST = /^\p{Lu}/u;
const A_LETTER = /\p{L}/u;
const dimBuf = new Uint32Array(128);
/** The word's binarised vector (clusters.ts): one feature per dimension set to +1 or -1. */
function dimFeatures(row: number, out: Uint32Array, at: number): number {
  const k = wordClusters().activeDims(row, dimBuf);
  for (let j = 0; j < k; j++) out[at + j] = key1(70, dimBuf[j]!);
  return k;
}
export const MAX_DYNAMIC = 12;
/** The "previous class" before the first word. */
export const START = NER_CLASSES;
const NO_TAG = 61;

/** Whether class c may follow class prev (START at the start), and end the sentence when last. */
export function nerAllowed(prev: number, c: number, last: boolean): boolean {
  const open = prev !== START && prev > 0 && (partOf(prev) === B || partOf(prev) === I);
  if (open) return typeOf(c) === typeOf(prev) && (partOf(c) === L || (partOf(c) === I && !last));
  return c === 0 || partOf(c) === U || (partOf(c) === B && !last);
}

export interface NerInput {
  lex: readonly Lex[];
  /** UPOS ids (the tagger's). */
  tags: ArrayLike<number>;
  names: NameEvidence;
  /** Most of the sentence's words are capitalised (a headline): capitals say less. */
  headline: boolean;
  /** How each word is written elsewhere in the document (name-lists.ts documentCasing). */
  casing: ArrayLike<number>;
  /** The word forms (for character n-grams). */
  forms?: readonly string[];
}

/** A word's roles in the static features: itself, and the previous, next, second previous and second next word. */
const SELF = 0, AS_P1 = 1, AS_N1 = 2, AS_P2 = 3, AS_N2 = 4;
/**
 * Then, for a frozen model (WordVotes), one role per previous class p (START included): the word's own
 * templates conjoined with p (WORD_DYNAMIC), so roles DYN … DYN + C are laid out as a position's dynamic
 * scores are, p * C + c.
 */
const DYN = 5;
const ROLES = DYN + NER_CLASSES + 1;

/**
 * The static templates that read one word alone, in one role (`form`: the word as written, '' if unknown;
 * `row`: its row in the word clusters). They are the same wherever the word occurs (./word-votes.ts).
 */
function nerWordFeatures(role: number, w: Lex, form: string, row: number, out: Uint32Array, at = 0): number {
  let n = at;
  switch (role) {
    case SELF:
      out[n++] = key1(1, 0);
      out[n++] = key1(2, w.lower);
      out[n++] = key1(3, w.form);
      out[n++] = key1(4, w.suf[1]);
      out[n++] = key1(5, w.suf[2]);
      out[n++] = key1(6, w.suf[3]);
      out[n++] = key1(7, w.pre[1]);
      out[n++] = key1(8, w.pre[2]);
      // Character trigrams of a capitalised word: name-like spellings ("-ski", "Mc", "-ton", "-abad").
      if (CAPITAL_FIRST.test(form)) {
        const f = form.toLowerCase();
        for (let k = 0; k + 3 <= f.length && k < 12; k++) out[n++] = key1(60, strHash(f.slice(k, k + 3)));
      }
      // The binarised vector, only for capitalised words (where names are): on dev, 0.006 F1 short of every
      // word's at a sixth of the cost.
      if ((w.flags & F_UPPER_FIRST) !== 0) n += dimFeatures(row, out, n);
      return n - at;
    case AS_P1:
      out[n++] = key1(11, w.lower);
      out[n++] = key1(15, w.form);
      return n - at;
    case AS_N1:
      out[n++] = key1(12, w.lower);
      out[n++] = key1(16, w.form);
      return n - at;
    case AS_P2:
      out[n++] = key1(13, w.lower);
      return n - at;
    case AS_N2:
      out[n++] = key1(14, w.lower);
      return n - at;
    default:
      for (const t of WORD_DYNAMIC) out[n++] = t.key(role - DYN, t.value(w));
      return n - at;
  }
}

/** The static templates that read word i in its context (its neighbours, tags, lists, the sentence). */
function nerContextFeatures(inp: NerInput, i: number, out: Uint32Array, at: number): number {
  const { lex, tags, names } = inp;
  const w = lex[i]!;
  const p1 = lex[i - 1] ?? PAD;
  const p2 = lex[i - 2] ?? PAD;
  const n1 = lex[i + 1] ?? PAD;
  const pos = tags[i]!;
  const posP = i > 0 ? tags[i - 1]! : NO_TAG;
  const posN = i + 1 < lex.length ? tags[i + 1]! : NO_TAG;
  const gaz = names.gaz[i]!;
  const gazP = i > 0 ? names.gaz[i - 1]! : 0;
  const gazN = i + 1 < lex.length ? names.gaz[i + 1]! : 0;
  const act = names.actor[i]!;
  const word = names.word[i]!;
  const wordP = i > 0 ? names.word[i - 1]! : 0;
  const wordN = i + 1 < lex.length ? names.word[i + 1]! : 0;
  const head = inp.headline ? 1 : 0;
  let n = at;
  out[n++] = key2(9, w.shape, head);
  out[n++] = key2(10, w.flags, i === 0 ? 1 : 0);
  out[n++] = key2(17, p1.shape, head);
  out[n++] = key2(18, n1.shape, head);
  out[n++] = key2(23, p1.lower, w.shape);
  out[n++] = key2(24, w.shape, n1.lower);
  out[n++] = key2(25, p1.lower, w.lower);
  out[n++] = key2(26, w.lower, n1.lower);
  out[n++] = key1(27, pos);
  out[n++] = key2(28, pos, posP);
  out[n++] = key2(29, pos, posN);
  out[n++] = key2(30, pos, w.shape);
  out[n++] = key2(31, gaz, head);
  out[n++] = key3(32, gaz, w.shape, i === 0 ? 1 : 0);
  out[n++] = key2(34, gazP, gazN);
  out[n++] = key2(35, gaz, p1.lower);
  out[n++] = key2(36, act, w.shape);
  out[n++] = key2(38, word, w.shape);
  out[n++] = key3(39, word, wordP, wordN);
  out[n++] = key3(41, p2.lower, p1.lower, w.shape);
  out[n++] = key2(42, w.suf[2], n1.shape);
  out[n++] = key2(43, gaz, w.lower);
  const cas = inp.casing[i]!;
  out[n++] = key3(44, cas, w.shape, i === 0 ? 1 : 0);
  out[n++] = key3(45, cas, word, gaz === 0 ? 0 : 1);
  out[n++] = key2(46, cas, pos);
  out[n++] = key2(47, names.gazLower[i]!, p1.lower);
  out[n++] = key1(48, names.gazLower[i]!);
  const run = names.runPos[i]!;
  out[n++] = key2(49, run, names.runLast[i]!);
  out[n++] = key2(57, run, names.runFirst[i]!);
  out[n++] = key3(58, run, names.runLast[i]!, w.lower);
  const cue = names.runCue[i]!;
  out[n++] = key2(67, cue, run);
  out[n++] = key3(68, cue, gaz === 0 ? 0 : 1, names.word[i]! & 3);
  // Word clusters: what news text says a word is like, for words EWT never had ("a town like Kabul").
  const c3 = names.cluster3[i]!;
  out[n++] = key2(61, names.cluster1[i]!, w.shape);
  out[n++] = key2(62, names.cluster2[i]!, w.shape);
  out[n++] = key2(63, c3, w.shape);
  out[n++] = key2(64, i > 0 ? names.cluster2[i - 1]! : -1, w.shape);
  out[n++] = key2(65, i + 1 < lex.length ? names.cluster2[i + 1]! : -1, w.shape);
  out[n++] = key3(66, i > 0 ? names.cluster3[i - 1]! : -1, c3, head);
  return n - at;
}

/** Features of word i that do not depend on the previous tag: the word's own, its neighbours', its context's. */
export function nerStatic(inp: NerInput, i: number, out: Uint32Array): number {
  const { lex, names } = inp;
  let n = nerWordFeatures(SELF, lex[i]!, inp.forms?.[i] ?? '', names.clusterRow[i]!, out);
  n += nerWordFeatures(AS_P1, lex[i - 1] ?? PAD, '', -1, out, n);
  n += nerWordFeatures(AS_N1, lex[i + 1] ?? PAD, '', -1, out, n);
  n += nerWordFeatures(AS_P2, lex[i - 2] ?? PAD, '', -1, out, n);
  n += nerWordFeatures(AS_N2, lex[i + 2] ?? PAD, '', -1, out, n);
  return n + nerContextFeatures(inp, i, out, n);
}

/**
 * The templates conjoined with the previous class p, each as (p, the word's value) → key. The values are
 * few (shapes, tags, list codes) except the lower-cased word, so a frozen model's votes for all p at
 * once are worth keeping per value (DynamicVotes).
 */
const WORD_DYNAMIC: readonly { key: (p: number, v: number) => number; value: (w: Lex) => number }[] = [
  { key: (p) => key1(50, p), value: () => 0 },
  { key: (p, v) => key2(51, p, v), value: (w) => w.shape },
  { key: (p, v) => key2(52, p, v), value: (w) => w.lower },
];
const DYNAMIC: readonly { key: (p: number, v: number) => number; value: (inp: NerInput, i: number) => number }[] = [
  // The templates of the word alone come first: with a frozen model they are summed per word (WordVotes).
  ...WORD_DYNAMIC.map((t) => ({ key: t.key, value: (inp: NerInput, i: number) => t.value(inp.lex[i]!) })),
  { key: (p, v) => key2(53, p, v), value: (inp, i) => inp.names.gaz[i]! },
  { key: (p, v) => key2(54, p, v), value: (inp, i) => inp.names.actor[i]! },
  { key: (p, v) => key2(55, p, v), value: (inp, i) => inp.names.word[i]! },
  { key: (p, v) => key2(59, p, v), value: (inp, i) => inp.names.runPos[i]! },
  // The tag (< 128) and the shape's 32-bit hash in one exact number.
  { key: (p, v) => key3(56, p, Math.floor(v / 2 ** 32), v % 2 ** 32), value: (inp, i) => inp.tags[i]! * 2 ** 32 + (inp.lex[i]!.shape >>> 0) },
];

/** Features of word i conjoined with the previous class p. */
export function nerDynamic(inp: NerInput, i: number, p: number, out: Uint32Array): number {
  let n = 0;
  for (const t of DYNAMIC) out[n++] = t.key(p, t.value(inp, i));
  return n;
}

/**
 * A frozen model's votes of each dynamic template for one value, for every previous class p (row p of
 * C + 1, START last): integer sums, scaled only when added up, so the scores are those of score().
 */
class DynamicVotes {
  private readonly tables = DYNAMIC.map(() => new Map<number, Int32Array>());
  /** Per template; a long-running process reads unbounded vocabulary. */
  private static readonly LIMIT = 20_000;

  constructor(private readonly model: LinearModel) {}

  votes(t: number, v: number): Int32Array {
    const table = this.tables[t]!;
    let block = table.get(v);
    if (!block) {
      const C = NER_CLASSES;
      block = new Int32Array((C + 1) * C);
      const tmpl = DYNAMIC[t]!;
      for (let p = 0; p <= C; p++) this.model.addVotes(tmpl.key(p, v), block, p * C);
      if (table.size >= DynamicVotes.LIMIT) table.clear();
      table.set(v, block);
    }
    return block;
  }

  /**
   * The summed blocks of the list templates (gaz, actor, word, run: DYNAMIC[3…6]) for one combination of
   * values: most words have the same few (a lower-case word is in no list), so one block stands for four.
   * Null when a value falls outside the ranges the combined key holds exactly.
   */
  lists(gaz: number, actor: number, word: number, run: number): Int32Array | null {
    if (!(gaz >= 0 && gaz < 2048 && actor >= 0 && actor < 2048 && word >= 0 && word < 32 && run >= 0 && run < 8)) return null;
    const key = ((gaz * 2048 + actor) * 32 + word) * 8 + run;
    let block = this.combined.get(key);
    if (!block) {
      block = new Int32Array((NER_CLASSES + 1) * NER_CLASSES);
      const parts = [this.votes(3, gaz), this.votes(4, actor), this.votes(5, word), this.votes(6, run)];
      for (const b of parts) for (let x = 0; x < block.length; x++) block[x] += b[x]!;
      if (this.combined.size >= DynamicVotes.LIMIT) this.combined.clear();
      this.combined.set(key, block);
    }
    return block;
  }
  private readonly combined = new Map<number, Int32Array>();

  /**
   * The block of the last template (the tag and the shape) for one word: as votes(DYNAMIC.length - 1, v),
   * kept by shape then tag. Its value joins the two in a number above 2^32, a heap number at every word
   * and a slow map key.
   */
  tagShape(tag: number, shape: number): Int32Array {
    let row = this.byShape.get(shape);
    if (!row) {
      if (this.byShape.size >= DynamicVotes.LIMIT) this.byShape.clear();
      this.byShape.set(shape, (row = []));
    }
    let block = row[tag];
    if (!block) {
      const C = NER_CLASSES;
      block = new Int32Array((C + 1) * C);
      for (let p = 0; p <= C; p++) this.model.addVotes(key3(56, p, tag, shape >>> 0), block, p * C);
      row[tag] = block;
    }
    return block;
  }
  private readonly byShape = new Map<number, Int32Array[]>();
}

const dynamicVotes = new WeakMap<LinearModel, DynamicVotes>();
const staticVotes = new WeakMap<LinearModel, WordVotes>();

/** Arrays a decoding reuses from one sentence to the next (nerWords): a sentence's tables are garbage at once. */
class NerScratch {
  stat = new Float64Array(0);
  dyn = new Float64Array(0);
  best = new Float64Array(0);
  back = new Int32Array(0);
  readonly feats = new Uint32Array(Math.max(MAX_STATIC, MAX_DYNAMIC));
  readonly scores = new Float64Array(NER_CLASSES);
  readonly acc = new Int32Array(NER_CLASSES);
  readonly blocks: Int32Array[] = [];
  readonly words: Int32Array[] = [];

  /** The score tables for n words, zeroed. */
  tables(n: number): { stat: Float64Array; dyn: Float64Array } {
    const C = NER_CLASSES;
    if (this.stat.length < n * C) {
      this.stat = new Float64Array(n * C * 2);
      this.dyn = new Float64Array(n * (C + 1) * C * 2);
    }
    const stat = this.stat.subarray(0, n * C);
    const dyn = this.dyn.subarray(0, n * (C + 1) * C);
    stat.fill(0);
    dyn.fill(0);
    return { stat, dyn };
  }
}
const scratch = new NerScratch();

/**
 * The per-position score tables Viterbi needs: static[i*C + c] and dynamic[(i*(C+1) + p)*C + c]. With a
 * frozen model, dynamic scores of transitions BILOU forbids are left 0 (Viterbi never reads them).
 * With `reuse`, the tables are the shared scratch's, valid until the next call.
 */
export function nerScores(model: Scorer, inp: NerInput, reuse = false): { stat: Float64Array; dyn: Float64Array } {
  const n = inp.lex.length;
  const C = NER_CLASSES;
  const { stat, dyn } = reuse ? scratch.tables(n) : { stat: new Float64Array(n * C), dyn: new Float64Array(n * (C + 1) * C) };
  const feats = scratch.feats;
  const scores = scratch.scores;
  if (!(model instanceof LinearModel)) {
    for (let i = 0; i < n; i++) {
      model.score(feats, nerStatic(inp, i, feats), scores);
      for (let c = 0; c < C; c++) stat[i * C + c] = scores[c]!;
      for (let p = 0; p <= C; p++) {
        if ((i === 0) !== (p === START)) continue;
        model.score(feats, nerDynamic(inp, i, p, feats), scores);
        for (let c = 0; c < C; c++) dyn[(i * (C + 1) + p) * C + c] = scores[c]!;
      }
    }
    return { stat, dyn };
  }
  // A frozen model: the templates of one word alone are summed once per word (./word-votes.ts), those of
  // other values once per value (DynamicVotes), and added up per position.
  let cached = dynamicVotes.get(model);
  if (!cached) dynamicVotes.set(model, (cached = new DynamicVotes(model)));
  const memo = wordVotesFor(staticVotes, model, () => new WordVotes(model, ROLES, nerWordFeatures, MAX_STATIC));
  const words = scratch.words;
  words.length = n;
  for (let i = 0; i < n; i++) words[i] = memo.of(inp.lex[i]!, inp.forms?.[i] ?? '', inp.names.clusterRow[i]!);
  const pad = memo.of(PAD, '', -1);
  const acc = scratch.acc;
  const blocks = scratch.blocks;
  const nWord = WORD_DYNAMIC.length;
  const scale = model.scale;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    addWindowVotes(acc, words, n, pad, i, C);
    model.score(feats, nerContextFeatures(inp, i, feats, 0), scores, acc);
    for (let c = 0; c < C; c++) stat[i * C + c] = scores[c]!;
    // Only the transitions Viterbi may take are summed (position 0 follows START; later positions any
    // class but START, to a class BILOU allows after it): the others are never read and stay 0.
    const pairs = i === 0 ? FIRST_PAIRS : NEXT_PAIRS;
    const names = inp.names;
    const lists = cached.lists(names.gaz[i]!, names.actor[i]!, names.word[i]!, names.runPos[i]!);
    if (lists) {
      blocks.length = 2;
      blocks[0] = lists;
      blocks[1] = cached.tagShape(inp.tags[i]!, inp.lex[i]!.shape);
    } else {
      blocks.length = DYNAMIC.length - nWord;
      for (let t = nWord; t < DYNAMIC.length; t++) blocks[t - nWord] = cached.votes(t, DYNAMIC[t]!.value(inp, i));
    }
    const base = i * (C + 1) * C;
    const own = DYN * C;
    for (let j = 0; j < pairs.length; j++) {
      const x = pairs[j]!;
      let sum = w[own + x]!;
      for (let t = 0; t < blocks.length; t++) sum += blocks[t]![x]!;
      dyn[base + x] = sum * scale;
    }
  }
  return { stat, dyn };
}

/** nerAllowed as a table: ALLOWED[(last ? 1 : 0) * (C + 1) * C + prev * C + c], prev START included. */
const ALLOWED = (() => {
  const C = NER_CLASSES;
  const t = new Uint8Array(2 * (C + 1) * C);
  for (let last = 0; last < 2; last++) {
    for (let prev = 0; prev <= C; prev++) for (let c = 0; c < C; c++) t[last * (C + 1) * C + prev * C + c] = nerAllowed(prev, c, last === 1) ? 1 : 0;
  }
  return t;
})();

/**
 * The transitions Viterbi may read, as offsets p * C + c in a position's dynamic scores: from START to the
 * first word, and from any class to the next (allowed anywhere but at the last word, a superset of those
 * allowed there).
 */
const FIRST_PAIRS = Int32Array.from({ length: NER_CLASSES }, (_, c) => c).filter((c) => nerAllowed(START, c, false)).map((c) => START * NER_CLASSES + c);
const NEXT_PAIRS = Int32Array.from({ length: START * NER_CLASSES }, (_, x) => x).filter((x) => nerAllowed(Math.floor(x / NER_CLASSES), x % NER_CLASSES, false));

/** For each class c, the classes (not START) it may follow, in ascending order; at the last word, and elsewhere. */
const prevsOf = (last: boolean) =>
  Array.from({ length: NER_CLASSES }, (_, c) => Int32Array.from({ length: NER_CLASSES }, (_, p) => p).filter((p) => ALLOWED[(last ? (NER_CLASSES + 1) * NER_CLASSES : 0) + p * NER_CLASSES + c] === 1));
const PREVS = prevsOf(false);
const PREVS_LAST = prevsOf(true);

/** The best well-formed BILOU class sequence under the scores. */
export function viterbi(n: number, stat: Float64Array, dyn: Float64Array): number[] {
  const C = NER_CLASSES;
  if (n === 0) return [];
  if (scratch.best.length < n * C) {
    scratch.best = new Float64Array(n * C * 2);
    scratch.back = new Int32Array(n * C * 2);
  }
  const best = scratch.best.subarray(0, n * C).fill(-Infinity);
  const back = scratch.back.subarray(0, n * C).fill(-1);
  for (let c = 0; c < C; c++) {
    if (!nerAllowed(START, c, n === 1)) continue;
    best[c] = stat[c]! + dyn[START * C + c]!;
    back[c] = START;
  }
  for (let i = 1; i < n; i++) {
    const prevs = i === n - 1 ? PREVS_LAST : PREVS;
    for (let c = 0; c < C; c++) {
      let b = -Infinity;
      let arg = -1;
      const from = prevs[c]!;
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const prev = best[(i - 1) * C + p]!;
        if (prev === -Infinity) continue;
        const s = prev + dyn[(i * (C + 1) + p) * C + c]!;
        if (s > b) {
          b = s;
          arg = p;
        }
      }
      if (arg >= 0) {
        best[i * C + c] = b + stat[i * C + c]!;
        back[i * C + c] = arg;
      }
    }
  }
  let c = 0;
  for (let k = 1; k < C; k++) if (best[(n - 1) * C + k]! > best[(n - 1) * C + c]!) c = k;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = c;
    c = back[i * C + c]!;
  }
  return out;
}

/** BILOU class ids for one sentence. */
export function nerWords(model: Scorer, inp: NerInput): number[] {
  const { stat, dyn } = nerScores(model, inp, true);
  return viterbi(inp.lex.length, stat, dyn);
}

/** Half-open word spans [start, end) with their types, from BILOU classes. */
export function entitySpans(classes: readonly number[]): { start: number; end: number; type: EntityType }[] {
  const out: { start: number; end: number; type: EntityType }[] = [];
  let open = -1;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    const part = partOf(c);
    if (part === U) out.push({ start: i, end: i + 1, type: ENTITY_TYPES[typeOf(c)]! });
    else if (part === B) open = i;
    else if (part === L && open >= 0) {
      out.push({ start: open, end: i + 1, type: ENTITY_TYPES[typeOf(c)]! });
      open = -1;
    }
  }
  return out;
}

/** IOB2 tags ("B-PER", "I-PER", "O") for each word, from BILOU classes. */
export function iob2(classes: readonly number[]): string[] {
  return classes.map((c) => {
    const part = partOf(c);
    if (part === 0) return 'O';
    const t = ENTITY_TYPES[typeOf(c)]!;
    return part === B || part === U ? `B-${t}` : `I-${t}`;
  });
}

/** BILOU class ids from IOB2 tags (the training data's form). */
export function fromIob2(tags: readonly string[]): number[] {
  const out = new Array<number>(tags.length).fill(0);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O') continue;
    const type = ENTITY_TYPES.indexOf(t.slice(2) as EntityType);
    const prev = tags[i - 1];
    const begins = t.startsWith('B-') || prev === undefined || prev === 'O' || prev.slice(2) !== t.slice(2);
    const next = tags[i + 1];
    const continues = next !== undefined && next.startsWith('I-') && next.slice(2) === t.slice(2);
    out[i] = bilou(type, begins ? (continues ? B : U) : continues ? I : L);
  }
  return out;
}

/** Whether most words of a sentence are capitalised: a headline or a title. */
export function isHeadline(forms: readonly string[]): boolean {
  let words = 0;
  let caps = 0;
  for (const f of forms) {
    if (!A_LETTER.test(f)) continue;
    words++;
    if (CAPITAL_FIRST.test(f)) caps++;
  }
  return words >= 4 && caps / words > 0.6;
}
