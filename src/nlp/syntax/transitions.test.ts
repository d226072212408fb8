import { describe, expect, it } from 'vitest';
import { isProjectiveArc, projectivize } from './projectivize.js';
import { isValid, ParseState, SHIFT } from './transitions.js';
import { moveCosts } from './train-parser.js';

const L = 3; // labels: 0 root, 1 nsubj, 2 obj
const ROOT = 0;

/** Follows the dynamic oracle's zero-cost moves (lowest id first) and returns the tree it builds. */
function oracleParse(heads: number[], labels: number[]): { heads: number[]; labels: number[] } {
  const n = heads.length;
  const gh = heads.map((h) => (h < 0 ? n : h));
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  gh.forEach((h, d) => kids[h]!.push(d));
  const st = new ParseState(n);
  const costs = new Int32Array(1 + 2 * L);
  while (!st.done) {
    moveCosts(st, gh, labels, kids, L, ROOT, costs);
    const m = [...costs.keys()].find((k) => costs[k] === 0);
    expect(m, 'a zero-cost move exists on the gold path').toBeDefined();
    st.apply(m!, L);
  }
  return { heads: Array.from(st.heads.slice(0, n), (h) => (h === n ? -1 : h)), labels: Array.from(st.labels.slice(0, n)) };
}

describe('arc-hybrid transitions and the dynamic oracle', () => {
  it('rebuilds a projective gold tree from zero-cost moves', () => {
    // "Gunmen attacked the post": attacked is the root; gunmen nsubj; post obj; the det (label 2 here too).
    const heads = [1, -1, 3, 1];
    const labels = [1, 0, 2, 2];
    expect(oracleParse(heads, labels)).toEqual({ heads, labels });
  });

  it('gives exactly one root and only to the last stack word', () => {
    const st = new ParseState(2);
    st.apply(SHIFT, L);
    st.apply(SHIFT, L);
    expect(isValid(st, 1 + ROOT, L, ROOT)).toBe(false); // the buffer front is the root, two words on the stack
    expect(isValid(st, 1 + L + 1, L, ROOT)).toBe(true); // RIGHT(nsubj)
    expect(isValid(st, 1 + L + ROOT, L, ROOT)).toBe(false); // never RIGHT(root)
  });

  it('charges a move the gold arcs it makes unreachable', () => {
    // Words 0 1 2; gold: 0 <- 1 -> 2, 1 is root. With 0 on the stack and 1 in front, shifting 1 loses 0's head.
    const gh = [1, 3, 1];
    const kids: number[][] = [[], [0, 2], [], [1]];
    const st = new ParseState(3);
    st.apply(SHIFT, L);
    const costs = new Int32Array(1 + 2 * L);
    moveCosts(st, gh, [1, 0, 2], kids, L, ROOT, costs);
    expect(costs[SHIFT]).toBe(1);
    expect(costs[1 + 1]).toBe(0); // LEFT(nsubj): 0 <- 1, right label
    expect(costs[1 + 2]).toBe(1); // LEFT(obj): right arc, wrong label
  });
});

describe('projectivize', () => {
  it('lifts a crossing arc to the head of its head', () => {
    // Words 0..3, the root is 4: 0's head is 2, but 1 (between them) hangs on 3, not under 2.
    const heads = [2, 3, 3, 4];
    expect(isProjectiveArc(heads, 0)).toBe(false);
    const p = projectivize(heads);
    for (let d = 0; d < p.length; d++) expect(isProjectiveArc(p, d)).toBe(true);
    expect(p[0]).toBe(3);
  });

  it('leaves projective trees alone', () => {
    const heads = [1, 4, 3, 1];
    expect(projectivize(heads)).toEqual(heads);
  });
});
