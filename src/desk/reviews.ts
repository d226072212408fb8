/**
 * Reviews: an editor confirms, corrects, rejects, restores, splits or merges events. Each change is an
 * override row (who, when, why, what) kept apart from the picture the extractors build, and applied on top
 * of it whenever events are read — so a review survives `reanalyze` and `rebuild`: the picture is derived
 * again, and the overrides are laid over it again.
 *
 * An override names its event by id and also carries an anchor: the reports (document and offsets) the
 * event had when it was reviewed. Event ids are stable while the earliest report of an event stays the
 * same; when a re-analysis moves it, the override finds its event again through the anchor.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../extract/events/types.js';
import type { Report, ReportEvent, ReportEventSource, ReviewChange } from '../report/model.js';
import { EVENT_TYPES } from './event-types.js';

export const REVIEW_ACTIONS = ['confirm', 'correct', 'reject', 'restore', 'split', 'merge'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface SourceRef {
  documentId: string;
  start: number;
  end: number;
}

/** The fields a correction may set (any subset). */
export interface Correction {
  type?: ReportEvent['type'];
  subType?: string;
  actor1?: Actor | null;
  actor2?: Actor | null;
  location?: ReportEvent['location'];
  date?: ReportEvent['date'];
  fatalities?: ReportEvent['fatalities'];
}

export interface Override {
  id: number;
  eventId: string;
  action: ReviewAction;
  /** correct: a Correction; split: {sources: SourceRef[], newId}; merge: {into}. */
  data: Record<string, unknown>;
  anchor: SourceRef[];
  account: string | null;
  at: string;
  why: string | null;
}

export type NewOverride = Omit<Override, 'id' | 'at'>;

export const sourceRef = (s: { documentId: string; start: number; end: number }): SourceRef => ({ documentId: s.documentId, start: s.start, end: s.end });

const sameSource = (a: SourceRef, b: SourceRef) => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/** The id of the event a split makes: derived from its parent and the reports moved, so the same split gives the same id. */
export function splitId(parent: string, moved: readonly SourceRef[]): string {
  const key = [...moved].map((s) => `${s.documentId}\u0000${s.start}`).sort().join('\u0001');
  return 'ev-' + createHash('sha1').update(`split\u0000${parent}\u0000${key}`).digest('hex').slice(0, 10);
}

const FIELDS = ['type', 'subType', 'actor1', 'actor2', 'location', 'date', 'fatalities'] as const;

function outletsOf(sources: readonly ReportEventSource[]): string[] {
  return [...new Set(sources.map((s) => s.outlet).filter((o): o is string => !!o))];
}

/** Sources changed: outlets, corroboration and actors follow. */
function resourced(e: ReportEvent, sources: ReportEventSource[]): ReportEvent {
  const outlets = outletsOf(sources);
  return { ...e, sources, outlets, corroboration: Math.max(outlets.length, sources.length ? 1 : 0) };
}

/** Dates of reports as one interval (the widest), or null. */
function spanOf(sources: readonly ReportEventSource[], fallback: ReportEvent['date']): ReportEvent['date'] {
  const dated = sources.filter((s) => s.date);
  if (!dated.length) return fallback;
  const start = dated.map((s) => s.date!.start).sort()[0]!;
  const end = dated.map((s) => s.date!.end).sort().at(-1)!;
  const precision = Math.max(...dated.map((s) => s.date!.precision)) as 1 | 2 | 3;
  return { start, end, precision };
}

/** The most conservative toll the reports give (ACLED's rule), or none. */
function tollOf(sources: readonly ReportEventSource[]): ReportEvent['fatalities'] {
  const given = sources.filter((s) => s.fatalities && s.fatalities.best !== null);
  if (!given.length) return { low: null, best: null, high: null };
  return given.reduce((a, s) => (s.fatalities!.best! < a.best! ? s.fatalities! : a), given[0]!.fatalities!);
}

export interface Applied {
  events: ReportEvent[];
  /** Overrides whose event is no longer in the picture (its reports were deleted). */
  orphans: Override[];
}

/**
 * The events with every override applied, in override order. Events keep their order; events made by a
 * split follow their parent. Rejected events and events merged into another stay in the list with their
 * review status (filters hide them by default).
 */
export function applyOverrides(input: readonly ReportEvent[], overrides: readonly Override[]): Applied {
  if (overrides.length === 0) return { events: [...input], orphans: [] };
  const events = input.map((e) => ({ ...e }));
  const byId = new Map(events.map((e, i) => [e.id, i]));
  const orphans: Override[] = [];
  const find = (o: Override): number | undefined => {
    const i = byId.get(o.eventId);
    if (i !== undefined) return i;
    // Re-analysis may have moved the event's first report: find the event holding the anchored reports.
    let best: number | undefined;
    let bestHits = 0;
    events.forEach((e, j) => {
      const hits = o.anchor.filter((a) => e.sources.some((s) => sameSource(a, s))).length;
      if (hits > bestHits) {
        best = j;
        bestHits = hits;
      }
    });
    return best;
  };
  for (const o of [...overrides].sort((a, b) => a.id - b.id)) {
    const i = find(o);
    if (i === undefined) {
      orphans.push(o);
      continue;
    }
    const e = events[i]!;
    const change: ReviewChange = { id: o.id, action: o.action, by: o.account, at: o.at, why: o.why, data: o.data };
    const review = e.review ?? { status: 'confirmed' as const, by: null, at: o.at, why: null, mergedInto: null, splitFrom: null, original: {}, history: [] };
    const next = (status: NonNullable<ReportEvent['review']>['status'], extra: Partial<NonNullable<ReportEvent['review']>> = {}) => ({
      ...review,
      ...extra,
      status,
      by: o.account,
      at: o.at,
      why: o.why,
      history: [...review.history, change],
    });
    switch (o.action) {
      case 'confirm':
        events[i] = { ...e, review: next('confirmed') };
        break;
      case 'reject':
        events[i] = { ...e, review: next('rejected') };
        break;
      case 'restore': {
        const before = [...review.history].reverse().find((c) => c.action !== 'reject' && c.action !== 'restore');
        events[i] = { ...e, review: next(before?.action === 'correct' ? 'corrected' : before?.action === 'split' ? 'split' : 'confirmed') };
        break;
      }
      case 'correct': {
        const c = o.data as Correction;
        const original = { ...review.original };
        const patched: ReportEvent = { ...e };
        for (const k of FIELDS) {
          if (!(k in c)) continue;
          if (!(k in original)) original[k] = e[k];
          (patched as unknown as Record<string, unknown>)[k] = c[k];
        }
        patched.actors = [patched.actor1, patched.actor2, ...e.actors.filter((a) => a.name !== e.actor1?.name && a.name !== e.actor2?.name)].filter((a): a is Actor => !!a);
        events[i] = { ...patched, review: next('corrected', { original }) };
        break;
      }
      case 'split': {
        const moved = (o.data.sources as SourceRef[] | undefined) ?? [];
        const out = e.sources.filter((s) => moved.some((m) => sameSource(m, s)));
        const stay = e.sources.filter((s) => !out.includes(s));
        if (!out.length || !stay.length) {
          orphans.push(o);
          break;
        }
        const newId = typeof o.data.newId === 'string' ? o.data.newId : splitId(e.id, moved);
        const parent = resourced({ ...e, date: spanOf(stay, e.date), fatalities: tollOf(stay) }, stay);
        events[i] = { ...parent, review: next('split') };
        const child: ReportEvent = {
          ...resourced({ ...e, id: newId, date: spanOf(out, e.date), fatalities: tollOf(out), merged: [`split from ${e.id}${o.account ? ` by ${o.account}` : ''}${o.why ? `: ${o.why}` : ''}`] }, out),
          review: { status: 'split', by: o.account, at: o.at, why: o.why, mergedInto: null, splitFrom: e.id, original: {}, history: [change] },
        };
        events.splice(i + 1, 0, child);
        byId.clear();
        events.forEach((x, j) => byId.set(x.id, j));
        break;
      }
      case 'merge': {
        const into = byId.get(String(o.data.into));
        if (into === undefined || into === i) {
          orphans.push(o);
          break;
        }
        const t = events[into]!;
        const extra = e.sources.filter((s) => !t.sources.some((x) => sameSource(x, s)));
        const sources = [...t.sources, ...extra];
        const date = t.date && e.date ? { start: t.date.start < e.date.start ? t.date.start : e.date.start, end: t.date.end > e.date.end ? t.date.end : e.date.end, precision: Math.max(t.date.precision, e.date.precision) as 1 | 2 | 3 } : (t.date ?? e.date);
        const tReview = t.review ?? { status: 'confirmed' as const, by: null, at: o.at, why: null, mergedInto: null, splitFrom: null, original: {}, history: [] };
        events[into] = {
          ...resourced({ ...t, date, fatalities: t.fatalities.best !== null ? t.fatalities : e.fatalities, merged: [...t.merged, `${e.id} merged in${o.account ? ` by ${o.account}` : ''}${o.why ? `: ${o.why}` : ''}`] }, sources),
          review: { ...tReview, status: 'confirmed', by: o.account, at: o.at, why: o.why, history: [...tReview.history, change] },
        };
        events[i] = { ...e, review: next('merged', { mergedInto: t.id }) };
        break;
      }
    }
  }
  return { events, orphans };
}

/** A report with the reviews applied: events and the latest developments and places that point to them. */
export function reviewReport(r: Report, overrides: readonly Override[]): Report {
  if (!overrides.length) return r;
  const { events } = applyOverrides(r.events, overrides);
  const hidden = new Set(events.filter((e) => e.review?.status === 'rejected' || e.review?.status === 'merged').map((e) => e.id));
  return {
    ...r,
    events: events.filter((e) => !hidden.has(e.id)),
    latest: r.latest.filter((l) => !hidden.has(l.eventId)),
    places: r.places.map((p) => ({ ...p, events: p.events.filter((id) => !hidden.has(id)) })),
  };
}

/** Check a correction from a client; returns the message of the first problem, or null. */
export function checkCorrection(c: Record<string, unknown>): string | null {
  const keys = Object.keys(c);
  if (!keys.length) return 'a correction needs at least one of: ' + FIELDS.join(', ');
  for (const k of keys) if (!(FIELDS as readonly string[]).includes(k)) return `cannot correct ${JSON.stringify(k)} (fields: ${FIELDS.join(', ')})`;
  if ('type' in c && !(EVENT_TYPES as readonly unknown[]).includes(c.type)) return `type must be one of ${EVENT_TYPES.join(', ')}`;
  if ('subType' in c && (typeof c.subType !== 'string' || !c.subType.trim() || c.subType.length > 100)) return 'subType must be a non-empty string';
  for (const k of ['actor1', 'actor2'] as const) {
    if (!(k in c) || c[k] === null) continue;
    const a = c[k] as Actor;
    if (typeof a !== 'object' || typeof a.name !== 'string' || !a.name.trim() || a.name.length > 200 || !Number.isInteger(a.inter) || a.inter < 0 || a.inter > 8) return `${k} must be {"name", "inter" 0-8} or null`;
  }
  if ('location' in c && c.location !== null) {
    const l = c.location as Record<string, unknown>;
    if (typeof l !== 'object' || typeof l.name !== 'string' || !l.name.trim() || typeof l.lat !== 'number' || typeof l.lon !== 'number' || Math.abs(l.lat) > 90 || Math.abs(l.lon) > 180) return 'location needs name, lat (-90..90) and lon (-180..180)';
    if (typeof l.country !== 'string' || !/^[A-Z]{2}$/.test(l.country)) return 'location.country must be an ISO 3166-1 alpha-2 code';
    if (l.admin1 !== undefined && l.admin1 !== null && typeof l.admin1 !== 'string') return 'location.admin1 must be a string or null';
    if (![1, 2, 3].includes(l.precision as number)) return 'location.precision must be 1, 2 or 3';
  }
  if ('date' in c && c.date !== null) {
    const d = c.date as Record<string, unknown>;
    const day = (x: unknown) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !Number.isNaN(Date.parse(x));
    if (typeof d !== 'object' || !day(d.start) || !day(d.end) || (d.start as string) > (d.end as string)) return 'date needs start and end (YYYY-MM-DD, start first)';
    if (![1, 2, 3].includes(d.precision as number)) return 'date.precision must be 1, 2 or 3';
  }
  if ('fatalities' in c) {
    const f = c.fatalities as Record<string, unknown>;
    const n = (x: unknown) => x === null || (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 1e7);
    if (typeof f !== 'object' || f === null || !n(f.low) || !n(f.best) || !n(f.high)) return 'fatalities needs low, best and high (whole numbers or null)';
    if (typeof f.low === 'number' && typeof f.best === 'number' && f.low > f.best) return 'fatalities.low is above best';
    if (typeof f.high === 'number' && typeof f.best === 'number' && f.high < f.best) return 'fatalities.high is below best';
  }
  return null;
}
