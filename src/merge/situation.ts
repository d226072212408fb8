import type { Span } from '../core/span.js';
import type { PlaceMention } from '../extract/places/types.js';
import { controlHistory, type ControlChange } from './control.js';
import { mergeEvents, type MergedEvent } from './coref.js';
import { collectFigures, type Figure } from './figures.js';
import type { SituationDoc } from './input.js';
import { collectPlaces, type PlaceEntity, type PlaceIndex } from './places.js';

/** The situation picture over every document given: places, merged events, figures, control histories. */
export interface Situation {
  docs: readonly SituationDoc[];
  places: PlaceIndex;
  events: MergedEvent[];
  figures: Figure[];
  control: Map<PlaceEntity, ControlChange[]>;
}

/**
 * Computes the whole picture from the documents as they are now. Nothing is cached between calls: when a
 * new document arrives, the next report merges it with everything else from scratch.
 */
export function buildSituation(docs: readonly SituationDoc[]): Situation {
  const { index, byMention } = collectPlaces(docs);
  const placeOf = (m: PlaceMention) => byMention.get(m) ?? index.resolve(m);
  const events = mergeEvents(docs, index);
  // Which merged event a number belongs to: the one whose report's sentence holds it.
  const told = new Map<string, { start: number; end: number; id: string }[]>();
  for (const ev of events) {
    for (const s of ev.sources) {
      const l = told.get(s.documentId) ?? [];
      l.push({ start: Math.min(s.start, s.sentence.start), end: Math.max(s.end, s.sentence.end), id: ev.id });
      told.set(s.documentId, l);
    }
  }
  const eventOf = (documentId: string, at: Span) => told.get(documentId)?.find((r) => r.start <= at.start && at.end <= r.end)?.id ?? null;
  const figures = collectFigures(docs, placeOf, eventOf);
  const control = controlHistory(events, docs, placeOf);
  return { docs, places: index, events, figures, control };
}
