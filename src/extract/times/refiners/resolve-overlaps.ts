import type { Proposal, Refiner } from '../proposal.js';

/**
 * Parsers overlap ("two years" inside "two years ago", "Friday" inside "Friday, Oct. 23"): keep the
 * longest expression, and between equally long ones the parser listed first (parsers are listed from
 * the most to the least specific).
 */
export function resolveOverlaps(order: readonly string[]): Refiner {
  const rank = (p: Proposal) => {
    const i = order.indexOf(p.rule.split(':')[0]!);
    return i < 0 ? order.length : i;
  };
  return {
    name: 'resolve-overlaps',
    refine(proposals) {
      const ranked = [...proposals].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
      const kept: Proposal[] = [];
      for (const p of ranked) {
        if (!kept.some((k) => k.start < p.end && p.start < k.end)) kept.push(p);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}
