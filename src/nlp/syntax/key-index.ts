/**
 * An open-addressing map from 32-bit feature keys (never 0) to dense row numbers, in typed arrays: a few
 * million features cost 8–16 bytes each instead of a JavaScript Map's 50 or more.
 */
export class KeyIndex {
  private keys: Uint32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The row of `key`, or -1. */
  get(key: number): number {
    key >>>= 0; // keys come signed from hash.ts or unsigned from a Uint32Array
    const keys = this.keys;
    let h = key & this.mask;
    for (;;) {
      const k = keys[h]!;
      if (k === key) return this.rows[h]!;
      if (k === 0) return -1;
      h = (h + 1) & this.mask;
    }
  }

  /** The row of `key`, adding it as row `size` if it is new. */
  getOrAdd(key: number): number {
    key >>>= 0;
    let h = key & this.mask;
    for (;;) {
      const k = this.keys[h]!;
      if (k === key) return this.rows[h]!;
      if (k === 0) break;
      h = (h + 1) & this.mask;
    }
    const row = this.size++;
    this.keys[h] = key;
    this.rows[h] = row;
    if (this.size * 2 > this.keys.length) this.grow();
    return row;
  }

  /** Sets `key` to `row` (used when loading a frozen model, whose rows are already numbered). */
  set(key: number, row: number): void {
    key >>>= 0;
    let h = key & this.mask;
    while (this.keys[h] !== 0 && this.keys[h] !== key) h = (h + 1) & this.mask;
    if (this.keys[h] === 0) this.size++;
    this.keys[h] = key;
    this.rows[h] = row;
    if (this.size * 2 > this.keys.length) this.grow();
  }

  /** Calls f(key, row) for every key, in slot order. */
  forEach(f: (key: number, row: number) => void): void {
    for (let h = 0; h < this.keys.length; h++) if (this.keys[h] !== 0) f(this.keys[h]!, this.rows[h]!);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === 0) continue;
      let h = k & this.mask;
      while (this.keys[h] !== 0) h = (h + 1) & this.mask;
      this.keys[h] = k;
      this.rows[h] = oldRows[i]!;
    }
  }
}
