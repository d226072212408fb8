import type { Actor, Certainty, EventDate, EventLocation, EventType, Fatalities } from '../extract/events/types.js';
import { compatibleActor, sameActorName, compatibleSides } from './actors.js';
import { formatInterval, intersect, lengthDays, overlap, type DayInterval } from './dates.js';
import { compatibleTypes, TERRITORY_SUBTYPES, typeFamily } from './event-family.js';
import { km, toleranceKm, validCoordinates } from './geo.js';
import { independentOutlets, outletKey, type SourceRef } from './input.js';
import { shortHash, type ReportItem } from './items.js';
import { normName } from './places.js';

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
  /** The place key of the location (./derive.ts placeKey); its place entity is looked up by it. */
  placeKey: string | null;
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
  /** The keys of its reports (ReportItem.key), in the canonical order they were clustered in. */
  members: string[];
  /**
   * For a territory sub-type: whether any report tells the change as done (not only as an aim, "an
   * operation to free the city"), and the first trigger word in the reports' evidence ("retook"). Null otherwise.
   */
  territory: { changed: boolean; trigger: string | null } | null;
}

/** Reports longer than this (a month, "this year") are too vague to join on time and place alone. */
const VAGUE_DAYS = 14;

function locOk(l: EventLocation | null): l is EventLocation {
  return !!l && validCoordinates(l.lat, l.lon);
}

/** How far apart two points with different place keys can be and still be one place (samePlace). */
export const SAME_PLACE_KM = 25;

/**
 * Do two reports name one place? The same place key (one gazetteer entry), or points of one country within
 * 3 km, or places of the same name within 25 km (an event location rounded differently). A pure function of
 * the two reports, so merging never depends on which other documents are in the store.
 */
export function samePlace(a: Pick<ReportItem, 'placeKey' | 'location'>, b: Pick<ReportItem, 'placeKey' | 'location'>): boolean {
  if (!a.placeKey || !b.placeKey || !locOk(a.location) || !locOk(b.location)) return false;
  if (a.placeKey === b.placeKey) return true;
  const la = a.location;
  const lb = b.location;
  if (la.country !== lb.country) return false;
  // A village the gazetteer lacks is put at its area's point: two reports name it alike when the names agree
  // within the same area (coded within 25 km), never because two villages share their district's point.
  if (la.unresolved || lb.unresolved) return differentUnresolved(la, lb) ? false : normName(la.name) === normName(lb.name) && km(la.lat, la.lon, lb.lat, lb.lon) <= SAME_PLACE_KM;
  const d = km(la.lat, la.lon, lb.lat, lb.lon);
  return d <= 3 || (d <= SAME_PLACE_KM && normName(la.name) === normName(lb.name));
}

/** Both places are names the gazetteer lacks, and the names differ. */
function differentUnresolved(a: EventLocation, b: EventLocation): boolean {
  return !!a.unresolved && !!b.unresolved && normName(a.name) !== normName(b.name);
}

/**
 * Why two reports can be one event, or null if they cannot. Every condition is necessary: the dates must
 * be able to overlap (reports whose dates cannot overlap are never merged), the types must be of one
 * family, the places within the looser of the two precisions, and the actors compatible.
 */
export function joinReason(a: ReportItem, b: ReportItem): string | null {
  const facts = canJoin(a, b);
  return facts ? describeJoin(a, b, facts) : null;
}

interface JoinFacts {
  distanceKm: number | null;
  toleranceKm: number | null;
  named: number;
  tolls: string | null;
}

/** How far apart two reports of one event can ever be placed (precision 3, a region): candidates are looked for this far. */
export const MAX_JOIN_KM = 100;

/** The checks of joinReason, cheapest first, without building any text (it runs for every candidate pair). */
export function canJoin(a: ReportItem, b: ReportItem): JoinFacts | null {
  if (!a.days || !b.days) return undatedJoin(a, b);
  if (!overlap(a.days, b.days)) return null;
  if (!compatibleTypes(a, b)) return null;
  const sameDoc = a.doc.key === b.doc.key;
  if (sameDoc && a.ord === b.ord) return null;
  const same = samePlace(a, b);
  // The event extractor already joins what one document tells twice; two events it kept apart are joined
  // here only if they agree on everything: sub-type, the very same place and equally precise dates.
  if (
    sameDoc &&
    (a.subType !== b.subType ||
      (a.start === b.start && a.end === b.end) ||
      a.date?.precision !== b.date?.precision ||
      (locOk(a.location) && !same))
  ) {
    return null;
  }
  const la = a.location;
  const lb = b.location;
  let distanceKm: number | null = null;
  let tol: number | null = null;
  if (locOk(la) && locOk(lb)) {
    if (la.country && lb.country && la.country !== lb.country) return null;
    // Two villages named differently are two places, though both sit at their district's point.
    if (differentUnresolved(la, lb)) return null;
    if (!same) {
      distanceKm = km(la.lat, la.lon, lb.lat, lb.lon);
      tol = toleranceKm(la.precision, lb.precision);
      if (distanceKm > tol) return null;
    }
  } else if (!(sameDoc && !locOk(la) && !locOk(lb))) {
    // Without a place on one side, two documents cannot be shown to tell the same event.
    return null;
  }
  const named = namedActorMatches(a, b);
  if (!compatibleSides(a.actor1, a.actor2, b.actor1, b.actor2)) {
    // Outlets name the state's side loosely: one says "security forces" fought the gunmen, another that the
    // gunmen struck police stations. Two branches of the state are one side only when everything else is the
    // same: the very place, the same sub-type and day, the other side named alike, and a toll in both that agrees.
    const strong =
      !sameDoc && same && a.subType === b.subType && lengthDays(a.days) === 1 && lengthDays(b.days) === 1 && named > 0 && !!tollsAgree(a.fatalities, b.fatalities);
    if (!strong || !compatibleSides(a.actor1, a.actor2, b.actor1, b.actor2, false)) return null;
  }
  // Vague in time or in place ("in March", "in Helmand province"): many events fit, so only join reports that
  // agree on what happened and who did it.
  const vague = vagueReport(a) || vagueReport(b);
  if (vague && (a.subType !== b.subType || named === 0)) return null;
  const tolls = tollsAgree(a.fatalities, b.fatalities);
  if (tolls === false) return null;
  return { distanceKm, toleranceKm: tol, named, tolls };
}

/**
 * A dated report vague in time or in place (more than VAGUE_DAYS days, or a region): it joins, and is
 * joined by, reports of its own sub-type only (canJoin). The store keeps it as a column
 * (pic_reports.vague) so the query for a report's candidates leaves out those it can never join.
 */
export function vagueReport(r: Pick<ReportItem, 'days' | 'location'>): boolean {
  return (!!r.days && lengthDays(r.days) > VAGUE_DAYS) || r.location?.precision === 3;
}

/**
 * An undated report (no date in its text, no publication day) and a dated one are one event only when
 * everything else agrees strongly: two documents, the very same place, the same sub-type, compatible
 * sides with a named actor in common, and a death toll in both that agrees. The undated report then takes
 * the event's date, and the reason says so. Two undated reports are never joined: nothing dates them.
 */
function undatedJoin(a: ReportItem, b: ReportItem): JoinFacts | null {
  if (!a.days === !b.days) return null;
  if (a.doc.key === b.doc.key || a.subType !== b.subType || !samePlace(a, b)) return null;
  if (!compatibleSides(a.actor1, a.actor2, b.actor1, b.actor2)) return null;
  const named = namedActorMatches(a, b);
  const tolls = tollsAgree(a.fatalities, b.fatalities);
  if (named === 0 || !tolls) return null;
  return { distanceKm: null, toleranceKm: null, named, tolls };
}

function describeJoin(a: ReportItem, b: ReportItem, f: JoinFacts): string {
  const parts: string[] = [];
  parts.push(a.type === b.type ? `both ${a.type}` : `${a.type} / ${b.type} (one family)`);
  if (!a.days || !b.days) {
    const dated = a.days ?? b.days!;
    parts.push(`undated report takes the event's date (${formatInterval(dated)}): place, sub-type, actors and toll agree`);
  } else parts.push(`dates overlap (${formatInterval(a.days)} / ${formatInterval(b.days)})`);
  const la = a.location;
  const lb = b.location;
  if (la && lb) {
    parts.push(
      f.distanceKm === null
        ? `same place (${la.name === lb.name ? la.name : `${la.name} = ${lb.name}`})`
        : `places ${Math.round(f.distanceKm)} km apart (${la.name} / ${lb.name}, within ${f.toleranceKm} km)`,
    );
  } else parts.push('same document, no place given');
  parts.push(f.named > 0 ? `actors agree (${namedActorList(a, b)})` : 'actors compatible');
  if (f.tolls) parts.push(`death tolls agree (${f.tolls})`);
  if (a.doc.key === b.doc.key) parts.push('told twice in one document');
  return parts.join('; ');
}

/** Most deaths a toll allows, and fewest: "at least 50" allows 50 and up, "about 200" 180 to 220. */
function tollRange(f: Fatalities): { lo: number; hi: number } | null {
  const lo = f.low ?? f.best ?? null;
  const hi = f.high ?? (f.low != null && f.best === f.low ? Infinity : (f.best ?? null));
  if (lo == null && hi == null) return null;
  return { lo: lo ?? 0, hi: hi ?? Infinity };
}

/** Does a report give a death toll (one tollsAgree can compare)? Kept as a column by the store (pic_reports.tolled). */
export function hasToll(r: Pick<ReportItem, 'fatalities'>): boolean {
  return !!r.fatalities && tollRange(r.fatalities) !== null;
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

function namedActors(ev: Pick<ReportItem, 'actor1' | 'actor2'>): Actor[] {
  return [ev.actor1, ev.actor2].filter((x): x is Actor => !!x);
}

function namedActorMatches(a: ReportItem, b: ReportItem): number {
  let n = 0;
  for (const x of namedActors(a)) if (namedActors(b).some((y) => sameActorName(x.name, y.name))) n++;
  return n;
}

function namedActorList(a: ReportItem, b: ReportItem): string {
  return namedActors(a)
    .filter((x) => namedActors(b).some((y) => sameActorName(x.name, y.name)))
    .map((x) => x.name)
    .join(', ');
}

/** How well a report fits a group of reports: nearer, same sub-type and more named actors in common score higher. */
function fit(r: ReportItem, members: readonly ReportItem[]): number {
  let s = 0;
  for (const m of members) s += fitOne(r, m);
  return s / members.length;
}

function fitOne(r: ReportItem, m: ReportItem): number {
  let s = 0;
  if (samePlace(r, m)) s += 2;
  else if (locOk(r.location) && locOk(m.location)) s += 1 - km(r.location.lat, r.location.lon, m.location.lat, m.location.lon) / 100;
  if (r.subType === m.subType) s += 1;
  s += namedActorMatches(r, m) * 0.5;
  return s;
}

function precisionRank(r: ReportItem): number {
  const dp = r.date?.precision ?? 4;
  const lp = r.location?.precision ?? 4;
  return dp * 4 + lp;
}

/**
 * The canonical order reports are clustered in: precise reports first (so vaguer ones join the event they
 * fit rather than the first seen), then by date, then by key. It depends only on each report itself, so
 * the clustering is the same whatever order documents arrived in.
 */
export function reportOrder(r: ReportItem): string {
  return `${String(precisionRank(r)).padStart(2, '0')}|${r.days?.start ?? '9999-99-99'}|${r.key}`;
}

/** A cluster as it stood when a report came to be placed: its first report (the seed) and its reports so far. */
export interface ClusterView {
  seed: string;
  /** Its reports before the one being placed, in canonical order. */
  members: readonly ReportItem[];
}

export interface EventDecision {
  /** The seed of the cluster joined, or null: the report starts a cluster of its own. */
  seed: string | null;
  /** Why it joined, told against the report it fits best. */
  reason: string | null;
}

/**
 * Where a report goes, given the clusters that stood before it (canonical order). Complete linkage: it may
 * join a cluster only if it can be one event with every report already in it, so a chain of near matches
 * cannot join two reports that contradict each other; among those it joins the one it fits best (ties: the
 * older cluster). `clusters` must hold every cluster with a report compatible with `r` (others are ignored
 * anyway), ordered by their seeds' canonical order.
 */
export function decideEvent(r: ReportItem, clusters: readonly ClusterView[]): EventDecision {
  let best: ClusterView | null = null;
  let bestFit = -Infinity;
  for (const c of clusters) {
    if (c.members.length === 0 || !c.members.every((m) => canJoin(r, m))) continue;
    const f = fit(r, c.members);
    if (f > bestFit) {
      best = c;
      bestFit = f;
    }
  }
  if (!best) return { seed: null, reason: null };
  // The reason is told against the report it fits best: the nearest, same sub-type, most actors in common.
  let closest = best.members[0]!;
  let closestFit = fitOne(r, closest);
  for (const m of best.members) {
    const f = fitOne(r, m);
    if (f > closestFit) {
      closest = m;
      closestFit = f;
    }
  }
  return { seed: best.seed, reason: `${r.doc.id} "${clip(r.text)}" joined: ${joinReason(r, closest)!}` };
}

/**
 * A coarse grid over (type family, latitude, longitude) of reports already placed, to find the reports a
 * new one may join without comparing it with every other (1° cells; a report looks MAX_JOIN_KM around).
 */
export class ReportGrid {
  private readonly cells = new Map<string, ReportItem[]>();
  private readonly byDoc = new Map<string, ReportItem[]>();

  add(r: ReportItem): void {
    const l = this.byDoc.get(r.doc.key) ?? [];
    l.push(r);
    this.byDoc.set(r.doc.key, l);
    if (!locOk(r.location)) return;
    const k = `${typeFamily(r.type)}|${Math.floor(r.location.lat)}|${Math.floor(r.location.lon)}`;
    const c = this.cells.get(k) ?? [];
    c.push(r);
    this.cells.set(k, c);
  }

  /** Reports that can be one event with `r` (canJoin), in no particular order. */
  neighbours(r: ReportItem): ReportItem[] {
    const out: ReportItem[] = [];
    for (const x of this.byDoc.get(r.doc.key) ?? []) if (x !== r && canJoin(r, x)) out.push(x);
    if (!locOk(r.location)) return out;
    const fam = typeFamily(r.type);
    const { lat0, lat1, lon0, lon1 } = searchBox(r.location.lat, r.location.lon, MAX_JOIN_KM);
    for (let y = Math.floor(lat0); y <= Math.floor(lat1); y++) {
      for (let x = Math.floor(lon0); x <= Math.floor(lon1); x++) {
        for (const m of this.cells.get(`${fam}|${y}|${x}`) ?? []) if (m.doc.key !== r.doc.key && canJoin(r, m)) out.push(m);
      }
    }
    return out;
  }
}

/** The latitude/longitude box around a point that holds every point within `radiusKm` (longitudes not wrapped). */
export function searchBox(lat: number, lon: number, radiusKm: number): { lat0: number; lat1: number; lon0: number; lon1: number } {
  const dLat = radiusKm / 110.5 + 0.01;
  const cos = Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180);
  const dLon = Math.min(180, radiusKm / (111.4 * Math.max(cos, 0.01)) + 0.01);
  return { lat0: Math.max(-90, lat - dLat), lat1: Math.min(90, lat + dLat), lon0: Math.max(-180, lon - dLon), lon1: Math.min(180, lon + dLon) };
}

/** The outcome of clustering: each report's cluster (by seed) and why it joined. */
export interface EventClustering {
  seedOf: Map<string, string>;
  reasonOf: Map<string, string | null>;
  /** Members of each cluster by seed, in canonical order. */
  clusters: Map<string, ReportItem[]>;
}

/**
 * Groups event reports into real-world events: every report placed in canonical order (reportOrder) by
 * decideEvent. The result depends only on the set of reports. The store keeps the same clustering up to
 * date one document at a time (src/store/picture/), and its tests check the two agree.
 */
export function clusterReports(items: readonly ReportItem[]): EventClustering {
  const ordered = [...items].map((r) => ({ r, o: reportOrder(r) })).sort((a, b) => (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
  const grid = new ReportGrid();
  const seedOf = new Map<string, string>();
  const reasonOf = new Map<string, string | null>();
  const clusters = new Map<string, ReportItem[]>();
  const seedRank = new Map<string, number>();
  for (const { r } of ordered) {
    const seeds = [...new Set(grid.neighbours(r).map((n) => seedOf.get(n.key)!))].sort((a, b) => seedRank.get(a)! - seedRank.get(b)!);
    const d = decideEvent(r, seeds.map((s) => ({ seed: s, members: clusters.get(s)! })));
    const seed = d.seed ?? r.key;
    if (!d.seed) {
      clusters.set(seed, []);
      seedRank.set(seed, seedRank.size);
    }
    clusters.get(seed)!.push(r);
    seedOf.set(r.key, seed);
    reasonOf.set(r.key, d.reason);
    grid.add(r);
  }
  return { seedOf, reasonOf, clusters };
}

/** Merged events from reports, ordered by date then id. */
export function mergeReports(items: readonly ReportItem[]): MergedEvent[] {
  const c = clusterReports(items);
  return [...c.clusters.values()].map((members) => toMerged(members, c.reasonOf)).sort(byDateThenId);
}

function clip(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export function byDateThenId(a: MergedEvent, b: MergedEvent): number {
  return (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function mostCommon<T>(items: T[], key: (x: T) => string): T {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  let best: T = items[0] as T;
  for (const it of items) if (counts.get(key(it))! > counts.get(key(best))!) best = it;
  return best;
}

/** Sources first by publication (undated last), then document and position: the first is the earliest report. */
function bySource(a: ReportItem, b: ReportItem): number {
  const pa = a.doc.published ?? '9999';
  const pb = b.doc.published ?? '9999';
  return pa.localeCompare(pb) || (a.doc.key < b.doc.key ? -1 : a.doc.key > b.doc.key ? 1 : 0) || a.start - b.start || a.ord - b.ord;
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

/** An event's sources as shown: its reports by publication (undated last), then document and position. */
export function eventSources(reports: readonly ReportItem[]): EventSource[] {
  return [...reports].sort(bySource).map((m) => ({
    documentId: m.doc.id,
    outlet: m.doc.outlet,
    published: m.doc.day,
    start: m.start,
    end: m.end,
    text: m.text,
    sentence: m.sentence,
    said: m.said,
    certainty: m.certainty,
    type: m.type,
    subType: m.subType,
    date: m.date,
    fatalities: m.fatalities,
  }));
}

/**
 * The merged event of a cluster: its members in canonical order, with the reason each joined. A pure
 * function of the members, so the store and the in-memory picture give the same event.
 */
export function toMerged(clusterMembers: readonly ReportItem[], reasonOf: ReadonlyMap<string, string | null>): MergedEvent {
  const members = [...clusterMembers].sort(bySource);
  const first = members[0]!;
  const typed = mostCommon(members, (m) => m.type);
  const type = typed.type;
  const subType = mostCommon(members.filter((m) => m.type === type), (m) => m.subType).subType;
  const precise = [...members].filter((m) => locOk(m.location)).sort((a, b) => a.location!.precision - b.location!.precision);
  const location = precise[0]?.location ?? null;
  const placeKey = precise[0]?.placeKey ?? null;
  let date: EventDate | null = null;
  // An undated report joined to a dated event (undatedJoin) takes the event's days: only dated reports date it.
  const dated = clusterMembers.filter((m) => m.days);
  let days: DayInterval | null = dated[0]?.days ?? null;
  for (const m of dated) days = days ? intersect(days, m.days!) : null;
  if (days) {
    const precision = Math.min(...members.filter((m) => m.days).map((m) => m.date?.precision ?? 3)) as EventDate['precision'];
    date = { start: days.start, end: days.end, precision };
  }
  // Reports may name the sides in either order ("A attacked B" / "B repelled A"): line every report's sides
  // up with the first report's before choosing, or one side could be chosen twice.
  const sides = members.map((m) => alignedSides(first, m));
  const actor1 = mostSpecific(sides.map((x) => x[0]));
  let actor2 = mostSpecific(sides.map((x) => x[1]));
  if (actor1 && actor2 && sameActorName(actor1.name, actor2.name)) actor2 = mostSpecific(sides.map((x) => x[1]).filter((a) => !a || !sameActorName(a.name, actor1.name)));
  const actors: Actor[] = [];
  for (const a of [...members.map((m) => m.actor1), ...members.map((m) => m.actor2)]) {
    if (a && !actors.some((x) => x.name === a.name && x.inter === a.inter)) actors.push(a);
  }
  const sources = eventSources(members);
  const outlets: string[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    const o = m.doc.outlet;
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
    placeKey,
    actor1,
    actor2,
    actors,
    fatalities: mergedFatalities(members.map((m) => m.fatalities)),
    sources,
    corroboration: independentOutlets(members.map((m) => m.doc)),
    outlets,
    certainty: mergedCertainty(members.map((m) => m.certainty)),
    reasons: clusterMembers.map((m) => reasonOf.get(m.key)).filter((x): x is string => !!x),
    members: clusterMembers.map((m) => m.key),
    territory: TERRITORY_SUBTYPES.has(subType)
      ? { changed: !members.every((m) => m.territoryDone === false), trigger: members.map((m) => m.trigger).find((w) => w) ?? null }
      : null,
  };
}

/** The actor most reports agree on, preferring the longer (more specific) name among equals. */
/** The report's two sides in the reference report's order: swapped when they only match crosswise. */
function alignedSides(ref: ReportItem, ev: ReportItem): [Actor | null, Actor | null] {
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
 * A stable id from the earliest report (its document's content hash and its place in the analysis):
 * recomputing the picture after new documents arrive keeps an event's id unless an earlier report of it is
 * added, and it does not depend on the order documents arrived in.
 */
export function eventId(first: ReportItem): string {
  return 'ev-' + shortHash(first.key);
}
