/**
 * The whole situation picture in memory, computed from a list of analysed documents: what `sitrep report
 * --input` uses, and what the store's incrementally kept picture must equal (src/store/picture/). Every
 * step is a function of the set of documents (items in canonical order, ids from content hashes).
 */
import { controlHistory, type ControlChange } from './control.js';
import { byDateThenId, clusterReports, toMerged, type MergedEvent } from './coref.js';
import { deriveItems } from './derive.js';
import { byFigureOrder, groupClaims, toFigure, type Figure } from './figures.js';
import type { SituationDoc } from './input.js';
import type { ControlItem, DocItems, PlaceKeyInfo } from './items.js';
import { entityOf, groupPlaces, type PlaceEntity } from './places.js';

export interface Situation {
  /** Every document's items, in the order given. */
  docs: DocItems[];
  /** Every place key, and the entity (seed key) it belongs to. */
  placeKeys: Map<string, PlaceKeyInfo>;
  entityOf: Map<string, string>;
  entities: Map<string, PlaceEntity>;
  /** Merged events, by date then id. */
  events: MergedEvent[];
  /** Figures, contested first. */
  figures: Figure[];
  /** Control history by place entity id. */
  control: Map<string, ControlChange[]>;
}

export function buildSituation(input: readonly SituationDoc[]): Situation {
  // One document stored twice is one document (the store keeps it once).
  const seen = new Set<string>();
  const docs: DocItems[] = [];
  for (const d of input) {
    const items = deriveItems(d);
    if (seen.has(items.doc.key)) continue;
    seen.add(items.doc.key);
    docs.push(items);
  }
  return situationFromItems(docs);
}

export function situationFromItems(docs: DocItems[]): Situation {
  const placeKeys = new Map<string, PlaceKeyInfo>();
  for (const d of docs) for (const p of d.places) if (!placeKeys.has(p.key)) placeKeys.set(p.key, p);
  const entityOf = groupPlaces(placeKeys.values());
  const entities = new Map<string, PlaceEntity>();
  for (const seed of new Set(entityOf.values())) entities.set(seed, entityOf_(placeKeys.get(seed)!));

  const clustering = clusterReports(docs.flatMap((d) => d.reports));
  const events = [...clustering.clusters.values()].map((m) => toMerged(m, clustering.reasonOf)).sort(byDateThenId);
  const grouping = groupClaims(
    docs.flatMap((d) => d.claims),
    (report) => clustering.seedOf.get(report) ?? null,
  );
  const figures = [...grouping.groups.values()].map(toFigure).sort(byFigureOrder);

  const eventsAt = new Map<string, MergedEvent[]>();
  for (const ev of events) {
    const ent = ev.placeKey ? entityOf.get(ev.placeKey) : undefined;
    if (ent) eventsAt.set(ent, [...(eventsAt.get(ent) ?? []), ev]);
  }
  const claimsAt = new Map<string, ControlItem[]>();
  for (const d of docs) {
    for (const c of d.controls) {
      const ent = entityOf.get(c.placeKey);
      if (ent) claimsAt.set(ent, [...(claimsAt.get(ent) ?? []), c]);
    }
  }
  const control = new Map<string, ControlChange[]>();
  for (const ent of new Set([...eventsAt.keys(), ...claimsAt.keys()])) {
    const h = controlHistory(eventsAt.get(ent) ?? [], claimsAt.get(ent) ?? []);
    if (h.length) control.set(ent, h);
  }
  return { docs, placeKeys, entityOf, entities, events, figures, control };
}

const entityOf_ = entityOf;
