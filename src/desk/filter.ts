/**
 * The desk's event filters, one vocabulary for the web app's URL, the API, saved desks and exports:
 * country, admin1, type, subType, outlet, certainty (comma-separated lists), actor and q (words), minOutlets
 * (corroborated by at least n outlets), since/until (the event's dates overlap the period), bbox
 * (W,S,E,N) and review (which review states to show). A bad value is a FilterError naming the parameter.
 */
import type { ReportEvent } from '../report/model.js';

export const REVIEW_STATES = ['default', 'all', 'reviewed', 'unreviewed', 'confirmed', 'corrected', 'rejected', 'merged', 'split'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface EventFilter {
  country?: string[];
  admin1?: string[];
  type?: string[];
  subType?: string[];
  outlet?: string[];
  certainty?: string[];
  actor?: string;
  q?: string;
  minOutlets?: number;
  since?: string;
  until?: string;
  bbox?: [number, number, number, number];
  /** default: everything but rejected events and events merged into another. */
  review?: ReviewState;
}

export const FILTER_PARAMS = ['country', 'admin1', 'type', 'subType', 'outlet', 'certainty', 'actor', 'q', 'minOutlets', 'since', 'until', 'bbox', 'review'] as const;

export class FilterError extends Error {}

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .slice(0, 100);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!DAY.test(v) || Number.isNaN(Date.parse(v + 'T00:00:00Z')) || new Date(v + 'T00:00:00Z').toISOString().slice(0, 10) !== v) {
    throw new FilterError(`${name} must be a date YYYY-MM-DD, got ${JSON.stringify(v.slice(0, 40))}`);
  }
  return v;
}

/** The filter named by these parameters (absent ones do not filter). */
export function parseFilter(p: Readonly<Record<string, string | undefined>>): EventFilter {
  const f: EventFilter = {};
  for (const k of ['country', 'admin1', 'type', 'subType', 'outlet', 'certainty'] as const) {
    const l = list(p[k]);
    if (l && l.length) f[k] = k === 'country' ? l.map((c) => c.toUpperCase()) : l;
  }
  for (const k of ['actor', 'q'] as const) {
    const v = p[k]?.trim();
    if (v) {
      if (v.length > 500) throw new FilterError(`${k} is too long (at most 500 characters)`);
      f[k] = v;
    }
  }
  if (p.minOutlets !== undefined && p.minOutlets !== '') {
    if (!/^\d{1,3}$/.test(p.minOutlets) || Number(p.minOutlets) < 1) throw new FilterError(`minOutlets must be a whole number from 1, got ${JSON.stringify(p.minOutlets.slice(0, 20))}`);
    f.minOutlets = Number(p.minOutlets);
  }
  f.since = validDay('since', p.since);
  f.until = validDay('until', p.until);
  if (f.since && f.until && f.since > f.until) throw new FilterError(`since (${f.since}) is after until (${f.until})`);
  if (p.bbox !== undefined && p.bbox !== '') {
    const n = p.bbox.split(',').map(Number);
    const [w, s, e, no] = n;
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || s! < -90 || no! > 90 || s! > no! || w! < -180 || e! > 180) {
      throw new FilterError(`bbox must be WEST,SOUTH,EAST,NORTH in degrees, got ${JSON.stringify(p.bbox.slice(0, 80))}`);
    }
    f.bbox = [w!, s!, e!, no!];
  }
  if (p.review !== undefined && p.review !== '') {
    if (!(REVIEW_STATES as readonly string[]).includes(p.review)) throw new FilterError(`review must be one of ${REVIEW_STATES.join(', ')}`);
    f.review = p.review as ReviewState;
  }
  for (const k of Object.keys(f) as (keyof EventFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** The filter as query parameters again (a desk's links, the app's URL). */
export function filterQuery(f: EventFilter): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of FILTER_PARAMS) {
    const v = f[k];
    if (v === undefined) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q;
}

/** Lower-case words of a text, accents folded: what `q` and `actor` match against. */
export function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const fold = (s: string) => words(s).join(' ');

/** Everything `q` searches in an event: its words as written in every report, places, actors, outlets. */
export function searchText(e: ReportEvent): string {
  const parts = [e.type, e.subType, e.location?.name ?? '', e.location?.admin1 ?? '', ...e.actors.map((a) => a.name), ...e.outlets];
  for (const s of e.sources) parts.push(s.sentence.text);
  return ' ' + fold(parts.join(' ')) + ' ';
}

export interface Matcher {
  (e: ReportEvent, text?: string): boolean;
}

/** The review state of an event, as the filter sees it. */
export function reviewStatus(e: ReportEvent): 'unreviewed' | 'confirmed' | 'corrected' | 'rejected' | 'merged' | 'split' {
  return e.review?.status ?? 'unreviewed';
}

/**
 * What the filters compare, worked out once per event (lower case, accents folded): a view of thousands of
 * events is filtered on every request without allocating anything per event.
 */
export interface EventKeys {
  country: string;
  admin1: string;
  type: string;
  subType: string;
  certainty: string;
  outlets: string[];
  status: ReturnType<typeof reviewStatus>;
  start: string | null;
  end: string | null;
  lat: number | null;
  lon: number | null;
  corroboration: number;
  /** " word word … " of the actors' names. */
  actors: string;
  /** " word word … " of everything `q` searches. */
  text: string;
}

export function eventKeys(e: ReportEvent): EventKeys {
  return {
    country: (e.location?.country ?? '').toLowerCase(),
    admin1: (e.location?.admin1 ?? '').toLowerCase(),
    type: e.type.toLowerCase(),
    subType: e.subType.toLowerCase(),
    certainty: e.certainty,
    outlets: e.outlets.map((o) => o.toLowerCase()),
    status: reviewStatus(e),
    start: e.date?.start ?? null,
    end: e.date?.end ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    corroboration: e.corroboration,
    actors: ' ' + fold(e.actors.map((a) => a.name).join(' ')) + ' ',
    text: searchText(e),
  };
}

/**
 * A predicate over event keys. `skip` leaves one facet's own filter out (facet counts show what choosing
 * another value would give). Words (`q`, `actor`) match the start of a word.
 */
export function keyMatcher(f: EventFilter, skip?: keyof EventFilter): (k: EventKeys) => boolean {
  const on = (k: keyof EventFilter) => k !== skip && f[k] !== undefined;
  const set = (k: 'country' | 'admin1' | 'type' | 'subType' | 'outlet' | 'certainty') => (on(k) ? new Set(f[k]!.map((x) => x.toLowerCase())) : null);
  const countries = set('country');
  const admin1 = set('admin1');
  const types = set('type');
  const subTypes = set('subType');
  const outlets = set('outlet');
  const certainty = set('certainty');
  const qWords = on('q') ? words(f.q!).map((w) => ' ' + w) : [];
  const actorWords = on('actor') ? words(f.actor!).map((w) => ' ' + w) : [];
  const window = on('since') || on('until') ? { start: (on('since') && f.since) || '0000-01-01', end: (on('until') && f.until) || '9999-12-31' } : null;
  const bbox = on('bbox') ? f.bbox! : null;
  const review = on('review') ? f.review! : 'default';
  const minOutlets = on('minOutlets') ? f.minOutlets! : 0;
  return (k) => {
    switch (review) {
      case 'default':
        if (k.status === 'rejected' || k.status === 'merged') return false;
        break;
      case 'all':
        break;
      case 'reviewed':
        if (k.status === 'unreviewed') return false;
        break;
      default:
        if (k.status !== review) return false;
    }
    if (countries && !countries.has(k.country)) return false;
    if (admin1 && !admin1.has(k.admin1)) return false;
    if (types && !types.has(k.type)) return false;
    if (subTypes && !subTypes.has(k.subType)) return false;
    if (certainty && !certainty.has(k.certainty)) return false;
    if (outlets && !k.outlets.some((o) => outlets.has(o))) return false;
    if (k.corroboration < minOutlets) return false;
    if (window && (!k.start || k.end! < window.start || k.start > window.end)) return false;
    if (bbox) {
      if (k.lat === null || k.lon === null) return false;
      const [w, s, east, n] = bbox;
      if (k.lat < s || k.lat > n) return false;
      // A box may cross the antimeridian (west > east).
      if (w <= east ? k.lon < w || k.lon > east : k.lon < w && k.lon > east) return false;
    }
    for (const w of actorWords) if (!k.actors.includes(w)) return false;
    for (const w of qWords) if (!k.text.includes(w)) return false;
    return true;
  };
}

/** The same predicate over events (keys worked out on the spot). */
export function matcher(f: EventFilter, skip?: keyof EventFilter): Matcher {
  const m = keyMatcher(f, skip);
  return (e) => m(eventKeys(e));
}
