import type { Component } from '../../core/pipeline.js';

/** Counts with their hedges. Placeholder until issue 5 lands. */
export const quantities: Component = {
  name: 'quantities',
  needs: ['sentences', 'tokens'],
  adds: ['quantities'],
  run(doc) {
    doc.set('quantities', []);
  },
};
