import type { Component } from '../../core/pipeline.js';
import { viewOfDoc } from '../doc-view.js';
import { readFigures } from './read.js';

/**
 * Figures: every counted number read as a claim — what it counts (./counted-thing.ts), where and when,
 * who says so (the quantity's own source, else ./attribution.ts: the ordinary shapes of attribution,
 * transcript speakers, interview guests) — so the merge can set claims about one quantity side by side
 * without reading the text again.
 */
export const figures: Component = {
  name: 'figures',
  needs: ['sentences', 'times', 'places', 'quantities'],
  adds: ['figures'],
  run(doc) {
    doc.set('figures', readFigures(viewOfDoc(doc)));
  },
};
