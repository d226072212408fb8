import type { Component } from '../../core/pipeline.js';
import type { Doc } from '../../core/document.js';
import type { Quantity } from './types.js';
import { sentenceViews } from './view.js';
import { parseCounts, type QuantityProposal } from './parse-counts.js';
import { attachSources } from './attach-source.js';
import { findAttributions } from '../claims/attribution.js';

/**
 * Counts with their hedges. Per sentence:
 * 1. parseCounts — figures in digits or words, ranges, vague plurals ("dozens"), shares ("two-thirds of");
 *    numbers that count nothing (years, dates, times, measures, money, ages, ordinals, phones, addresses,
 *    identifiers) are refused by the rules in not-a-count.ts;
 * 2. attachSources — the attribution covering each figure (claims/attribution.ts).
 */
export function extractQuantities(doc: Doc): QuantityProposal[] {
  const out: QuantityProposal[] = [];
  for (const view of sentenceViews(doc)) {
    if (view.toks.length === 0) continue;
    const qs = parseCounts(doc.text, view);
    if (qs.length === 0) continue;
    attachSources(qs, findAttributions(doc.text, view));
    out.push(...qs);
  }
  return out;
}

export function toQuantity(p: QuantityProposal): Quantity {
  const q: Quantity = { start: p.start, end: p.end, text: p.text, low: p.low, high: p.high, best: p.best, approx: p.approx, what: p.what };
  if (p.source) q.source = p.source;
  if (p.proportion) q.proportion = true;
  return q;
}

export const quantities: Component = {
  name: 'quantities',
  needs: ['sentences', 'tokens'],
  adds: ['quantities'],
  run(doc) {
    doc.set('quantities', extractQuantities(doc).map(toQuantity));
  },
};
