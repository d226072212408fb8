import type { Component } from '../../core/pipeline.js';

/** Place mentions resolved against the gazetteer. Placeholder until the geoparser lands (issue 4). */
export const places: Component = {
  name: 'places',
  needs: ['sentences', 'tokens'],
  adds: ['places'],
  run(doc) {
    doc.set('places', []);
  },
};
