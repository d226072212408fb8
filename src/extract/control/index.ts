import type { Component } from '../../core/pipeline.js';
import { viewOfDoc, type DocView } from '../doc-view.js';
import { scanControl } from './triggers.js';
import type { ControlMention } from './types.js';

/**
 * Control changes told in sentences: triggers of taking or retaking a place, passives and headline
 * participles, "fell to", returns (./triggers.ts), each tied to the place mentions it is about.
 */
export function readControl(d: DocView): ControlMention[] {
  const index = new Map(d.places.map((p, i) => [p, i]));
  return scanControl(d).map((c) => ({
    start: c.trigger.start,
    end: c.trigger.end,
    text: c.trigger.text,
    place: index.get(c.place)!,
    holder: c.holder,
    previous: c.previous,
    date: c.date,
    precision: c.precision,
    part: c.part,
    sentence: { start: c.sentence.start, end: c.sentence.end },
  }));
}

export const control: Component = {
  name: 'control',
  needs: ['sentences', 'times', 'places'],
  adds: ['control'],
  run(doc) {
    doc.set('control', readControl(viewOfDoc(doc)));
  },
};
