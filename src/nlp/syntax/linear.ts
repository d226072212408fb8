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
 */

export class LinearModel {
  /** Open addressing, linear probing, two Int32 per slot: key (0 = empty), start of the entries in `packed`. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly packed: Int32Array;
  /** Scratch: the entry starts of the features being scored. */
  private starts = new Int32Array(128);

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
  ) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    const packed = new Int32Array(keys.length + weights.length);
    let at = 0;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]! | 0;
      if (key === 0) throw new Error('linear model: feature key 0 (keys are never 0)');
      let h = key & mask;
      while (slots[2 * h] !== 0 && slots[2 * h] !== key) h = (h + 1) & mask;
      slots[2 * h] = key;
      slots[2 * h + 1] = at;
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      packed[at++] = to - from;
      for (let e = from; e < to; e++) packed[at++] = (weights[e]! << 16) | classes[e]!;
    }
    this.slots = slots;
    this.slotMask = mask;
    this.packed = packed;
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
    const packed = this.packed;
    let e = slots[2 * h + 1]!;
    const end = e + 1 + packed[e]!;
    for (e++; e < end; e++) {
      const v = packed[e]!;
      acc[at + (v & 0xffff)] += v >> 16;
    }
  }

  /** Sets out[c] to the score of class c for the first n features. */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const nClasses = this.nClasses;
    out.fill(0, 0, nClasses);
    const slots = this.slots;
    const packed = this.packed;
    const mask = this.slotMask;
    // First every feature's slot, then the entries: the loads of one pass do not wait on each other, so
    // the processor has several of them in flight at once.
    const starts = this.starts.length >= n ? this.starts : (this.starts = new Int32Array(n * 2));
    let m = 0;
    for (let i = 0; i < n; i++) {
      const key = feats[i]! | 0;
      let h = key & mask;
      let k = slots[2 * h]!;
      while (k !== key && k !== 0) {
        h = (h + 1) & mask;
        k = slots[2 * h]!;
      }
      if (k !== 0) starts[m++] = slots[2 * h + 1]!;
    }
    for (let j = 0; j < m; j++) {
      let e = starts[j]!;
      const end = e + 1 + packed[e]!;
      for (e++; e < end; e++) {
        const v = packed[e]!;
        out[v & 0xffff] += v >> 16;
      }
    }
    const scale = this.scale;
    for (let c = 0; c < nClasses; c++) out[c] *= scale;
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
