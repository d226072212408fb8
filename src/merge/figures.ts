import type { Span } from '../core/span.js';
import { isContested } from './contested.js';
import { formatInterval, overlap, widen, type DayInterval } from './dates.js';
import { km } from './geo.js';
import { shortHash, type ClaimItem } from './items.js';
import { normName } from './places.js';

/** One source's value for a figure, side by side with the others. */
export interface FigureClaim {
  /** The number as stated: the best value, else the bound given. */
  value: number;
  low: number | null;
  high: number | null;
  approx: boolean;
  /** "thousands", "dozens": a magnitude, never a side of a dispute. */
  vague: boolean;
  /** Who says so, as written (or the interviewee's name and organisation); null if unattributed. */
  source: string | null;
  sourceSpan: Span | null;
  documentId: string;
  outlet: string | null;
  published: string | null;
  /** The number's own words. */
  start: number;
  end: number;
  text: string;
  sentence: { start: number; end: number; text: string };
}

export interface Figure {
  id: string;
  /** What is counted, in a report's own words ("ISIS fighters", "people displaced"). */
  what: string;
  key: string;
  where: string | null;
  /** The place key (./derive.ts placeKey) and point of the first claim that names a place. */
  placeKey: string | null;
  place: { name: string; lat: number; lon: number; country: string } | null;
  when: DayInterval | null;
  claims: FigureClaim[];
  contested: boolean;
  /** The keys of its claims (ClaimItem.key), in canonical order. */
  members: string[];
}

/**
 * Claims about one quantity a few days apart are one figure (a count given on Sunday and on Tuesday);
 * further apart they are a count that changed. The strength of an armed force in a place changes slowly
 * (estimates two weeks apart are estimates of one thing); tallies such as people displaced grow by the day.
 */
const PERIOD_SLACK_DAYS = 3;
export const STRENGTH_SLACK_DAYS = 14;
/** Two named places this close are the same place for a figure (a city and its "surroundings"). */
const FIGURE_PLACE_KM = 15;
/** Places of the same name this close are one place (a point rounded differently). */
export const SAME_NAME_KM = 25;

function sourceKey(c: ClaimItem): string {
  return c.source ? `${c.doc.key}|${c.source.toLowerCase()}` : `${c.doc.key}|(unattributed)`;
}

function sameSide(a: string | null, b: string | null): boolean {
  return !a || !b || a === b;
}

function samePlace(a: ClaimItem, b: ClaimItem): boolean {
  if (!a.place || !b.place) return !a.place && !b.place && a.doc.key === b.doc.key;
  if (a.placeKey === b.placeKey) return true;
  if (a.place.country !== b.place.country) return false;
  const d = km(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
  return d <= FIGURE_PLACE_KM || (d <= SAME_NAME_KM && normName(a.place.name) === normName(b.place.name));
}

/**
 * Counts of what happened in an event (killed, wounded, detained, missing, destroyed) belong to that event:
 * two tolls are one figure only if they are counts of one event. Standing counts (fighters in a city,
 * people displaced) hold for a while, and claims a few days apart are one figure.
 */
const EVENT_COUNTS = new Set(['killed', 'wounded', 'detained', 'missing', 'destroyed']);

/**
 * Can two claims hold for one period? Known periods must meet (with `slack` days). A claim from an undated
 * document (a transcript, a page with no date) cannot be placed in time; for a standing count it may still
 * sit beside claims about the same thing at the same named place (`undatedOk`), since leaving it out would
 * hide a disagreement; for the toll of an event it may not.
 */
function samePeriod(a: ClaimItem, b: ClaimItem, slack: number, undatedOk: boolean): boolean {
  if (a.period && b.period) return overlap(widen(a.period, slack), b.period);
  if (a.doc.key === b.doc.key) return true;
  return undatedOk && !!a.place && !!b.place;
}

/** The merged event (by its cluster's seed) the report holding a claim belongs to, or null. */
export type EventOf = (reportKey: string) => string | null;

export function isEventCount(predicate: string): boolean {
  return EVENT_COUNTS.has(predicate);
}

/** How many days apart two dated claims about this kind of count may be and still be one figure. */
export function periodSlack(predicate: string): number {
  return EVENT_COUNTS.has(predicate) ? 0 : predicate === 'present' ? STRENGTH_SLACK_DAYS : PERIOD_SLACK_DAYS;
}

/** Can two claims be claims about one quantity? */
export function compatible(a: ClaimItem, b: ClaimItem, eventOf: EventOf): boolean {
  if (a.thing !== b.thing || !sameSide(a.side, b.side) || !samePlace(a, b)) return false;
  if (EVENT_COUNTS.has(a.predicate)) {
    const ea = a.report ? eventOf(a.report) : null;
    const eb = b.report ? eventOf(b.report) : null;
    if (ea && eb) return ea === eb;
    return samePeriod(a, b, 0, false);
  }
  return samePeriod(a, b, periodSlack(a.predicate), true);
}

/** The canonical order claims are grouped in: by publication day, then document (content hash) and position. */
export function claimOrder(c: ClaimItem): string {
  return `${c.doc.day ?? '9999-99-99'}|${c.key}`;
}

/** A figure as it stood when a claim came to be placed: its first claim (the seed) and its claims so far. */
export interface GroupView {
  seed: string;
  members: readonly ClaimItem[];
}

/**
 * Where a claim goes, given the figures that stood before it (ordered by their seeds' canonical order):
 * the first it fits with every claim of (complete linkage, as for events), else a figure of its own (null).
 */
export function decideFigure(c: ClaimItem, groups: readonly GroupView[], eventOf: EventOf): string | null {
  for (const g of groups) if (g.members.length > 0 && g.members.every((x) => compatible(x, c, eventOf))) return g.seed;
  return null;
}

/** Claims grouped into figures: the seed of each claim's figure, and each figure's claims in canonical order. */
export interface FigureGrouping {
  seedOf: Map<string, string>;
  groups: Map<string, ClaimItem[]>;
}

/** Candidate claims for grouping: same counted thing, in the same area (1° cells), or the same document or event. */
class ClaimGrid {
  private readonly cells = new Map<string, ClaimItem[]>();
  private readonly byDoc = new Map<string, ClaimItem[]>();
  private readonly byReport = new Map<string, ClaimItem[]>();

  constructor(private readonly eventOf: EventOf) {}

  add(c: ClaimItem): void {
    push(this.byDoc, c.doc.key, c);
    const ev = c.report ? this.eventOf(c.report) : null;
    if (ev) push(this.byReport, `${c.thing}|${ev}`, c);
    if (c.place) push(this.cells, `${c.thing}|${Math.floor(c.place.lat)}|${Math.floor(c.place.lon)}`, c);
  }

  candidates(c: ClaimItem): Set<ClaimItem> {
    const out = new Set<ClaimItem>(this.byDoc.get(c.doc.key) ?? []);
    const ev = c.report ? this.eventOf(c.report) : null;
    if (ev) for (const x of this.byReport.get(`${c.thing}|${ev}`) ?? []) out.add(x);
    if (c.place) {
      const b = searchBoxKm(c.place.lat, c.place.lon, SAME_NAME_KM);
      for (let y = Math.floor(b.lat0); y <= Math.floor(b.lat1); y++) {
        for (let x = Math.floor(b.lon0); x <= Math.floor(b.lon1); x++) for (const m of this.cells.get(`${c.thing}|${y}|${x}`) ?? []) out.add(m);
      }
    }
    return out;
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function searchBoxKm(lat: number, lon: number, radiusKm: number): { lat0: number; lat1: number; lon0: number; lon1: number } {
  const dLat = radiusKm / 110.5 + 0.01;
  const cos = Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180);
  const dLon = Math.min(180, radiusKm / (111.4 * Math.max(cos, 0.01)) + 0.01);
  return { lat0: lat - dLat, lat1: lat + dLat, lon0: lon - dLon, lon1: lon + dLon };
}

/**
 * Every claim placed in canonical order (claimOrder) by decideFigure: a function of the set of claims and
 * of the events their reports belong to.
 */
export function groupClaims(items: readonly ClaimItem[], eventOf: EventOf): FigureGrouping {
  const ordered = items.map((c) => ({ c, o: claimOrder(c) })).sort((a, b) => (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
  const grid = new ClaimGrid(eventOf);
  const seedOf = new Map<string, string>();
  const groups = new Map<string, ClaimItem[]>();
  const rank = new Map<string, number>();
  for (const { c } of ordered) {
    const seeds = [...new Set([...grid.candidates(c)].filter((x) => compatible(x, c, eventOf)).map((x) => seedOf.get(x.key)!))].sort((a, b) => rank.get(a)! - rank.get(b)!);
    const seed = decideFigure(c, seeds.map((s) => ({ seed: s, members: groups.get(s)! })), eventOf) ?? c.key;
    if (!groups.has(seed)) {
      groups.set(seed, []);
      rank.set(seed, rank.size);
    }
    groups.get(seed)!.push(c);
    seedOf.set(c.key, seed);
    grid.add(c);
  }
  return { seedOf, groups };
}

/** Contested first, then figures told by several claims, then by date and id. */
export function byFigureOrder(a: Figure, b: Figure): number {
  return (
    Number(b.contested) - Number(a.contested) ||
    Number(b.claims.length > 1) - Number(a.claims.length > 1) ||
    (a.when?.start ?? '9999').localeCompare(b.when?.start ?? '9999') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Figures from claims, grouped and ordered (contested first). */
export function collectFigures(items: readonly ClaimItem[], eventOf: EventOf): Figure[] {
  return [...groupClaims(items, eventOf).groups.values()].map(toFigure).sort(byFigureOrder);
}

function byPublication(a: ClaimItem, b: ClaimItem): number {
  const pa = a.doc.published ?? '9999';
  const pb = b.doc.published ?? '9999';
  return pa.localeCompare(pb) || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0) || a.start - b.start;
}

/** The figure of a group of claims (canonical order): a pure function of its claims. */
export function toFigure(g: readonly ClaimItem[]): Figure {
  const named = g.find((c) => c.place) ?? g[0]!;
  const label = [...g].sort((a, b) => b.label.length - a.label.length)[0]!.label;
  const periods = g.map((c) => c.period).filter((p): p is DayInterval => !!p);
  const when = periods.length
    ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().reverse()[0]! }
    : null;
  const contested = isContested(
    g.map((c) => ({
      low: c.low,
      high: c.high,
      approx: c.approx,
      vague: c.vague,
      best: c.low == null && c.high == null ? c.value : null,
      lowExclusive: c.lowExclusive,
      highExclusive: c.highExclusive,
      sourceKey: sourceKey(c),
    })),
  );
  const first = g[0]!;
  return {
    id: 'fig-' + shortHash(first.key),
    what: label,
    key: first.thing,
    where: named.place?.name ?? null,
    placeKey: named.placeKey,
    place: named.place,
    when,
    claims: figureClaims(g),
    contested,
    members: g.map((c) => c.key),
  };
}

/** A figure's claims as shown: in the order they were published (then by document and position); grouping used canonical order. */
export function figureClaims(g: readonly ClaimItem[]): FigureClaim[] {
  return [...g].sort(byPublication).map((c) => ({
      value: c.value,
      low: c.low,
      high: c.high,
      approx: c.approx,
      vague: c.vague,
      source: c.source,
      sourceSpan: c.sourceSpan,
      documentId: c.doc.id,
      outlet: c.doc.outlet,
      published: c.doc.day,
      start: c.start,
      end: c.end,
      text: c.text,
      sentence: c.sentence,
    }));
}

export function describePeriod(p: DayInterval | null): string {
  return p ? formatInterval(p) : 'undated';
}
