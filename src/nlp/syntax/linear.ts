/**
 * A frozen linear model: for each feature key, the classes it votes for and by how much. Weights are
 * stored as Int16 with one scale per model and only non-zero entries are kept, which is what makes a
 * model of a million features a few megabytes. Scoring adds, for each active feature, its few entries
 * into the class scores.
 *
 * Scoring is most of the syntax layer's time, and most of that is waiting for memory: a model of a
 * million features does not fit in a core's cache. So scoring reads two arrays built at load time
 * rather than the five of the file's layout (keys, rows, offsets, classes, weights): `slots`, an
 * open-addressing table of [key, start] pairs, and `packed`, where packed[start] is the feature's number
 * of entries and each entry follows as one Int32, weight << 16 | class. A feature costs one cache line in
 * each. Sums are of the same integers in the same order, then scaled, so scores are identical.
 *
 * Features that vote for many classes (a parser feature of tags or labels votes for 60–100 of 103) are
 * kept instead as dense rows added with WebAssembly SIMD (./simd.ts): their slot holds -1 - row. The
 * sums are integers either way, so the scores are the same whichever path a feature takes.
 */
import { simdRows, type SimdRows } from './simd.js';

/** Scoring calls take at most this many features at a time into the SIMD list (longer calls flush it). */
const MAX_LISTED = 256;

/**
 * Whether a feature with `entries` votes is kept as a dense row of `stride` classes: when adding the whole
 * row eight classes at a time costs less than adding its entries one by one.
 */
const isDense = (entries: number, stride: number) => entries >= 4 && entries * 6 >= stride;

/**
 * The scoring tables the constructor builds from the file's arrays, which cost a third of a second for the
 * parser's million features: kept in a cache file (./models.ts) so that each process and worker thread
 * reads them instead. Bump TABLES_VERSION whenever their layout or what goes into them changes.
 */
export const TABLES_VERSION = 1;
export interface ScoringTables {
  slots: Int32Array;
  packed: Int32Array;
  /** Number of dense rows (0 without WebAssembly SIMD) and the rows, `stride` Int16 each. */
  nDense: number;
  dense: Int16Array;
}

export class LinearModel {
  /** Open addressing, linear probing, two Int32 per slot: key (0 = empty), start of the entries in `packed`. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly packed: Int32Array;
  /** Scratch: the entry starts of the features being scored. */
  private starts = new Int32Array(128);
  /** The dense rows (null without WebAssembly SIMD, or when no feature has enough votes). */
  private readonly simd: SimdRows | null;
  /** Scratch for the integer sums when there are no dense rows. */
  private readonly sums: Int32Array;

  /**
   * @param keys    feature keys, one per row
   * @param offsets row r's entries are [offsets[r], offsets[r+1])
   * @param classes class of each entry
   * @param weights quantised weight of each entry; the real weight is weights[e] * scale
   */
  constructor(
    readonly nClasses: number,
    readonly keys: Uint32Array,
    readonly offsets: Uint32Array,
    readonly classes: Uint8Array | Uint16Array,
    readonly weights: Int16Array,
    readonly scale: number,
    tables?: ScoringTables,
  ) {
    // Tables built with dense rows need WebAssembly SIMD here too; without it they are built again.
    const tableRows = tables && tables.nDense > 0 ? simdRows(nClasses, tables.nDense, MAX_LISTED) : null;
    if (tables && (tables.nDense === 0 || tableRows)) {
      this.slots = tables.slots;
      this.slotMask = tables.slots.length / 2 - 1;
      this.packed = tables.packed;
      this.simd = tableRows;
      if (this.simd) this.simd.rows.set(tables.dense);
      this.sums = this.simd ? this.simd.sums : new Int32Array(Math.ceil(nClasses / 8) * 8);
      return;
    }
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    const stride = Math.ceil(nClasses / 8) * 8;
    // Which features become dense rows: many votes, and sums of their votes that fit an Int16.
    const dense = new Int32Array(keys.length).fill(-1);
    let nDense = 0;
    for (let r = 0; r < keys.length; r++) {
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      if (!isDense(to - from, stride)) continue;
      const row = new Int32Array(nClasses);
      for (let e = from; e < to; e++) row[classes[e]!] += weights[e]!;
      if (row.every((w) => w >= -32768 && w <= 32767)) dense[r] = nDense++;
    }
    const simd = nDense > 0 ? simdRows(nClasses, nDense, MAX_LISTED) : null;
    let packedLength = 0;
    for (let r = 0; r < keys.length; r++) if (!simd || dense[r]! < 0) packedLength += 1 + offsets[r + 1]! - offsets[r]!;
    const packed = new Int32Array(packedLength);
    let at = 0;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]! | 0;
      if (key === 0) throw new Error('linear model: feature key 0 (keys are never 0)');
      let h = key & mask;
      while (slots[2 * h] !== 0 && slots[2 * h] !== key) h = (h + 1) & mask;
      slots[2 * h] = key;
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      if (simd && dense[r]! >= 0) {
        const d = dense[r]!;
        slots[2 * h + 1] = -1 - d;
        for (let e = from; e < to; e++) simd.rows[d * stride + classes[e]!] += weights[e]!;
        continue;
      }
      slots[2 * h + 1] = at;
      packed[at++] = to - from;
      for (let e = from; e < to; e++) packed[at++] = (weights[e]! << 16) | classes[e]!;
    }
    this.slots = slots;
    this.slotMask = mask;
    this.packed = packed;
    this.simd = simd;
    this.sums = simd ? simd.sums : new Int32Array(stride);
  }

  /** The tables scoring reads (for the cache: LinearModel given them again is the same model). */
  get tables(): ScoringTables {
    return { slots: this.slots, packed: this.packed, nDense: this.simd ? this.simd.rows.length / this.simd.stride : 0, dense: this.simd ? this.simd.rows : new Int16Array(0) };
  }

  get features(): number {
    return this.keys.length;
  }

  get entries(): number {
    return this.weights.length;
  }

  /**
   * The model without entries whose quantised weight is below `minQ` in magnitude (and without features
   * left with none): rarely-updated features cost most of the space and change few decisions.
   */
  pruned(minQ: number): LinearModel {
    if (minQ <= 1) return this;
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      const before = classes.length;
      for (let e = this.offsets[r]!; e < this.offsets[r + 1]!; e++) {
        if (Math.abs(this.weights[e]!) < minQ) continue;
        classes.push(this.classes[e]!);
        weights.push(this.weights[e]!);
      }
      if (classes.length === before) continue;
      keys.push(this.keys[r]!);
      offsets.push(classes.length);
    }
    const cls = this.classes instanceof Uint8Array ? Uint8Array.from(classes) : Uint16Array.from(classes);
    return new LinearModel(this.nClasses, Uint32Array.from(keys), Uint32Array.from(offsets), cls, Int16Array.from(weights), this.scale);
  }

  /**
   * The mean of several models of the same classes (each feature's weights averaged over all of them, 0
   * where a model lacks it), quantised again to Int16: the scores are the mean of the models' scores, to
   * within the quantisation. Perceptrons trained on the same data in different orders err in different
   * places, and their mean errs less than any one (a cheap ensemble at the cost of one model's scoring).
   */
  static mean(models: readonly LinearModel[]): LinearModel {
    const first = models[0];
    if (!first) throw new Error('LinearModel.mean: no models');
    const sums = new Map<number, Map<number, number>>();
    for (const m of models) {
      if (m.nClasses !== first.nClasses) throw new Error('LinearModel.mean: the models have different classes');
      for (let r = 0; r < m.keys.length; r++) {
        let row = sums.get(m.keys[r]!);
        if (!row) sums.set(m.keys[r]!, (row = new Map()));
        for (let e = m.offsets[r]!; e < m.offsets[r + 1]!; e++) row.set(m.classes[e]!, (row.get(m.classes[e]!) ?? 0) + m.weights[e]! * m.scale);
      }
    }
    let max = 0;
    for (const row of sums.values()) for (const w of row.values()) max = Math.max(max, Math.abs(w / models.length));
    const scale = max > 0 ? max / 32767 : 1;
    const keys = [...sums.keys()].sort((a, b) => a - b);
    const offsets: number[] = [0];
    const kept: number[] = [];
    const classes: number[] = [];
    const weights: number[] = [];
    for (const key of keys) {
      const row = [...sums.get(key)!].sort((a, b) => a[0] - b[0]);
      const before = classes.length;
      for (const [c, w] of row) {
        const q = Math.round(w / models.length / scale);
        if (q === 0) continue;
        classes.push(c);
        weights.push(q);
      }
      if (classes.length === before) continue;
      kept.push(key);
      offsets.push(classes.length);
    }
    const cls = first.nClasses <= 256 ? Uint8Array.from(classes) : Uint16Array.from(classes);
    return new LinearModel(first.nClasses, Uint32Array.from(kept), Uint32Array.from(offsets), cls, Int16Array.from(weights), scale);
  }

  /**
   * Adds the integer weights of feature `key` to acc[at + c] for each class c it votes for (the unscaled
   * sums score() multiplies by `scale`): for callers that reuse a feature's votes across positions.
   */
  addVotes(key: number, acc: Int32Array, at: number): void {
    const slots = this.slots;
    const mask = this.slotMask;
    key |= 0;
    let h = key & mask;
    let k = slots[2 * h]!;
    while (k !== key && k !== 0) {
      h = (h + 1) & mask;
      k = slots[2 * h]!;
    }
    if (k === 0) return;
    let e = slots[2 * h + 1]!;
    if (e < 0) {
      const rows = this.simd!.rows;
      const base = (-1 - e) * this.simd!.stride;
      for (let c = 0; c < this.nClasses; c++) acc[at + c] += rows[base + c]!;
      return;
    }
    const packed = this.packed;
    const end = e + 1 + packed[e]!;
    for (e++; e < end; e++) {
      const v = packed[e]!;
      acc[at + (v & 0xffff)] += v >> 16;
    }
  }

  /**
   * Sets out[c] to the score of class c for the first n features. The sums are of Int16 weights, one per
   * feature and class, so they stay far inside Int32: integer sums, scaled once at the end, are the same
   * numbers a float sum gives. `init`, when given, holds integer sums to start from (votes of features
   * summed in advance with addVotes): the result is that of scoring those features here too.
   */
  score(feats: Uint32Array, n: number, out: Float64Array, init?: Int32Array): void {
    const nClasses = this.nClasses;
    const sums = this.sums;
    sums.fill(0);
    if (init) for (let c = 0; c < nClasses; c++) sums[c] = init[c]!;
    const slots = this.slots;
    const packed = this.packed;
    const mask = this.slotMask;
    const simd = this.simd;
    // First every feature's slot, then the entries: the loads of one pass do not wait on each other, so
    // the processor has several of them in flight at once.
    const starts = this.starts.length >= n ? this.starts : (this.starts = new Int32Array(n * 2));
    let m = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const key = feats[i]! | 0;
      let h = key & mask;
      let k = slots[2 * h]!;
      while (k !== key && k !== 0) {
        h = (h + 1) & mask;
        k = slots[2 * h]!;
      }
      if (k === 0) continue;
      const start = slots[2 * h + 1]!;
      if (start >= 0) starts[m++] = start;
      else {
        simd!.list[q++] = simd!.address(-1 - start);
        if (q === MAX_LISTED) {
          simd!.add(q);
          q = 0;
        }
      }
    }
    if (q > 0) simd!.add(q);
    for (let j = 0; j < m; j++) {
      let e = starts[j]!;
      const end = e + 1 + packed[e]!;
      for (e++; e < end; e++) {
        const v = packed[e]!;
        sums[v & 0xffff] += v >> 16;
      }
    }
    const scale = this.scale;
    for (let c = 0; c < nClasses; c++) out[c] = sums[c]! * scale;
  }
}

/** The highest-scoring class among those `allowed` admits (all if absent); -1 if none is allowed. */
export function argmax(scores: Float64Array, n: number, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
