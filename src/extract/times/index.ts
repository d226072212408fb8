import type { Component } from '../../core/pipeline.js';

/** Temporal expressions (TIMEX3). Placeholder until the time extractor lands (issue 3). */
export const times: Component = {
  name: 'times',
  needs: ['sentences', 'tokens'],
  adds: ['times'],
  run(doc) {
    doc.set('times', []);
  },
};
