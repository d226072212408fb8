import type { Component } from '../../core/pipeline.js';

/** ACLED-coded events. Placeholder until issue 5 lands. */
export const events: Component = {
  name: 'events',
  needs: ['sentences', 'tokens', 'times', 'places', 'quantities'],
  adds: ['events'],
  run(doc) {
    doc.set('events', []);
  },
};
