/**
 * Reading the situation picture in slices: what reports, exports, the API and the web app ask of it. Two
 * implementations: the store's tables (src/store/picture/, bounded queries inside the database) and a
 * picture computed in memory (./memory-reader.ts, for `report --input` and as the reference in tests).
 * Both apply the same filters with the same meaning (`eventMatches` below is the definition).
 */
import type { ControlChange } from './control.js';
import type { MergedEvent } from './coref.js';
import type { DayInterval } from './dates.js';
import type { Figure } from './figures.js';
import { km } from './geo.js';
import { outletKey, type SourceRef } from './input.js';
import type { PlaceEntity, PlaceMentionRef } from './places.js';
import { aliasGroup } from './actors.js';

/** Which part of the picture. Every field is optional; all given must hold. */
export interface PictureFilter {
  /** Inclusive days (YYYY-MM-DD). Events and figures are kept when their days meet the period (undated ones then left out). */
  since?: string | null;
  until?: string | null;
  /** Within `radiusKm` of a point (`--near`). */
  near?: { lat: number; lon: number; radiusKm: number } | null;
  /** A bounding box in degrees (south ≤ lat ≤ north, west ≤ lon ≤ east). */
  bbox?: { south: number; west: number; north: number; east: number } | null;
  /** ISO 3166-1 alpha-2 country of the event's location. */
  country?: string | null;
  /** ACLED event type ("Battles") or sub-event type ("Armed clash"). */
  type?: string | null;
  /** An actor of the event: a name or alias ("ISIS" finds "Islamic State"), or words of a name. */
  actor?: string | null;
  /** An outlet that reports it (compared loosely: "the New York Times" = "New York Times"). */
  outlet?: string | null;
  certainty?: string | null;
}

/** A merged event with the place entity it happened at. */
export interface PictureEvent extends MergedEvent {
  place: PlaceEntity | null;
}

/** A document as the report lists it. */
export interface PictureDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedFrom: string | null;
  layers: { sentences: number; times: number; places: number; quantities: number; events: number };
}

/** A place entity with what documents say of it. */
export interface PicturePlace extends PlaceEntity {
  mentions: PlaceMentionRef[];
  /** Ids of the documents that mention it. */
  documents: string[];
  /** Its control history, oldest first. */
  control: ControlChange[];
}

/** One page of a listing and where the next starts (null: the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  /** Opaque cursor from the previous page's `next`. */
  after?: string | null;
  /** Skip this many first (when no cursor is given; costs what it skips). */
  offset?: number;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
}

export interface DocumentSummary {
  documents: number;
  outlets: number;
  /** The last publication day among them (the last day of reporting), or null. */
  lastDay: string | null;
}

export interface PictureReader {
  /**
   * Events meeting the filter, by date (undated last) then id. With `withSources`, an event it refuses may
   * come without its sources (`sources` empty; a store then reads none of its reports).
   */
  events(f: PictureFilter, page?: PageRequest, withSources?: (e: Omit<MergedEvent, 'sources'>) => boolean): Promise<Page<PictureEvent>>;
  /** One event by id, with all its reports, or null. */
  event(id: string): Promise<PictureEvent | null>;
  /** The event a report (ReportItem key: document content hash and ordinal) belongs to now. */
  eventOfReport(reportKey: string): Promise<PictureEvent | null>;
  /**
   * Figures whose period meets the period (and place the area), contested first. With `withClaims`, a
   * figure it refuses may come without its claims (`claims` empty; a store then reads none of them).
   */
  figures(f: PictureFilter, page?: PageRequest, withClaims?: (f: Omit<Figure, 'claims'>) => boolean): Promise<Page<Figure>>;
  /** Documents published in the period (all when no period), by publication day (undated last), then id. */
  documents(f: Pick<PictureFilter, 'since' | 'until'>, page?: PageRequest): Promise<Page<PictureDocument>>;
  documentSummary(f: Pick<PictureFilter, 'since' | 'until'>): Promise<DocumentSummary>;
  /**
   * Place entities mentioned by the documents of the period, or holding the given events, within the area:
   * each with its mentions in those documents and its control history up to `until`.
   */
  places(f: Pick<PictureFilter, 'since' | 'until' | 'near' | 'bbox'>, withEntities: readonly string[]): Promise<PicturePlace[]>;
  /** A place by name as the gazetteer gives it, or as any document spells it; null when none is known. */
  findPlace(name: string): Promise<PlaceEntity | null>;

  /** A token that changes whenever the picture does (to know when something cached from it is stale). */
  generation(): Promise<string>;

  /** How big the picture is. */
  counts(): Promise<{ documents: number; events: number; figures: number; places: number }>;
}

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

export function pageLimit(p?: PageRequest): number {
  const n = p?.limit;
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_PAGE;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(n)));
}

/** Folded words of an actor name, for matching: lower case, accents and punctuation dropped. */
export function foldActor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Does an actor name match the filter: the same alias group, or the filter's words appear in it as words? */
export function actorMatches(name: string, query: string): boolean {
  const g = aliasGroup(query);
  if (g >= 0 && aliasGroup(name) === g) return true;
  const q = foldActor(query);
  return q !== '' && ` ${foldActor(name)} `.includes(` ${q} `);
}

function inPeriod(days: DayInterval | { start: string; end: string } | null, f: PictureFilter): boolean {
  if (!f.since && !f.until) return true;
  if (!days) return false;
  return days.end >= (f.since ?? '0000-01-01') && days.start <= (f.until ?? '9999-12-31');
}

export function pointMatches(lat: number | null | undefined, lon: number | null | undefined, f: PictureFilter): boolean {
  if (!f.near && !f.bbox) return true;
  if (lat == null || lon == null) return false;
  if (f.near && km(f.near.lat, f.near.lon, lat, lon) > f.near.radiusKm) return false;
  if (f.bbox && !(lat >= f.bbox.south && lat <= f.bbox.north && lon >= f.bbox.west && lon <= f.bbox.east)) return false;
  return true;
}

/** The definition of every event filter. */
export function eventMatches(ev: MergedEvent, f: PictureFilter): boolean {
  if (!inPeriod(ev.date, f)) return false;
  if (!pointMatches(ev.location?.lat, ev.location?.lon, f)) return false;
  if (f.country && ev.location?.country !== f.country.toUpperCase()) return false;
  if (f.type && ev.type !== f.type && ev.subType !== f.type) return false;
  if (f.certainty && ev.certainty !== f.certainty) return false;
  if (f.actor && !ev.actors.some((a) => actorMatches(a.name, f.actor!))) return false;
  if (f.outlet && !ev.sources.some((s) => outletKey(s.outlet) === outletKey(f.outlet!))) return false;
  return true;
}

export function figureMatches(fig: Figure, f: PictureFilter): boolean {
  return inPeriod(fig.when, f) && pointMatches(fig.place?.lat, fig.place?.lon, f);
}

/** The order of events: by start day (undated last), then id. */
export function eventSortKey(ev: Pick<MergedEvent, 'date' | 'id'>): string {
  return `${ev.date?.start ?? '9999-99-99'}|${ev.id}`;
}

/**
 * A place's history as a report of a period shows it: the changes up to the end of the period and, when the
 * period has a start, only those that reach into it plus the last one before it (who held the place when
 * the period began; every change also names who held it before). So a week's report of a place fought over
 * for years shows that week, not the years, and its size does not grow with the store. `history` is in
 * date order (controlSortKey).
 */
export function controlUpTo(history: readonly ControlChange[], until: string | null | undefined, since?: string | null): ControlChange[] {
  const upTo = history.filter((c) => !until || !c.date || c.date.start <= until);
  if (!since) return upTo;
  let last: ControlChange | null = null;
  for (const c of upTo) if (c.date && c.date.end < since) last = c;
  return upTo.filter((c) => c === last || !c.date || c.date.end >= since);
}

export type { SourceRef };
