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
 * A predicate for the filter. `skip` leaves one facet's own filter out (facet counts show what choosing
 * another value would give). Events are matched on their (reviewed) fields.
 */
export function matcher(f: EventFilter, skip?: keyof EventFilter): Matcher {
  const on = (k: keyof EventFilter) => k !== skip && f[k] !== undefined;
  const set = (k: 'country' | 'admin1' | 'type' | 'subType' | 'outlet' | 'certainty') => (on(k) ? new Set(f[k]!.map((x) => x.toLowerCase())) : null);
  const countries = set('country');
  const admin1 = set('admin1');
  const types = set('type');
  const subTypes = set('subType');
  const outlets = set('outlet');
  const certainty = set('certainty');
  const qWords = on('q') ? words(f.q!) : [];
  const actorWords = on('actor') ? words(f.actor!) : [];
  const window = on('since') || on('until') ? { start: (on('since') && f.since) || '0000-01-01', end: (on('until') && f.until) || '9999-12-31' } : null;
  const bbox = on('bbox') ? f.bbox! : null;
  const review = on('review') ? f.review! : 'default';
  return (e, text) => {
    const status = reviewStatus(e);
    switch (review) {
      case 'default':
        if (status === 'rejected' || status === 'merged') return false;
        break;
      case 'all':
        break;
      case 'reviewed':
        if (status === 'unreviewed') return false;
        break;
      default:
        if (status !== review) return false;
    }
    if (countries && !countries.has((e.location?.country ?? '').toLowerCase())) return false;
    if (admin1 && !admin1.has((e.location?.admin1 ?? '').toLowerCase())) return false;
    if (types && !types.has(e.type.toLowerCase())) return false;
    if (subTypes && !subTypes.has(e.subType.toLowerCase())) return false;
    if (certainty && !certainty.has(e.certainty)) return false;
    if (outlets && !e.outlets.some((o) => outlets.has(o.toLowerCase()))) return false;
    if (on('minOutlets') && e.corroboration < f.minOutlets!) return false;
    if (window && (!e.date || e.date.end < window.start || e.date.start > window.end)) return false;
    if (bbox) {
      const l = e.location;
      if (!l) return false;
      const [w, s, east, n] = bbox;
      if (l.lat < s || l.lat > n) return false;
      // A box may cross the antimeridian (west > east).
      if (w <= east ? l.lon < w || l.lon > east : l.lon < w && l.lon > east) return false;
    }
    if (actorWords.length) {
      const names = ' ' + fold(e.actors.map((a) => a.name).join(' ')) + ' ';
      if (!actorWords.every((w) => names.includes(' ' + w))) return false;
    }
    if (qWords.length) {
      const t = text ?? searchText(e);
      if (!qWords.every((w) => t.includes(' ' + w))) return false;
    }
    return true;
  };
}
