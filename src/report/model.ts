import type { Actor, Certainty, EventType } from '../extract/events/types.js';
import type { ControlChange } from '../merge/control.js';
import type { MergedEvent } from '../merge/coref.js';
import type { DayInterval } from '../merge/dates.js';
import type { Figure } from '../merge/figures.js';
import type { SourceRef } from '../merge/input.js';
import { latestDevelopments } from '../merge/latest.js';
import type { PictureFilter, PictureReader } from '../merge/reader.js';
import type { SituationDoc } from '../merge/input.js';
import { MemoryReader } from '../merge/memory-reader.js';
import { UNRESOLVED_KEY } from '../merge/items.js';
import { buildSituation } from '../merge/situation.js';

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
  /** `unresolved`: a name the gazetteer lacks, at the point of `area` (the division or country it is coded at). */
  location: { name: string; lat: number; lon: number; country: string; admin1: string | null; precision: 1 | 2 | 3; unresolved?: true; area?: string } | null;
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
  /** A name the gazetteer lacks: its point is its area's, not its own. */
  unresolved?: true;
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
  /** Only what lies in this box (events, figures, places). */
  bbox?: PictureFilter['bbox'];
  /** Only events of this country, type or sub-type, with this actor, reported by this outlet, this certain. */
  country?: string | null;
  type?: string | null;
  actor?: string | null;
  outlet?: string | null;
  certainty?: string | null;
  latestLimit?: number;
}

export class ReportError extends Error {}

function src(s: SourceRef): ReportSource {
  return { documentId: s.documentId, outlet: s.outlet, published: s.published, start: s.start, end: s.end, text: s.text, sentence: s.sentence };
}

export function toEvent(ev: MergedEvent): ReportEvent {
  const l = ev.location;
  return {
    id: ev.id,
    type: ev.type,
    subType: ev.subType,
    date: ev.date,
    location: l
      ? { name: l.name, lat: l.lat, lon: l.lon, country: l.country, admin1: l.admin1, precision: l.precision, ...(l.unresolved ? { unresolved: true as const, ...(l.area ? { area: l.area } : {}) } : {}) }
      : null,
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

export function toFigure(f: Figure): ReportFigure {
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

export function toControl(c: ControlChange): ReportControl {
  return { date: c.date, precision: c.precision, holder: c.holder, previous: c.previous, how: c.how, part: c.part, eventId: c.eventId, sources: c.sources.map(src) };
}

/** Resolve `--near`: a place the documents mention (by name or as written), or "LAT,LON". */
export async function resolveNear(reader: PictureReader, near: string): Promise<{ name: string; lat: number; lon: number }> {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(near);
  if (m) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new ReportError(`--near ${near}: coordinates out of range`);
    return { name: near.trim(), lat, lon };
  }
  const hit = await reader.findPlace(near);
  if (!hit) throw new ReportError(`--near ${near}: no place of that name in the documents (give a name they mention, or LAT,LON)`);
  return { name: hit.name, lat: hit.lat, lon: hit.lon };
}

/** Every item of a paged listing, page by page. */
export async function* allPages<T>(fetch: (after: string | null) => Promise<{ items: T[]; next: string | null }>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    yield* page.items;
    if (!page.next) return;
    after = page.next;
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const PAGE = 1000;

/** What a report selects: its period and area (events and figures, places) and its events' other filters. */
export interface ReportScope {
  since: string | null;
  until: string | null;
  near: Report['near'];
  /** Period and area. */
  f: PictureFilter;
  /** Period, area and the events' own filters. */
  ef: PictureFilter;
}

export async function reportScope(reader: PictureReader, opts: ReportOptions = {}): Promise<ReportScope> {
  const since = opts.since ?? null;
  const until = opts.until ?? null;
  const radiusKm = opts.radiusKm ?? 50;
  const near = opts.near ? { ...(await resolveNear(reader, opts.near)), radiusKm } : null;
  const f: PictureFilter = { since, until, near: near ? { lat: near.lat, lon: near.lon, radiusKm } : null, bbox: opts.bbox ?? null };
  const ef: PictureFilter = { ...f, country: opts.country ?? null, type: opts.type ?? null, actor: opts.actor ?? null, outlet: opts.outlet ?? null, certainty: opts.certainty ?? null };
  return { since, until, near, f, ef };
}

/** The places of a report: those the reader gives for the scope and the events' places (ids of events at each). */
export async function reportPlaces(reader: PictureReader, s: ReportScope, eventIdsByPlace: ReadonlyMap<string, string[]>): Promise<ReportPlace[]> {
  return (await reader.places(s.f, [...eventIdsByPlace.keys()])).map((p) => ({
    id: p.id,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    admin1: p.admin1,
    kind: p.kind,
    ...(p.id.startsWith(UNRESOLVED_KEY) ? { unresolved: true as const } : {}),
    mentions: p.mentions,
    documents: p.documents,
    events: eventIdsByPlace.get(p.id) ?? [],
    control: p.control.map(toControl),
  }));
}

/** The latest developments among `events` (all events of the report that may be told on the last day). */
export function reportLatest(events: readonly MergedEvent[], latestPeriod: DayInterval | null, limit: number | undefined): ReportLatest[] {
  return latestPeriod
    ? latestDevelopments(events, { period: latestPeriod, limit: limit ?? 8 }).map((l) => ({
        eventId: l.eventId,
        date: l.date,
        text: l.text,
        quote: src(l.quote),
        outlets: l.outlets,
        sources: l.sources.map(src),
      }))
    : [];
}

/**
 * The report for a period and area, read from the picture (kept in the store, or computed in memory) in
 * bounded slices: only the events, figures, documents and places of the period and area are read. Events
 * merge reports from every document (a report published later still corroborates an event of the period).
 */
export async function buildReport(reader: PictureReader, opts: ReportOptions = {}): Promise<Report> {
  const s = await reportScope(reader, opts);
  const { since, until, near } = s;
  const events = await collect(allPages((after) => reader.events(s.ef, { after, limit: PAGE })));
  const figures = await collect(allPages((after) => reader.figures(s.f, { after, limit: PAGE })));
  const documents = await collect(allPages((after) => reader.documents({ since, until }, { after, limit: PAGE })));
  const summary = await reader.documentSummary({ since, until });
  const eventIdsByPlace = new Map<string, string[]>();
  for (const e of events) if (e.place) eventIdsByPlace.set(e.place.id, [...(eventIdsByPlace.get(e.place.id) ?? []), e.id]);
  const places = await reportPlaces(reader, s, eventIdsByPlace);
  const latestPeriod = summary.lastDay ? { start: summary.lastDay, end: summary.lastDay } : null;
  return {
    schema: 'sitrep-report/1',
    period: { since, until, latest: latestPeriod },
    near,
    documents,
    events: events.map(toEvent),
    figures: figures.map(toFigure),
    places,
    latest: reportLatest(events, latestPeriod, opts.latestLimit),
  };
}

/** The report over documents analysed in memory (`sitrep report --input`), without a store. */
export async function reportFromDocs(docs: readonly SituationDoc[], opts: ReportOptions = {}): Promise<Report> {
  return buildReport(new MemoryReader(buildSituation(docs)), opts);
}
