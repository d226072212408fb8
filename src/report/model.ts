import type { Actor, Certainty, EventType } from '../extract/events/types.js';
import type { ControlChange } from '../merge/control.js';
import type { MergedEvent } from '../merge/coref.js';
import { interval, overlap, type DayInterval } from '../merge/dates.js';
import type { Figure } from '../merge/figures.js';
import { km } from '../merge/geo.js';
import { outletOf, publishedDay, type SourceRef } from '../merge/input.js';
import { latestDevelopments, lastReportingDay } from '../merge/latest.js';
import { normName, type PlaceEntity } from '../merge/places.js';
import type { Situation } from '../merge/situation.js';

/** The situation report as data: what `--format json` prints and what the Markdown and HTML render. See docs/report.md. */
export interface Report {
  /** "sitrep-report/1" */
  schema: string;
  period: { since: string | null; until: string | null; latest: DayInterval | null };
  near: { name: string; lat: number; lon: number; radiusKm: number } | null;
  documents: ReportDocument[];
  events: ReportEvent[];
  figures: ReportFigure[];
  places: ReportPlace[];
  latest: ReportLatest[];
}

export interface ReportDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedFrom: string | null;
  /** How many items each analysis layer holds. */
  layers: { sentences: number; times: number; places: number; quantities: number; events: number };
}

export interface ReportSource {
  documentId: string;
  outlet: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
  sentence: { start: number; end: number; text: string };
}

/** One report of an event, with how that report alone dated it and counted its dead. */
export interface ReportEventSource extends ReportSource {
  said: string[];
  certainty: Certainty;
  date: { start: string; end: string; precision: 1 | 2 | 3 } | null;
  fatalities: { low: number | null; best: number | null; high: number | null } | null;
}

export interface ReportEvent {
  id: string;
  type: EventType;
  subType: string;
  date: { start: string; end: string; precision: 1 | 2 | 3 } | null;
  location: { name: string; lat: number; lon: number; country: string; admin1: string | null; precision: 1 | 2 | 3 } | null;
  actor1: Actor | null;
  actor2: Actor | null;
  actors: Actor[];
  fatalities: { low: number | null; best: number | null; high: number | null };
  sources: ReportEventSource[];
  corroboration: number;
  outlets: string[];
  certainty: Certainty;
  /** Why each report after the first was merged into this event. */
  merged: string[];
  /** What editors did to this event (src/desk/reviews.ts); null when nobody reviewed it. */
  review: EventReview | null;
}

/** One editor's change to an event, as kept in the audit trail of reviews. */
export interface ReviewChange {
  id: number;
  action: 'confirm' | 'correct' | 'reject' | 'restore' | 'split' | 'merge';
  by: string | null;
  at: string;
  why: string | null;
  /** The fields set (correct), the sources moved (split), the event merged into (merge). */
  data: Record<string, unknown>;
}

export interface EventReview {
  /** The effect of the last change: merged means merged into another event (mergedInto), hidden by default. */
  status: 'confirmed' | 'corrected' | 'rejected' | 'merged' | 'split';
  by: string | null;
  at: string;
  why: string | null;
  mergedInto: string | null;
  splitFrom: string | null;
  /** The coded values of fields an editor changed, as the extractors gave them. */
  original: Record<string, unknown>;
  /** Every change, oldest first. */
  history: ReviewChange[];
}

export interface ReportClaim {
  value: number;
  low: number | null;
  high: number | null;
  approx: boolean;
  vague: boolean;
  source: string | null;
  documentId: string;
  outlet: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
  sentence: { start: number; end: number; text: string };
}

export interface ReportFigure {
  id: string;
  what: string;
  key: string;
  where: string | null;
  when: DayInterval | null;
  claims: ReportClaim[];
  contested: boolean;
}

export interface ReportControl {
  date: DayInterval | null;
  precision: 1 | 2 | 3;
  holder: string | null;
  previous: string | null;
  how: string;
  /** Only part of the place changed hands (districts of a city). */
  part: boolean;
  eventId: string | null;
  sources: ReportSource[];
}

export interface ReportPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  kind: string;
  mentions: { documentId: string; outlet: string | null; start: number; end: number; text: string }[];
  documents: string[];
  /** Merged events located here (ids). */
  events: string[];
  control: ReportControl[];
}

export interface ReportLatest {
  eventId: string;
  date: DayInterval | null;
  text: string;
  quote: ReportSource;
  outlets: string[];
  sources: ReportSource[];
}

export interface ReportOptions {
  since?: string | null;
  until?: string | null;
  /** A place name known to the documents, or "LAT,LON". */
  near?: string | null;
  radiusKm?: number;
  latestLimit?: number;
}

export class ReportError extends Error {}

function src(s: SourceRef): ReportSource {
  return { documentId: s.documentId, outlet: s.outlet, published: s.published, start: s.start, end: s.end, text: s.text, sentence: s.sentence };
}

function toEvent(ev: MergedEvent): ReportEvent {
  const l = ev.location;
  return {
    id: ev.id,
    type: ev.type,
    subType: ev.subType,
    date: ev.date,
    location: l ? { name: l.name, lat: l.lat, lon: l.lon, country: l.country, admin1: l.admin1, precision: l.precision } : null,
    actor1: ev.actor1,
    actor2: ev.actor2,
    actors: ev.actors,
    fatalities: ev.fatalities ?? { low: null, best: null, high: null },
    sources: ev.sources.map((s) => ({ ...src(s), said: s.said, certainty: s.certainty, date: s.date, fatalities: s.fatalities })),
    corroboration: ev.corroboration,
    outlets: ev.outlets,
    certainty: ev.certainty,
    merged: ev.reasons,
    review: null,
  };
}

function toFigure(f: Figure): ReportFigure {
  return {
    id: f.id,
    what: f.what,
    key: f.key,
    where: f.where,
    when: f.when,
    claims: f.claims.map((c) => ({
      value: c.value,
      low: c.low,
      high: c.high,
      approx: c.approx,
      vague: c.vague,
      source: c.source,
      documentId: c.documentId,
      outlet: c.outlet,
      published: c.published,
      start: c.start,
      end: c.end,
      text: c.text,
      sentence: c.sentence,
    })),
    contested: f.contested,
  };
}

function toControl(c: ControlChange): ReportControl {
  return { date: c.date, precision: c.precision, holder: c.holder, previous: c.previous, how: c.how, part: c.part, eventId: c.eventId, sources: c.sources.map(src) };
}

/** Resolve `--near`: a place the documents mention (by name or as written), or "LAT,LON". */
export function resolveNear(s: Situation, near: string): { name: string; lat: number; lon: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(near);
  if (m) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new ReportError(`--near ${near}: coordinates out of range`);
    return { name: near.trim(), lat, lon };
  }
  const n = normName(near);
  const hit =
    s.places.all.find((p) => normName(p.name) === n) ??
    s.places.all.find((p) => p.mentions.some((x) => normName(x.text) === n));
  if (!hit) throw new ReportError(`--near ${near}: no place of that name in the documents (give a name they mention, or LAT,LON)`);
  return { name: hit.name, lat: hit.lat, lon: hit.lon };
}

/**
 * The report for a period and area. The picture is computed over every document (so reports published
 * later still corroborate an event of the period), then cut to the period and area asked for.
 */
export function buildReport(s: Situation, opts: ReportOptions = {}): Report {
  const since = opts.since ?? null;
  const until = opts.until ?? null;
  const window: DayInterval | null = since || until ? { start: since ?? '0000-01-01', end: until ?? '9999-12-31' } : null;
  const radiusKm = opts.radiusKm ?? 50;
  const near = opts.near ? { ...resolveNear(s, opts.near), radiusKm } : null;
  const inArea = (lat: number | undefined, lon: number | undefined) =>
    !near || (lat !== undefined && lon !== undefined && km(near.lat, near.lon, lat, lon) <= near.radiusKm);
  const inWindow = (iv: DayInterval | null) => !window || (!!iv && overlap(iv, window));

  const docs = s.docs.filter((d) => {
    const p = publishedDay(d);
    return !window || (!!p && p >= window.start && p <= window.end);
  });
  const events = s.events.filter(
    (e) => inWindow(e.date ? interval(e.date.start, e.date.end) : null) && (!near || (e.location && inArea(e.location.lat, e.location.lon))),
  );
  const figures = s.figures.filter((f) => inWindow(f.when) && (!near || (f.place && inArea(f.place.lat, f.place.lon))));
  const eventIdsByPlace = new Map<PlaceEntity, string[]>();
  for (const e of events) if (e.place) eventIdsByPlace.set(e.place, [...(eventIdsByPlace.get(e.place) ?? []), e.id]);
  const docIds = new Set(docs.map((d) => d.record.id));
  const places: ReportPlace[] = s.places.all
    .filter((p) => inArea(p.lat, p.lon) && (p.documents.some((id) => docIds.has(id)) || eventIdsByPlace.has(p)))
    .map((p) => ({
      id: p.id,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      admin1: p.admin1,
      kind: p.kind,
      mentions: p.mentions,
      documents: p.documents,
      events: eventIdsByPlace.get(p) ?? [],
      // A place's history up to the end of the period: who held it before matters for who holds it now.
      control: (s.control.get(p) ?? []).filter((c) => !window || !c.date || c.date.start <= window.end).map(toControl),
    }));
  const lastDay = lastReportingDay(docs.map(publishedDay));
  const latestPeriod = lastDay ? { start: lastDay, end: lastDay } : null;
  const latest = latestPeriod
    ? latestDevelopments(events, { period: latestPeriod, limit: opts.latestLimit ?? 8 }).map((l) => ({
        eventId: l.eventId,
        date: l.date,
        text: l.text,
        quote: src(l.quote),
        outlets: l.outlets,
        sources: l.sources.map(src),
      }))
    : [];
  return {
    schema: 'sitrep-report/1',
    period: { since, until, latest: latestPeriod },
    near,
    documents: docs.map((d) => ({
      id: d.record.id,
      title: d.record.title,
      outlet: outletOf(d),
      url: d.record.url,
      published: d.record.published,
      publishedFrom: d.record.publishedFrom,
      layers: {
        sentences: d.record.sentences.length,
        times: d.record.times.length,
        places: d.record.places.length,
        quantities: d.record.quantities.length,
        events: d.record.events.length,
      },
    })),
    events: events.map(toEvent),
    figures: figures.map(toFigure),
    places,
    latest,
  };
}
