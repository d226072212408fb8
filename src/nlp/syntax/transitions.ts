/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root at the end of
 * the buffer (Ballesteros & Nivre 2013), so a word is attached to the root only once everything else is
 * done and exactly one word gets it. Words are 0..n-1; the root is n.
 *
 *   SHIFT      move the buffer front b onto the stack
 *   LEFT(l)    pop s0 and attach it to b with label l
 *   RIGHT(l)   pop s0 and attach it to s1 with label l
 *
 * Move ids: 0 is SHIFT, 1+l is LEFT(l), 1+L+l is RIGHT(l), for L labels.
 */

export const SHIFT = 0;

export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** Buffer front; n when only the root is left. */
  b = 0;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Children of each word (and of the root, n), each list in sentence order. */
  readonly lefts: number[][];
  readonly rights: number[][];
  /** Bit sets of the labels of left and right children (labels 0..63 over two words). */
  readonly leftLo: Int32Array;
  readonly leftHi: Int32Array;
  readonly rightLo: Int32Array;
  readonly rightHi: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n + 1).fill(-1);
    this.labels = new Int32Array(n + 1).fill(-1);
    this.lefts = Array.from({ length: n + 1 }, () => []);
    this.rights = Array.from({ length: n + 1 }, () => []);
    this.leftLo = new Int32Array(n + 1);
    this.leftHi = new Int32Array(n + 1);
    this.rightLo = new Int32Array(n + 1);
    this.rightHi = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.sp === 0 && this.b >= this.n;
  }

  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  /** Leftmost (k=0) or second leftmost (k=1) child of word i, or -1. */
  leftChild(i: number, k: number): number {
    if (i < 0) return -1;
    const c = this.lefts[i]!;
    return c.length > k ? c[k]! : -1;
  }

  /** Rightmost (k=0) or second rightmost (k=1) child of word i, or -1. */
  rightChild(i: number, k: number): number {
    if (i < 0) return -1;
    const c = this.rights[i]!;
    return c.length > k ? c[c.length - 1 - k]! : -1;
  }

  canShift(): boolean {
    return this.b < this.n;
  }
  /** LEFT to the root only for the last word on the stack: one root per sentence. */
  canLeft(): boolean {
    return this.sp >= 1 && (this.b < this.n || this.sp === 1);
  }
  canRight(): boolean {
    return this.sp >= 2;
  }

  apply(move: number, nLabels: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const left = move <= nLabels;
    const label = left ? move - 1 : move - 1 - nLabels;
    const dep = this.stack[--this.sp]!;
    const head = left ? this.b : this.stack[this.sp - 1]!;
    this.attach(head, dep, label);
  }

  private attach(head: number, dep: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label;
    if (dep < head) {
      // Left children arrive nearest-first in arc-hybrid (each is popped off the stack in turn), so
      // insert keeping the list sorted by position.
      const l = this.lefts[head]!;
      let k = l.length;
      while (k > 0 && l[k - 1]! > dep) k--;
      l.splice(k, 0, dep);
      if (label < 32) this.leftLo[head]! |= 1 << label;
      else this.leftHi[head]! |= 1 << (label - 32);
    } else {
      const r = this.rights[head]!;
      let k = r.length;
      while (k > 0 && r[k - 1]! > dep) k--;
      r.splice(k, 0, dep);
      if (label < 32) this.rightLo[head]! |= 1 << label;
      else this.rightHi[head]! |= 1 << (label - 32);
    }
  }
}

/** Whether move m is allowed; the root label only on the arc to the root, and never elsewhere. */
export function isValid(st: ParseState, m: number, nLabels: number, rootLabel: number): boolean {
  if (m === SHIFT) return st.canShift();
  if (m <= nLabels) {
    if (!st.canLeft()) return false;
    return (m - 1 === rootLabel) === (st.b === st.n);
  }
  return st.canRight() && m - 1 - nLabels !== rootLabel;
}
