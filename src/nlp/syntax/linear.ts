/**
 * A frozen linear model: for each feature key, the classes it votes for and by how much. Weights are
 * stored as Int16 with one scale per model and only non-zero entries are kept, which is what makes a
 * model of a million features a few megabytes. Scoring adds, for each active feature, its few entries
 * into the class scores.
 */
import { KeyIndex } from './key-index.js';

export class LinearModel {
  private readonly index: KeyIndex;

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
    this.index = new KeyIndex(keys.length);
    for (let r = 0; r < keys.length; r++) this.index.set(keys[r]!, r);
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

  /** Sets out[c] to the score of class c for the first n features. */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0, 0, this.nClasses);
    const { offsets, classes, weights } = this;
    for (let i = 0; i < n; i++) {
      const r = this.index.get(feats[i]!);
      if (r < 0) continue;
      for (let e = offsets[r]!, end = offsets[r + 1]!; e < end; e++) out[classes[e]!] += weights[e]!;
    }
    for (let c = 0; c < this.nClasses; c++) out[c] *= this.scale;
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
