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
    refine(proposals, ctx) {
      const ranked = [...proposals].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
      // Characters already taken by a kept expression: expressions are short, so marking them is linear.
      const taken = new Uint8Array(ctx.text.length + 1);
      const kept: Proposal[] = [];
      for (const p of ranked) {
        let free = true;
        for (let i = p.start; i < p.end && free; i++) if (taken[i]) free = false;
        if (!free) continue;
        taken.fill(1, p.start, p.end);
        kept.push(p);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}
