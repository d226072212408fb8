/**
 * What one analysed document adds to the situation picture (./items.ts), computed once, when it is
 * analysed and stored: its places, its event reports with their sentences, its figure claims and its
 * control changes. The figures and control layers come from the analysis (src/extract/figures,
 * src/extract/control); a record analysed before those layers existed has them read here from its other
 * layers and its text, the same way.
 */
import { readControl } from '../extract/control/index.js';
import { saysTerritoryChanged } from '../extract/control/triggers.js';
import type { DocView } from '../extract/doc-view.js';
import type { EventLocation } from '../extract/events/types.js';
import { readFigures } from '../extract/figures/read.js';
import type { PlaceMention } from '../extract/places/types.js';
import { contentHash, textHash as hashOfText } from '../store/hash.js';
import { textPrint, wireCredit } from './wire.js';
import { interval } from './dates.js';
import { sideOf } from './figure-side.js';
import { km, validCoordinates } from './geo.js';
import { outletOf, publishedDay, sentenceOf, type SituationDoc } from './input.js';
import { itemKey, UNRESOLVED_KEY, type ClaimItem, type ControlItem, type DocItems, type DocRef, type PlaceKeyInfo, type ReportItem } from './items.js';
import { normName } from './places.js';

/** The key of a resolved place: its GeoNames id, else its country, name and point (to 0.01°). */
export function placeKey(p: { name: string; country: string; lat: number; lon: number; geonameId?: number | null; unresolved?: boolean }): string {
  if (p.geonameId != null) return `g${p.geonameId}`;
  // A name the gazetteer lacks, at its area's point: a key of its own kind, so it is never taken for the
  // town or district whose point it borrows (places.ts samePlaceAs).
  if (p.unresolved) return `${UNRESOLVED_KEY}${p.country}:${normName(p.name)}:${p.lat.toFixed(2)},${p.lon.toFixed(2)}`;
  return `n:${p.country}:${normName(p.name)}:${p.lat.toFixed(2)},${p.lon.toFixed(2)}`;
}

function keyInfo(p: PlaceMention): PlaceKeyInfo {
  return { key: placeKey(p), name: p.name, lat: p.lat, lon: p.lon, country: p.country, admin1: p.admin1, kind: p.kind, geonameId: p.geonameId };
}

const TRIGGER_IN_TEXT = /\b(?:retook|retaken|recaptured|regained|reclaimed|seized|captured|overran|overrun|freed|liberated|took (?:full |back )?control of|took over|fell to|returned)\b/i;

/**
 * The place key of an event location: the document's own mention of that place (the event extractor
 * places events at mentions), the nearest one in the same country within 3 km or of the same name within
 * 25 km; else a key of its own.
 */
function locationKey(loc: EventLocation, mentions: readonly PlaceMention[]): { key: string; info: PlaceKeyInfo | null } {
  let best: PlaceMention | null = null;
  let bestKm = Infinity;
  const name = normName(loc.name);
  for (const m of mentions) {
    if (m.country !== loc.country || !validCoordinates(m.lat, m.lon)) continue;
    // An unresolved place sits at its area's point: only its own name is that place, whatever lies there.
    if ((m.unresolved || loc.unresolved) && normName(m.name) !== name) continue;
    const d = km(m.lat, m.lon, loc.lat, loc.lon);
    // An exact name counts as 1 km nearer, so "Mosul" wins over a suburb mentioned at the same point.
    const score = d - (normName(m.name) === name ? 1 : 0);
    if ((d <= 3 || (d <= 25 && normName(m.name) === name)) && score < bestKm) {
      best = m;
      bestKm = score;
    }
  }
  if (best) return { key: placeKey(best), info: null };
  const info: PlaceKeyInfo = { key: placeKey({ ...loc, geonameId: null }), name: loc.name, lat: loc.lat, lon: loc.lon, country: loc.country, admin1: loc.admin1, kind: 'city', geonameId: null };
  return { key: info.key, info };
}

/** The layers the figures and control readers look at, from a stored or hand-built record. */
export function viewOf(d: SituationDoc): DocView {
  return {
    text: d.text,
    publishedDay: publishedDay(d),
    sentences: d.record.sentences,
    times: d.record.times,
    places: d.record.places,
    quantities: d.record.quantities,
  };
}

/** The document as the picture refers to it; `key` is its content hash (computed when not given). */
export function docRef(d: SituationDoc): DocRef {
  const outlet = outletOf(d);
  return {
    key: d.hash ?? contentHash(d.text, outlet),
    id: d.record.id,
    outlet,
    textHash: d.textHash ?? hashOfText(d.text),
    wire: wireCredit(d.text, outlet),
    print: textPrint(d.text),
    day: publishedDay(d),
    published: d.record.published,
  };
}

export function deriveItems(d: SituationDoc): DocItems {
  const doc = docRef(d);
  const r = d.record;
  const places = new Map<string, PlaceKeyInfo>();
  const mentions: DocItems['mentions'] = [];
  for (const m of r.places) {
    if (!validCoordinates(m.lat, m.lon)) continue;
    const info = keyInfo(m);
    if (!places.has(info.key)) places.set(info.key, info);
    mentions.push({ doc: doc.key, documentId: doc.id, outlet: doc.outlet, placeKey: info.key, start: m.start, end: m.end, text: d.text.slice(m.start, m.end) });
  }

  const reports: ReportItem[] = r.events.map((ev, ord) => {
    let placeKey: string | null = null;
    if (ev.location && validCoordinates(ev.location.lat, ev.location.lon)) {
      const k = locationKey(ev.location, r.places);
      placeKey = k.key;
      if (k.info && !places.has(k.key)) places.set(k.key, k.info);
    }
    const sentence = sentenceOf(d, ev);
    return {
      key: itemKey(doc.key, 'e', ord),
      doc,
      ord,
      type: ev.type,
      subType: ev.subType,
      date: ev.date ? { start: ev.date.start, end: ev.date.end, precision: ev.date.precision } : null,
      days: ev.date ? interval(ev.date.start, ev.date.end) : null,
      location: ev.location,
      placeKey,
      actor1: ev.actor1,
      actor2: ev.actor2,
      fatalities: ev.fatalities,
      certainty: ev.certainty,
      start: ev.start,
      end: ev.end,
      text: d.text.slice(ev.start, ev.end),
      said: (ev.sources ?? []).map((s) => s.text),
      sentence,
      territoryDone: saysTerritoryChanged(sentence.text),
      trigger: TRIGGER_IN_TEXT.exec(d.text.slice(ev.start, ev.end))?.[0] ?? null,
    };
  });

  // Which report of this document holds a number: the first whose words (with its sentence) contain it.
  const reach = reports.map((rep) => ({ key: rep.key, start: Math.min(rep.start, rep.sentence.start), end: Math.max(rep.end, rep.sentence.end) }));
  const reportAt = (start: number, end: number) => reach.find((x) => x.start <= start && end <= x.end)?.key ?? null;

  const view = viewOf(d);
  const figureLayer = r.figures ?? readFigures(view);
  const claims: ClaimItem[] = [];
  figureLayer.forEach((f, ord) => {
    const q = r.quantities[f.quantity];
    if (!q) return;
    const value = q.best ?? q.low ?? q.high;
    if (value == null) return;
    const pm = f.place != null ? r.places[f.place] : undefined;
    const placed = pm && validCoordinates(pm.lat, pm.lon) ? pm : null;
    claims.push({
      key: itemKey(doc.key, 'f', ord),
      doc,
      ord,
      thing: `${f.head}|${f.predicate}`,
      predicate: f.predicate,
      label: f.label,
      side: sideOf(f.what),
      placeKey: placed ? placeKey(placed) : null,
      place: placed ? { name: placed.name, lat: placed.lat, lon: placed.lon, country: placed.country } : null,
      period: f.period ? interval(f.period.start, f.period.end) : null,
      report: reportAt(q.start, q.end),
      value,
      low: q.low,
      high: q.high,
      approx: q.approx,
      vague: f.vague,
      lowExclusive: f.lowExclusive,
      highExclusive: f.highExclusive,
      source: f.sourceLabel,
      sourceSpan: f.source ? { start: f.source.start, end: f.source.end } : null,
      start: q.start,
      end: q.end,
      text: d.text.slice(q.start, q.end),
      sentence: { start: f.sentence.start, end: f.sentence.end, text: d.text.slice(f.sentence.start, f.sentence.end) },
    });
  });

  const controlLayer = r.control ?? readControl(view);
  const controls: ControlItem[] = [];
  controlLayer.forEach((c, ord) => {
    const pm = r.places[c.place];
    if (!pm || !validCoordinates(pm.lat, pm.lon)) return;
    controls.push({
      key: itemKey(doc.key, 'c', ord),
      doc,
      ord,
      placeKey: placeKey(pm),
      trigger: { start: c.start, end: c.end, text: d.text.slice(c.start, c.end) },
      holder: c.holder?.text ?? null,
      previous: c.previous?.text ?? null,
      date: c.date ? interval(c.date.start, c.date.end) : null,
      precision: c.precision,
      part: c.part,
      sentence: { start: c.sentence.start, end: c.sentence.end, text: d.text.slice(c.sentence.start, c.sentence.end) },
    });
  });

  return {
    doc,
    layers: { sentences: r.sentences.length, times: r.times.length, places: r.places.length, quantities: r.quantities.length, events: r.events.length },
    title: r.title,
    url: r.url,
    publishedFrom: r.publishedFrom,
    places: [...places.values()],
    mentions,
    reports,
    claims,
    controls,
  };
}
