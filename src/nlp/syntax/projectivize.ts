/**
 * Lifting non-projective arcs (Nivre & Nilsson 2005, without the label encoding): while some arc crosses
 * another, the shortest such arc's dependent is reattached to its head's head. The arc-hybrid parser can
 * only build projective trees, and its dynamic oracle is exact only for them; a few percent of English
 * web-text sentences have a crossing arc.
 *
 * Heads are 0-based word indices with n for the root.
 */
export function isProjectiveArc(heads: ArrayLike<number>, d: number): boolean {
  const h = heads[d]!;
  const n = heads.length;
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  for (let k = lo + 1; k < hi; k++) {
    // k must be dominated by h.
    let a = k;
    let steps = 0;
    while (a !== h && a !== n && steps++ <= n) a = heads[a]!;
    if (a !== h) return false;
  }
  return true;
}

export function projectivize(heads: readonly number[]): number[] {
  const out = [...heads];
  const n = out.length;
  for (let guard = 0; guard < n * n; guard++) {
    let best = -1;
    let bestLen = Infinity;
    for (let d = 0; d < n; d++) {
      if (out[d] === n) continue;
      const len = Math.abs(out[d]! - d);
      if (len < bestLen && !isProjectiveArc(out, d)) {
        best = d;
        bestLen = len;
      }
    }
    if (best < 0) break;
    out[best] = out[out[best]!]!;
  }
  return out;
}
