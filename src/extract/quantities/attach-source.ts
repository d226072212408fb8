import { attributionFor, type Attribution } from '../claims/attribution.js';
import type { QuantityProposal } from './parse-counts.js';

/**
 * Refiner: a figure inherits the attribution that covers it in its sentence, so a later step can set
 * "up to 5,000 (a US military official)" against "7,000 (the group's supporters)". A figure inside the
 * source's own words ("the 2 officials said") is not attributed to itself.
 */
export function attachSources(quantities: QuantityProposal[], atts: readonly Attribution[]): void {
  if (atts.length === 0) return;
  for (const q of quantities) {
    const a = attributionFor(atts, q);
    if (a) q.source = { ...a.source };
  }
}
