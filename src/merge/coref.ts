import { createHash } from 'node:crypto';
import type { Actor, Certainty, EventDate, EventLocation, EventMention, EventType, Fatalities } from '../extract/events/types.js';
import { compatibleActor, sameActorName, compatibleSides } from './actors.js';
import { formatInterval, interval, intersect, lengthDays, overlap, type DayInterval } from './dates.js';
import { compatibleTypes } from './event-family.js';
import { km, toleranceKm, validCoordinates } from './geo.js';
import { independentOutlets, outletKey, outletOf, sourceRef, type SituationDoc, type SourceRef } from './input.js';
import type { PlaceEntity, PlaceIndex } from './places.js';

/** One report of an event: where it is told, who the report says said it, and how sure the outlet is. */
export interface EventSource extends SourceRef {
  /** Attributions as written ("an Iraqi intelligence source"). */
  said: string[];
  certainty: Certainty;
  type: EventType;
  subType: string;
  date: EventDate | null;
  fatalities: Fatalities | null;
}

/** One real-world event, told by one or more reports. */
export interface MergedEvent {
  id: string;
  type: EventType;
  subType: string;
  /** The days every report allows (reports that were merged always share at least one day). */
  date: EventDate | null;
  location: EventLocation | null;
  place: PlaceEntity | null;
  actor1: Actor | null;
  actor2: Actor | null;
  /** Every distinct actor named by any report, actor1s first. */
  actors: Actor[];
  /** ACLED's convention: `best` is the most conservative reported figure; low/high span all reports. */
  fatalities: Fatalities | null;
  sources: EventSource[];
  /** Number of independent outlets (not articles, and not copies of one wire story) that report it. */
  corroboration: number;
  outlets: string[];
  certainty: Certainty;
  /** Why each report after the first was joined to the event. */
  reasons: string[];
}

export interface Report {
  doc: SituationDoc;
  ev: EventMention;
  days: DayInterval | null;
  place: PlaceEntity | null;
  order: number;
}

interface Cluster {
  members: Report[];
  days: DayInterval | null;
  reasons: string[];
}

/** Reports longer than this (a month, "this year") are too vague to join on time and place alone. */
const VAGUE_DAYS = 14;

function locOk(l: EventLocation | null): l is EventLocation {
  return !!l && validCoordinates(l.lat, l.lon);
}

/**
 * Why two reports can be one event, or null if they cannot. Every condition is necessary: the dates must
 * be able to overlap (reports whose dates cannot overlap are never merged), the types must be of one
 * family, the places within the looser of the two precisions, and the actors compatible.
 */
export function joinReason(a: Report, b: Report): string | null {
  const facts = canJoin(a, b);
  return facts ? describeJoin(a, b, facts) : null;
}

interface JoinFacts {
  distanceKm: number | null;
  toleranceKm: number | null;
  named: number;
  tolls: string | null;
}

/** The checks of joinReason, cheapest first, without building any text (it runs for every candidate pair). */
function canJoin(a: Report, b: Report): JoinFacts | null {
  if (!a.days || !b.days || !overlap(a.days, b.days)) return null;
  if (!compatibleTypes(a.ev, b.ev)) return null;
  const sameDoc = a.doc === b.doc;
  // The event extractor already joins what one document tells twice; two events it kept apart are joined
  // here only if they agree on everything: sub-type, the very same place and equally precise dates.
  if (
    sameDoc &&
    (a.ev.subType !== b.ev.subType ||
      (a.ev.start === b.ev.start && a.ev.end === b.ev.end) ||
      a.ev.date?.precision !== b.ev.date?.precision ||
      (locOk(a.ev.location) && (!a.place || a.place !== b.place)))
  ) {
    return null;
  }
  const la = a.ev.location;
  const lb = b.ev.location;
  let distanceKm: number | null = null;
  let tol: number | null = null;
  if (locOk(la) && locOk(lb)) {
    if (la.country && lb.country && la.country !== lb.country) return null;
    if (!(a.place && a.place === b.place)) {
      distanceKm = km(la.lat, la.lon, lb.lat, lb.lon);
      tol = toleranceKm(la.precision, lb.precision);
      if (distanceKm > tol) return null;
    }
  } else if (!(sameDoc && !locOk(la) && !locOk(lb))) {
    // Without a place on one side, two documents cannot be shown to tell the same event.
    return null;
  }
  if (!compatibleSides(a.ev.actor1, a.ev.actor2, b.ev.actor1, b.ev.actor2)) return null;
  const named = namedActorMatches(a.ev, b.ev);
  // Vague in time or in place ("in March", "in Helmand province"): many events fit, so only join reports that
  // agree on what happened and who did it.
  const vague =
    lengthDays(a.days) > VAGUE_DAYS || lengthDays(b.days) > VAGUE_DAYS || a.ev.location?.precision === 3 || b.ev.location?.precision === 3;
  if (vague && (a.ev.subType !== b.ev.subType || named === 0)) return null;
  const tolls = tollsAgree(a.ev.fatalities, b.ev.fatalities);
  if (tolls === false) return null;
  return { distanceKm, toleranceKm: tol, named, tolls };
}

function describeJoin(a: Report, b: Report, f: JoinFacts): string {
  const parts: string[] = [];
  parts.push(a.ev.type === b.ev.type ? `both ${a.ev.type}` : `${a.ev.type} / ${b.ev.type} (one family)`);
  parts.push(`dates overlap (${formatInterval(a.days!)} / ${formatInterval(b.days!)})`);
  const la = a.ev.location;
  const lb = b.ev.location;
  if (la && lb) {
    parts.push(
      f.distanceKm === null
        ? `same place (${la.name === lb.name ? la.name : `${la.name} = ${lb.name}`})`
        : `places ${Math.round(f.distanceKm)} km apart (${la.name} / ${lb.name}, within ${f.toleranceKm} km)`,
    );
  } else parts.push('same document, no place given');
  parts.push(f.named > 0 ? `actors agree (${namedActorList(a.ev, b.ev)})` : 'actors compatible');
  if (f.tolls) parts.push(`death tolls agree (${f.tolls})`);
  if (a.doc === b.doc) parts.push('told twice in one document');
  return parts.join('; ');
}

/** Most deaths a toll allows, and fewest: "at least 50" allows 50 and up, "about 200" 180 to 220. */
function tollRange(f: Fatalities): { lo: number; hi: number } | null {
  const lo = f.low ?? f.best ?? null;
  const hi = f.high ?? (f.low != null && f.best === f.low ? Infinity : (f.best ?? null));
  if (lo == null && hi == null) return null;
  return { lo: lo ?? 0, hi: hi ?? Infinity };
}

/**
 * Can two death tolls be counts of one event? Early and late reports differ, and outlets count
 * differently, so tolls within a factor of two of each other (or whose hedges overlap) agree; "1 soldier
 * killed" and "16 soldiers killed" are two events. Returns a description when both give a toll, null when
 * one does not, false when they cannot agree.
 */
export function tollsAgree(a: Fatalities | null, b: Fatalities | null): string | false | null {
  const ra = a ? tollRange(a) : null;
  const rb = b ? tollRange(b) : null;
  if (!ra || !rb) return null;
  const meet = ra.lo <= rb.hi && rb.lo <= ra.hi;
  const small = Math.max(ra.lo, 0);
  const big = Math.max(rb.lo, 0);
  const ratio = Math.max(small, big) / Math.max(1, Math.min(small, big));
  if (meet || ratio <= 2) return `${fmtToll(ra)} / ${fmtToll(rb)}`;
  return false;
}

function fmtToll(r: { lo: number; hi: number }): string {
  if (r.lo === r.hi) return String(r.lo);
  return r.hi === Infinity ? `${r.lo}+` : `${r.lo}-${r.hi}`;
}

function namedActors(ev: EventMention): Actor[] {
  return [ev.actor1, ev.actor2].filter((x): x is Actor => !!x);
}

function namedActorMatches(a: EventMention, b: EventMention): number {
  let n = 0;
  for (const x of namedActors(a)) if (namedActors(b).some((y) => sameActorName(x.name, y.name))) n++;
  return n;
}

function namedActorList(a: EventMention, b: EventMention): string {
  return namedActors(a)
    .filter((x) => namedActors(b).some((y) => sameActorName(x.name, y.name)))
    .map((x) => x.name)
    .join(', ');
}

/** How well a report fits a cluster: nearer, same sub-type and more named actors in common score higher. */
function fit(r: Report, c: Cluster): number {
  let s = 0;
  for (const m of c.members) {
    if (r.place && r.place === m.place) s += 2;
    else if (locOk(r.ev.location) && locOk(m.ev.location)) s += 1 - km(r.ev.location.lat, r.ev.location.lon, m.ev.location.lat, m.ev.location.lon) / 100;
    if (r.ev.subType === m.ev.subType) s += 1;
    s += namedActorMatches(r.ev, m.ev) * 0.5;
  }
  return s / c.members.length;
}

function reportDays(ev: EventMention): DayInterval | null {
  return ev.date ? interval(ev.date.start, ev.date.end) : null;
}

/**
 * Groups every event report in the documents into real-world events. Complete linkage: a report joins a
 * cluster only if it can be one event with every report already in it, so a chain of near matches cannot
 * join two reports that contradict each other (and the cluster's reports always share a day).
 */
export function mergeEvents(docs: readonly SituationDoc[], places: PlaceIndex): MergedEvent[] {
  const reports: Report[] = [];
  let order = 0;
  for (const doc of docs) {
    for (const ev of doc.record.events) {
      const place = locOk(ev.location) ? places.forLocation(ev.location) : null;
      reports.push({ doc, ev, days: reportDays(ev), place, order: order++ });
    }
  }
  // Precise reports seed clusters first, so vaguer ones join the event they fit rather than the first seen.
  const ranked = [...reports].sort(
    (a, b) => precisionRank(a) - precisionRank(b) || (a.days?.start ?? '9').localeCompare(b.days?.start ?? '9') || a.order - b.order,
  );
  const clusters: Cluster[] = [];
  for (const r of ranked) {
    let best: Cluster | null = null;
    let bestFit = -Infinity;
    for (const c of clusters) {
      if (!r.days || !c.days || !overlap(r.days, c.days)) continue;
      let ok = true;
      for (const m of c.members) {
        if (!canJoin(r, m)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const f = fit(r, c);
      if (f > bestFit) {
        best = c;
        bestFit = f;
      }
    }
    if (best) {
      // The reason is told against the report it fits best: the nearest, same sub-type, most actors in common.
      const closest = [...best.members].sort((x, y) => fit(r, { ...best!, members: [y] }) - fit(r, { ...best!, members: [x] }))[0]!;
      const bestReason = joinReason(r, closest)!;
      best.members.push(r);
      best.days = best.days && r.days ? intersect(best.days, r.days) : null;
      best.reasons.push(`${r.doc.record.id} "${clip(r.ev.text)}" joined: ${bestReason}`);
    } else {
      clusters.push({ members: [r], days: r.days, reasons: [] });
    }
  }
  return clusters.map(toMerged).sort(byDateThenId);
}

function precisionRank(r: Report): number {
  const dp = r.ev.date?.precision ?? 4;
  const lp = r.ev.location?.precision ?? 4;
  return dp * 4 + lp;
}

function clip(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function byDateThenId(a: MergedEvent, b: MergedEvent): number {
  return (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999') || a.id.localeCompare(b.id);
}

function mostCommon<T>(items: T[], key: (x: T) => string): T {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  let best: T = items[0] as T;
  for (const it of items) if (counts.get(key(it))! > counts.get(key(best))!) best = it;
  return best;
}

/** Sources first by publication (undated last), then document and position: the first is the earliest report. */
function bySource(a: Report, b: Report): number {
  const pa = a.doc.record.published ?? '9999';
  const pb = b.doc.record.published ?? '9999';
  return pa.localeCompare(pb) || a.doc.record.id.localeCompare(b.doc.record.id) || a.ev.start - b.ev.start;
}

export function mergedFatalities(list: (Fatalities | null)[]): Fatalities | null {
  const given = list.filter((f): f is Fatalities => !!f && (f.best != null || f.low != null || f.high != null));
  if (given.length === 0) return null;
  const bests = given.map((f) => f.best ?? f.low ?? f.high!);
  const lows = given.map((f) => f.low ?? f.best ?? f.high!);
  const highs = given.map((f) => f.high ?? f.best ?? f.low!);
  return { low: Math.min(...lows), best: Math.min(...bests), high: Math.max(...highs) };
}

/**
 * The certainty of an event from its reports: any confirmation confirms it; denial against assertion makes it
 * disputed; it stays unverified only if every report says it could not be verified.
 */
export function mergedCertainty(list: Certainty[]): Certainty {
  const has = (c: Certainty) => list.includes(c);
  if (has('disputed')) return 'disputed';
  if (has('denied')) return list.every((c) => c === 'denied') ? 'denied' : 'disputed';
  if (has('confirmed')) return 'confirmed';
  if (list.length > 0 && list.every((c) => c === 'unverified')) return 'unverified';
  return 'reported';
}

function toMerged(c: Cluster): MergedEvent {
  const members = [...c.members].sort(bySource);
  const first = members[0]!;
  const typed = mostCommon(members, (m) => m.ev.type);
  const type = typed.ev.type;
  const subType = mostCommon(members.filter((m) => m.ev.type === type), (m) => m.ev.subType).ev.subType;
  const precise = [...members].filter((m) => locOk(m.ev.location)).sort((a, b) => a.ev.location!.precision - b.ev.location!.precision);
  const location = precise[0]?.ev.location ?? null;
  const place = precise[0]?.place ?? null;
  let date: EventDate | null = null;
  if (c.days) {
    const precision = Math.min(...members.map((m) => m.ev.date?.precision ?? 3)) as EventDate['precision'];
    date = { start: c.days.start, end: c.days.end, precision };
  }
  // Reports may name the sides in either order ("A attacked B" / "B repelled A"): line every report's sides
  // up with the first report's before choosing, or one side could be chosen twice.
  const sides = members.map((m) => alignedSides(first.ev, m.ev));
  const actor1 = mostSpecific(sides.map((x) => x[0]));
  let actor2 = mostSpecific(sides.map((x) => x[1]));
  if (actor1 && actor2 && sameActorName(actor1.name, actor2.name)) actor2 = mostSpecific(sides.map((x) => x[1]).filter((a) => !a || !sameActorName(a.name, actor1.name)));
  const actors: Actor[] = [];
  for (const a of [...members.map((m) => m.ev.actor1), ...members.map((m) => m.ev.actor2)]) {
    if (a && !actors.some((x) => x.name === a.name && x.inter === a.inter)) actors.push(a);
  }
  const sources: EventSource[] = members.map((m) => ({
    ...sourceRef(m.doc, m.ev),
    said: m.ev.sources.map((s) => s.text),
    certainty: m.ev.certainty,
    type: m.ev.type,
    subType: m.ev.subType,
    date: m.ev.date,
    fatalities: m.ev.fatalities,
  }));
  const outlets: string[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    const o = outletOf(m.doc);
    const k = outletKey(o);
    if (!seen.has(k)) {
      seen.add(k);
      outlets.push(o ?? '(unknown outlet)');
    }
  }
  return {
    id: eventId(first),
    type,
    subType,
    date,
    location,
    place,
    actor1,
    actor2,
    actors,
    fatalities: mergedFatalities(members.map((m) => m.ev.fatalities)),
    sources,
    corroboration: independentOutlets(members.map((m) => m.doc)),
    outlets,
    certainty: mergedCertainty(members.map((m) => m.ev.certainty)),
    reasons: c.reasons,
  };
}

/** The actor most reports agree on, preferring the longer (more specific) name among equals. */
/** The report's two sides in the reference report's order: swapped when they only match crosswise. */
function alignedSides(ref: EventMention, ev: EventMention): [Actor | null, Actor | null] {
  const straight = compatibleActor(ref.actor1, ev.actor1) && compatibleActor(ref.actor2, ev.actor2);
  const crossed = compatibleActor(ref.actor1, ev.actor2) && compatibleActor(ref.actor2, ev.actor1);
  return !straight && crossed ? [ev.actor2, ev.actor1] : [ev.actor1, ev.actor2];
}

function mostSpecific(list: (Actor | null)[]): Actor | null {
  const given = list.filter((a): a is Actor => !!a);
  if (given.length === 0) return null;
  return [...given].sort((a, b) => given.filter((x) => sameActorName(x.name, b.name)).length - given.filter((x) => sameActorName(x.name, a.name)).length || b.name.length - a.name.length)[0]!;
}

/**
 * A stable id from the earliest report (document and offset): recomputing the picture after new documents
 * arrive keeps an event's id unless an earlier report of it is added.
 */
function eventId(first: Report): string {
  return 'ev-' + createHash('sha1').update(`${first.doc.record.id}\u0000${first.ev.start}`).digest('hex').slice(0, 10);
}
