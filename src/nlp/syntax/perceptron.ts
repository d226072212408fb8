/**
 * The averaged perceptron (Collins 2002; Freund & Schapire's averaging) over hashed features, as used by
 * the tagger, the parser and the entity recogniser when they are trained (scripts/train.ts). Weights are
 * sparse — a feature keeps an entry only for the classes it was ever updated towards or away from — and
 * live in growable typed arrays, so a few million features fit in a few hundred megabytes. Averaging is
 * lazy: each entry remembers when it last changed. `freeze` returns the averaged weights as a compact
 * LinearModel.
 */
import { KeyIndex } from './key-index.js';
import { LinearModel } from './linear.js';

export class Perceptron {
  private readonly index = new KeyIndex(1 << 16);
  private head = new Int32Array(1 << 16);
  private cls = new Uint16Array(1 << 18);
  private next = new Int32Array(1 << 18);
  private w = new Float64Array(1 << 18);
  private total = new Float64Array(1 << 18);
  private stamp = new Int32Array(1 << 18);
  private nEntries = 0;
  /** Instances seen: the averaging clock. */
  private clock = 0;

  constructor(readonly nClasses: number) {
    this.head.fill(-1);
  }

  /** Sets out[c] to the current (not averaged) score of class c. */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0, 0, this.nClasses);
    const { head, cls, next, w } = this;
    for (let i = 0; i < n; i++) {
      const r = this.index.get(feats[i]!);
      if (r < 0) continue;
      for (let e = head[r]!; e >= 0; e = next[e]!) out[cls[e]!] += w[e]!;
    }
  }

  /** One instance seen (call once per decision, whether or not it was right). */
  tick(): void {
    this.clock++;
  }

  /** Moves the weights of the n features towards `gold` and away from `pred`. */
  update(feats: Uint32Array, n: number, gold: number, pred: number): void {
    if (gold === pred) return;
    for (let i = 0; i < n; i++) {
      const r = this.row(feats[i]!);
      this.add(r, gold, 1);
      if (pred >= 0) this.add(r, pred, -1);
    }
  }

  /** Adds delta to class c's weight for each of the n features (structured updates). */
  addTo(feats: Uint32Array, n: number, c: number, delta: number): void {
    for (let i = 0; i < n; i++) this.add(this.row(feats[i]!), c, delta);
  }

  private row(key: number): number {
    const r = this.index.getOrAdd(key);
    if (r >= this.head.length) {
      const grown = new Int32Array(this.head.length * 2).fill(-1);
      grown.set(this.head);
      this.head = grown;
    }
    return r;
  }

  private add(r: number, c: number, delta: number): void {
    let e = this.head[r]!;
    while (e >= 0 && this.cls[e] !== c) e = this.next[e]!;
    if (e < 0) {
      e = this.newEntry();
      this.cls[e] = c;
      this.next[e] = this.head[r]!;
      this.head[r] = e;
      this.w[e] = 0;
      this.total[e] = 0;
      this.stamp[e] = this.clock;
    }
    this.total[e] += (this.clock - this.stamp[e]!) * this.w[e]!;
    this.stamp[e] = this.clock;
    this.w[e] += delta;
  }

  private newEntry(): number {
    if (this.nEntries === this.cls.length) {
      const n = this.cls.length * 2;
      const grow = <T extends Uint16Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a as never);
        return b;
      };
      this.cls = grow(this.cls, (k) => new Uint16Array(k));
      this.next = grow(this.next, (k) => new Int32Array(k));
      this.w = grow(this.w, (k) => new Float64Array(k));
      this.total = grow(this.total, (k) => new Float64Array(k));
      this.stamp = grow(this.stamp, (k) => new Int32Array(k));
    }
    return this.nEntries++;
  }

  get features(): number {
    return this.index.size;
  }

  /**
   * The averaged weights as a LinearModel, quantised to Int16. Entries whose averaged weight is below
   * `minAbs` times the largest are dropped (they change almost no decision and cost space).
   */
  freeze(minAbs = 0): LinearModel {
    const clock = Math.max(1, this.clock);
    const avg = new Float64Array(this.nEntries);
    let max = 0;
    for (let e = 0; e < this.nEntries; e++) {
      const t = this.total[e]! + (this.clock - this.stamp[e]!) * this.w[e]!;
      avg[e] = t / clock;
      max = Math.max(max, Math.abs(avg[e]!));
    }
    const scale = max > 0 ? max / 32767 : 1;
    const floor = Math.max(minAbs * max, scale / 2);
    // Rows in key order, so the file is the same whatever order features were first seen in.
    const rows: { key: number; row: number }[] = [];
    this.index.forEach((key, row) => rows.push({ key, row }));
    rows.sort((a, b) => a.key - b.key);
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (const { key, row } of rows) {
      const entries: [number, number][] = [];
      for (let e = this.head[row]!; e >= 0; e = this.next[e]!) {
        if (Math.abs(avg[e]!) < floor) continue;
        const q = Math.max(-32767, Math.min(32767, Math.round(avg[e]! / scale)));
        if (q !== 0) entries.push([this.cls[e]!, q]);
      }
      if (entries.length === 0) continue;
      entries.sort((a, b) => a[0] - b[0]);
      keys.push(key);
      for (const [c, q] of entries) {
        classes.push(c);
        weights.push(q);
      }
      offsets.push(classes.length);
    }
    const cls = this.nClasses <= 256 ? Uint8Array.from(classes) : Uint16Array.from(classes);
    return new LinearModel(this.nClasses, Uint32Array.from(keys), Uint32Array.from(offsets), cls, Int16Array.from(weights), scale);
  }
}
