import type { PlaceMention } from '../extract/places/types.js';
import { sameActorName } from './actors.js';
import { saysTerritoryChanged, scanControl, type ControlClaim } from './control-triggers.js';
import type { MergedEvent } from './coref.js';
import { intersect, interval, overlap, type DayInterval } from './dates.js';
import { TERRITORY_SUBTYPES } from './event-family.js';
import { sourceRef, type SituationDoc, type SourceRef } from './input.js';
import type { PlaceEntity } from './places.js';

/** One change of hands in a place's history: from this date, `holder` held it (as far as the reports say). */
export interface ControlChange {
  date: DayInterval | null;
  precision: 1 | 2 | 3;
  /** Who holds the place after the change; null when the reports do not say (a town "freed" by no one named). */
  holder: string | null;
  /** Who held it before, when said. */
  previous: string | null;
  /** How, in the reports' words ("retook", "freed", "returned") or the event's sub-type. */
  how: string;
  /** Only part of the place changed hands (districts of a city). */
  part: boolean;
  /** The merged event the change is coded as, when there is one. */
  eventId: string | null;
  sources: SourceRef[];
}

/** "its troops", "their forces": a holder named only through a pronoun fits any holder. */
const POSSESSIVE = /^(?:its|their|his|her|our)\b/i;

function sameHolder(a: string | null, b: string | null): boolean {
  return !a || !b || POSSESSIVE.test(a) || POSSESSIVE.test(b) || sameActorName(a, b);
}

/** Of two ways to name a holder, the one that names it. */
function betterHolder(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (b && POSSESSIVE.test(a) && !POSSESSIVE.test(b)) return b;
  return a;
}

/** A return ("militants returned after forces left") is a change of its own, never folded into a capture. */
function isReturn(how: string): boolean {
  return /^returned$/i.test(how);
}

function datesMeet(a: DayInterval | null, b: DayInterval | null): boolean {
  return !a || !b || overlap(a, b);
}

const TRIGGER_IN_TEXT = /\b(?:retook|retaken|recaptured|regained|reclaimed|seized|captured|overran|overrun|freed|liberated|took (?:full |back )?control of|took over|fell to|returned)\b/i;

/**
 * Every place's control history: changes from coded territory events (sub-types "Government regains
 * territory", "Non-state actor overtakes territory", "Non-violent transfer of territory") and from
 * sentences that say a named place changed hands, combined when they tell the same change.
 */
export function controlHistory(
  events: readonly MergedEvent[],
  docs: readonly SituationDoc[],
  placeOf: (m: PlaceMention) => PlaceEntity | null,
): Map<PlaceEntity, ControlChange[]> {
  const byPlace = new Map<PlaceEntity, ControlChange[]>();
  const list = (p: PlaceEntity) => {
    let l = byPlace.get(p);
    if (!l) byPlace.set(p, (l = []));
    return l;
  };
  for (const ev of events) {
    if (!TERRITORY_SUBTYPES.has(ev.subType) || !ev.place) continue;
    // A coded takeover whose every report speaks of it only as an aim ("an operation to free the city")
    // is not a change of hands.
    if (ev.sources.every((s) => saysTerritoryChanged(s.sentence.text) === false)) continue;
    const word = ev.sources.map((s) => TRIGGER_IN_TEXT.exec(s.text)?.[0]).find((w) => w);
    list(ev.place).push({
      date: ev.date ? interval(ev.date.start, ev.date.end) : null,
      precision: ev.date?.precision ?? 3,
      holder: ev.actor1?.name ?? null,
      previous: ev.actor2?.name ?? null,
      how: word ?? ev.subType.toLowerCase(),
      part: false,
      eventId: ev.id,
      sources: [...ev.sources],
    });
  }
  const claims: ControlClaim[] = docs.flatMap((d) => scanControl(d));
  for (const c of claims) {
    const place = placeOf(c.place);
    if (!place) continue;
    const l = list(place);
    const ref = sourceRef(c.doc, c.trigger);
    ref.sentence = { start: c.sentence.start, end: c.sentence.end, text: c.doc.text.slice(c.sentence.start, c.sentence.end) };
    const told = (x: ControlChange) =>
      x.sources.some((s) => s.documentId === c.doc.record.id && s.sentence.start < c.sentence.end && c.sentence.start < s.sentence.end);
    // The same sentence already told as a coded event: fill in what the event did not say.
    const coded = l.find((x) => x.eventId && told(x));
    if (coded) {
      coded.holder ??= c.holder?.text ?? null;
      coded.previous ??= c.previous?.text ?? null;
      coded.part ||= c.part;
      continue;
    }
    if (l.some((x) => !x.eventId && told(x))) continue;
    const same = l.find(
      (x) =>
        datesMeet(x.date, c.date) && sameHolder(x.holder, c.holder?.text ?? null) && isReturn(x.how) === isReturn(c.trigger.text) && x.part === c.part,
    );
    if (same) {
      if (!same.sources.some((s) => s.documentId === ref.documentId && s.start === ref.start)) same.sources.push(ref);
      same.holder = betterHolder(same.holder, c.holder?.text ?? null);
      same.previous ??= c.previous?.text ?? null;
      if (same.date && c.date) same.date = intersect(same.date, c.date) ?? same.date;
      same.precision = Math.min(same.precision, c.precision) as 1 | 2 | 3;
      continue;
    }
    l.push({
      date: c.date,
      precision: c.precision,
      holder: c.holder?.text ?? null,
      previous: c.previous?.text ?? null,
      how: c.trigger.text,
      part: c.part,
      eventId: null,
      sources: [ref],
    });
  }
  for (const l of byPlace.values()) {
    l.sort((a, b) => (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999') || (a.date?.end ?? '').localeCompare(b.date?.end ?? ''));
  }
  return byPlace;
}
