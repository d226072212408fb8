/**
 * Keeping the situation picture up to date one document at a time, so that it always equals the picture
 * computed from scratch over the documents stored (src/merge/situation.ts), whatever order they came in.
 *
 * The merge places every item (event report, figure claim, place key) in a canonical order that depends
 * only on the item, each by a decision that depends only on the items before it that it could be grouped
 * with (src/merge/coref.ts decideEvent, figures.ts decideFigure, places.ts decidePlace). So a new item
 * changes nothing before it, and after it only the decisions that could see a group it changed: when an
 * item's group changes, the later items that could be grouped with it or with the first item of its old or
 * new group are decided again, and so on, in canonical order. Everything else stays as it was. The work
 * per document is bounded by its neighbourhood (in time, place and kind), not by the size of the store:
 * candidates come from indexes (./ops.ts).
 *
 * Written as generators that yield their reads and writes (./run.ts drives them synchronously for SQLite,
 * asynchronously for PostgreSQL), so one algorithm serves both stores.
 */
import { controlHistory } from '../../merge/control.js';
import { canJoin, decideEvent, MAX_JOIN_KM, reportOrder, toMerged, type ClusterView } from '../../merge/coref.js';
import { claimOrder, compatible, decideFigure, isEventCount, toFigure, type GroupView } from '../../merge/figures.js';
import { validCoordinates } from '../../merge/geo.js';
import { km } from '../../merge/geo.js';
import type { ClaimItem, DocItems, PlaceKeyInfo, ReportItem } from '../../merge/items.js';
import { groupPlaces, SAME_NAME_PLACE_KM } from '../../merge/places.js';
import { searchBox } from '../../merge/coref.js';
import { cellsAround } from './cells.js';
import type { ClaimRow, PlaceRow, ReportRow } from './ops.js';
import { eventHeader, figureHeader, type PictureSql, type Sql } from './sql.js';

/** Bump when the merge changes what it stores: pictures kept by an older version are rebuilt (`sitrep rebuild`). */
export const PICTURE_VERSION = '1';

export type Step<T> = Sql<T>;

/** How far around a report the picture is locked: its candidates, and the clusters they belong to. */
const EVENT_LOCK_KM = 2 * MAX_JOIN_KM + 10;
const CLAIM_LOCK_KM = 2 * SAME_NAME_PLACE_KM + 10;
const PLACE_LOCK_KM = SAME_NAME_PLACE_KM + 5;
/** Figures read at once while looking for the one a claim goes to. */
const FIGURES_READ_AT_ONCE = 8;

/** A queue of keys taken smallest order first. */
class OrderQueue {
  private readonly items: { key: string; order: string }[] = [];
  private readonly queued = new Set<string>();

  push(key: string, order: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.order < order) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { key, order });
  }

  pop(): string | undefined {
    const it = this.items.shift();
    if (it) this.queued.delete(it.key);
    return it?.key;
  }

  get size(): number {
    return this.items.length;
  }
}

/** With SITREP_PROFILE_SQL set, wall milliseconds per step of addDocument (in __picStats, printed at exit by ./run.ts). */
const profiling = !!process.env.SITREP_PROFILE_SQL;
function lap(from: number, step: string): number {
  const now = performance.now();
  tally({ [`ms ${step}`]: now - from });
  return now;
}

/** Adds counts to the profile's totals (__picStats). */
function tally(counts: Record<string, number>): void {
  const t = ((globalThis as { __picStats?: Record<string, number> }).__picStats ??= {});
  for (const [k, v] of Object.entries(counts)) t[k] = (t[k] ?? 0) + v;
}

/** What one update did (for tests and the bench). */
export interface UpdateStats {
  reportsDecided: number;
  claimsDecided: number;
  eventsWritten: number;
  figuresWritten: number;
  placesRegrouped: number;
  controlsWritten: number;
}

class Run {
  constructor(readonly ops: PictureSql) {}

  readonly reports = new Map<string, ReportRow>();
  readonly claims = new Map<string, ClaimRow>();
  readonly reportOrderOf = new Map<string, string>();
  readonly dirtyEntities = new Set<string>();
  readonly touchedEvents = new Set<string>();
  readonly touchedFigures = new Set<string>();
  /** Reports whose event changed: the claims they hold must be grouped again. */
  readonly movedReports = new Set<string>();
  readonly removedReports = new Set<string>();
  readonly removedClaims = new Set<string>();
  readonly stats: UpdateStats = { reportsDecided: 0, claimsDecided: 0, eventsWritten: 0, figuresWritten: 0, placesRegrouped: 0, controlsWritten: 0 };

  order(r: ReportItem): string {
    let o = this.reportOrderOf.get(r.key);
    if (o === undefined) this.reportOrderOf.set(r.key, (o = reportOrder(r)));
    return o;
  }

  *lockAroundReport(r: ReportItem): Step<void> {
    if (r.location && validCoordinates(r.location.lat, r.location.lon)) yield* this.ops.lock(cellsAround(r.location.lat, r.location.lon, EVENT_LOCK_KM));
  }

  *lockAroundClaim(c: ClaimItem): Step<void> {
    if (c.place) yield* this.ops.lock(cellsAround(c.place.lat, c.place.lon, CLAIM_LOCK_KM));
  }

  *loadReports(keys: Iterable<string>): Step<void> {
    const missing = [...new Set(keys)].filter((k) => !this.reports.has(k) && !this.removedReports.has(k));
    if (missing.length === 0) return;
    for (const row of yield* this.ops.reports(missing)) this.reports.set(row.item.key, row);
  }

  *loadClaims(keys: Iterable<string>): Step<void> {
    const missing = [...new Set(keys)].filter((k) => !this.claims.has(k) && !this.removedClaims.has(k));
    if (missing.length === 0) return;
    for (const row of yield* this.ops.claims(missing)) this.claims.set(row.item.key, row);
  }

  private readonly docReportKeys = new Map<string, string[]>();
  private readonly docClaimKeys = new Map<string, string[]>();

  /** The reports of a document (read once per update: they change only through this run). */
  *docReports(docKey: string): Step<ReportRow[]> {
    let keys = this.docReportKeys.get(docKey);
    if (!keys) {
      const rows = yield* this.ops.docReports(docKey);
      for (const row of rows) if (!this.reports.has(row.item.key)) this.reports.set(row.item.key, row);
      this.docReportKeys.set(docKey, (keys = rows.map((r) => r.item.key)));
    }
    return keys.filter((k) => !this.removedReports.has(k)).map((k) => this.reports.get(k)!);
  }

  *docClaims(docKey: string): Step<ClaimRow[]> {
    let keys = this.docClaimKeys.get(docKey);
    if (!keys) {
      const rows = yield* this.ops.docClaims(docKey);
      for (const row of rows) if (!this.claims.has(row.item.key)) this.claims.set(row.item.key, row);
      this.docClaimKeys.set(docKey, (keys = rows.map((r) => r.item.key)));
    }
    return keys.filter((k) => !this.removedClaims.has(k)).map((k) => this.claims.get(k)!);
  }

  /**
   * The reports that can be one event with `r`, from the index (cached rows win: they may be newer).
   * `which` (./sql.ts reportCandidates): 'own' misses a dated report's undated neighbours, which come after
   * it (a decision about it does not need them), 'undated' gives only those, 'all' both.
   */
  *reportNeighbours(r: ReportItem, which: 'own' | 'undated' | 'all' = 'all'): Step<ReportRow[]> {
    yield* this.lockAroundReport(r);
    const out: ReportRow[] = [];
    if (which !== 'undated' || !r.days) for (const cur of yield* this.docReports(r.doc.key)) if (cur.item.key !== r.key && canJoin(r, cur.item)) out.push(cur);
    const rows = yield* this.ops.reportCandidates(r, which, this.reports);
    for (const row of rows) {
      const k = row.item.key;
      if (k === r.key || this.removedReports.has(k)) continue;
      if (!this.reports.has(k)) this.reports.set(k, row);
      const cur = this.reports.get(k)!;
      if (canJoin(r, cur.item)) out.push(cur);
    }
    if (profiling) tally({ 'report candidates read': rows.length, 'report candidates kept': out.length });
    return out;
  }

  /** Decide one report again; returns whether its cluster changed. */
  *decideReport(key: string, queue: OrderQueue): Step<void> {
    const row = this.reports.get(key);
    if (!row) return;
    const y = row.item;
    const yo = this.order(y);
    this.stats.reportsDecided++;
    // A report decided for the first time always changes (it had no event): its later neighbours, undated
    // ones included, are needed anyway, so they are read at once.
    const first = row.seed === null;
    const near = yield* this.reportNeighbours(y, first ? 'all' : 'own');
    const seeds = [...new Set(near.filter((n) => this.order(n.item) < yo).map((n) => n.seed!))];
    const clusters: ClusterView[] = [];
    if (seeds.length) {
      const members = new Map<string, ReportRow[]>();
      for (const m of yield* this.ops.clusterMembers(seeds, this.reports)) {
        const k = m.item.key;
        if (this.removedReports.has(k)) continue;
        if (!this.reports.has(k)) this.reports.set(k, m);
        const cur = this.reports.get(k)!;
        // Everything before y is final; later rows may still be stale, and y does not see them anyway.
        if (this.order(cur.item) >= yo || !cur.seed || !seeds.includes(cur.seed)) continue;
        const l = members.get(cur.seed) ?? [];
        l.push(cur);
        members.set(cur.seed, l);
      }
      for (const s of seeds) {
        const l = (members.get(s) ?? []).sort((a, b) => (this.order(a.item) < this.order(b.item) ? -1 : 1));
        if (l.length) clusters.push({ seed: s, members: l.map((x) => x.item) });
      }
      clusters.sort((a, b) => (this.order(a.members[0]!) < this.order(b.members[0]!) ? -1 : 1));
    }
    const d = decideEvent(y, clusters);
    const seed = d.seed ?? y.key;
    if (seed === row.seed && d.reason === row.reason) return;
    const old = row.seed;
    row.seed = seed;
    row.reason = d.reason;
    yield* this.ops.setReport(key, seed, d.reason);
    this.touchedEvents.add(seed);
    if (old === seed) return;
    if (old) this.touchedEvents.add(old);
    this.movedReports.add(key);
    for (const n of [...near, ...(y.days && !first ? yield* this.reportNeighbours(y, 'undated') : [])]) if (this.order(n.item) > yo) queue.push(n.item.key, this.order(n.item));
    for (const s of [old, seed]) {
      if (!s || s === key) continue;
      yield* this.loadReports([s]);
      const sr = this.reports.get(s);
      if (!sr) continue;
      for (const n of yield* this.reportNeighbours(sr.item)) if (this.order(n.item) > yo) queue.push(n.item.key, this.order(n.item));
    }
  }

  *runReports(queue: OrderQueue): Step<void> {
    for (let k = queue.pop(); k !== undefined; k = queue.pop()) yield* this.decideReport(k, queue);
  }

  /** Write the merged events of every cluster that changed. */
  *writeEvents(): Step<void> {
    if (this.touchedEvents.size === 0) return;
    const seeds = [...this.touchedEvents];
    const bySeed = new Map<string, ReportRow[]>();
    for (const m of yield* this.ops.clusterMembers(seeds, this.reports)) {
      const k = m.item.key;
      if (this.removedReports.has(k)) continue;
      const cur = this.reports.get(k) ?? m;
      if (!cur.seed || !this.touchedEvents.has(cur.seed)) continue;
      bySeed.set(cur.seed, [...(bySeed.get(cur.seed) ?? []), cur]);
    }
    const all = [...bySeed.values()].map((rows) => {
      rows.sort((a, b) => (this.order(a.item) < this.order(b.item) ? -1 : 1));
      return toMerged(
        rows.map((r) => r.item),
        new Map(rows.map((r) => [r.item.key, r.reason])),
      );
    });
    // Events whose data did not change stay as they are (most of a cluster's neighbours).
    const stored = yield* this.ops.eventData(seeds);
    const events = all.filter((e) => stored.get(e.members[0]!) !== eventHeader(e));
    const keep = new Set(all.filter((e) => !events.includes(e)).map((e) => e.members[0]!));
    const removed = yield* this.ops.replaceEvents(seeds.filter((s) => !keep.has(s)), events);
    this.stats.eventsWritten += events.length;
    const keys = new Set<string>();
    for (const r of removed) if (r.territory && r.placeKey) keys.add(r.placeKey);
    for (const e of events) if (e.territory && e.placeKey) keys.add(e.placeKey);
    yield* this.dirtyPlaces(keys);
    // Claims held by reports of these events are compared by event: group them again.
    const held: string[] = [];
    for (const rows of bySeed.values()) for (const r of rows) held.push(r.item.key);
    for (const k of this.movedReports) held.push(k);
    this.heldReports = held;
  }

  heldReports: string[] = [];

  /** A document being added: its items are all in hand. */
  knownDoc(items: DocItems): void {
    this.docReportKeys.set(items.doc.key, items.reports.map((r) => r.key));
    this.docClaimKeys.set(items.doc.key, items.claims.map((c) => c.key));
  }

  *dirtyPlaces(keys: Iterable<string>): Step<void> {
    const list = [...new Set(keys)];
    if (list.length === 0) return;
    for (const p of yield* this.ops.places(list)) this.dirtyEntities.add(p.entity);
  }

  eventOf = (reportKey: string): string | null => this.reports.get(reportKey)?.seed ?? null;

  /**
   * Claims that may be about the same quantity as `c`, with the reports they are held by loaded: those of
   * its document and, for the toll of an event, those of the event's reports (both few), and from the index
   * those `sel` selects (./sql.ts claimCandidates: after an order, maybe only those a move may change).
   * Without `sel`, none from the index.
   */
  *claimNeighbours(c: ClaimItem, sel: Parameters<PictureSql['claimCandidates']>[1] | null): Step<ClaimRow[]> {
    yield* this.lockAroundClaim(c);
    const rows = [...(yield* this.docClaims(c.doc.key)).filter((x) => x.item.thing === c.thing), ...(sel ? yield* this.ops.claimCandidates(c, sel, this.claims) : [])];
    if (c.report && isEventCount(c.predicate)) {
      // Tolls of one merged event are one figure wherever and whenever they were told.
      yield* this.loadReports([c.report]);
      const ev = this.eventOf(c.report);
      if (ev) {
        const members: string[] = [];
        for (const m of yield* this.ops.clusterMembers([ev], this.reports)) {
          const k = m.item.key;
          if (this.removedReports.has(k)) continue;
          if (!this.reports.has(k)) this.reports.set(k, m);
          if (this.eventOf(k) === ev) members.push(k);
        }
        rows.push(...(yield* this.ops.claimsOfReports(members, this.claims)));
      }
    }
    const out: ClaimRow[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const k = row.item.key;
      if (k === c.key || seen.has(k) || this.removedClaims.has(k)) continue;
      seen.add(k);
      if (!this.claims.has(k)) this.claims.set(k, row);
      out.push(this.claims.get(k)!);
    }
    yield* this.loadReports([c, ...out.map((x) => x.item)].map((x) => x.report).filter((r): r is string => !!r));
    return out.filter((n) => compatible(n.item, c, this.eventOf));
  }

  /** The canonical order of the figure a seed claim heads (loading the seed when it is not in hand). */
  *seedOrder(seed: string): Step<string | null> {
    yield* this.loadClaims([seed]);
    const r = this.claims.get(seed);
    return r ? claimOrder(r.item) : null;
  }

  /**
   * The figure `y` goes to: the first of the figures before it (by their seeds' order) whose every claim so
   * far fits it (figures.ts decideFigure). Figures are read a few at a time in that order and the search
   * stops at the first that fits: a claim that may sit beside every count of its kind at its place (a
   * standing count from an undated document) sees many figures, and usually fits the first.
   */
  *placeClaim(y: ClaimItem, yo: string, seeds: readonly string[], known: ReadonlyMap<string, string>): Step<string | null> {
    yield* this.loadClaims(seeds.filter((s) => !known.has(s)));
    const ordered = seeds
      .map((s) => ({ s, o: known.get(s) ?? (this.claims.get(s) ? claimOrder(this.claims.get(s)!.item) : null) }))
      .filter((x): x is { s: string; o: string } => x.o !== null && x.o < yo)
      .sort((a, b) => (a.o < b.o ? -1 : 1));
    for (let i = 0; i < ordered.length; i += FIGURES_READ_AT_ONCE) {
      const chunk = ordered.slice(i, i + FIGURES_READ_AT_ONCE).map((x) => x.s);
      const members = new Map<string, ClaimRow[]>();
      for (const m of yield* this.ops.groupMembers(chunk, this.claims)) {
        const k = m.item.key;
        if (this.removedClaims.has(k)) continue;
        if (!this.claims.has(k)) this.claims.set(k, m);
        const cur = this.claims.get(k)!;
        if (claimOrder(cur.item) >= yo || !cur.seed || !chunk.includes(cur.seed)) continue;
        members.set(cur.seed, [...(members.get(cur.seed) ?? []), cur]);
      }
      yield* this.loadReports([...members.values()].flat().map((x) => x.item.report).filter((r): r is string => !!r));
      const groups: GroupView[] = [];
      for (const s of chunk) {
        const l = (members.get(s) ?? []).sort((a, b) => (claimOrder(a.item) < claimOrder(b.item) ? -1 : 1));
        if (l.length) groups.push({ seed: s, members: l.map((x) => x.item) });
      }
      // A figure's first claim may have moved on (its rows are stale until decided again): order by what is in hand.
      groups.sort((a, b) => (claimOrder(a.members[0]!) < claimOrder(b.members[0]!) ? -1 : 1));
      const seed = decideFigure(y, groups, this.eventOf);
      if (seed) return seed;
    }
    return null;
  }

  *decideClaim(key: string, queue: OrderQueue): Step<void> {
    const row = this.claims.get(key);
    if (!row) return;
    const y = row.item;
    const yo = claimOrder(y);
    this.stats.claimsDecided++;
    // The figures before y it may join: those of the claims it fits in its document or event, and every
    // figure of a claim the index finds before it (by key only: placeClaim checks each figure's claims, and a
    // figure y fits has a claim the index finds, so the choice is the same as among the fitting claims' only).
    const local = yield* this.claimNeighbours(y, null);
    const known = new Map<string, string>();
    for (const f of yield* this.ops.candidateFigures(y, yo, this.claims)) known.set(f.seed, f.order);
    const seeds = [...new Set([...local.filter((n) => claimOrder(n.item) < yo).map((n) => n.seed!), ...known.keys()])];
    const seed = (seeds.length ? yield* this.placeClaim(y, yo, seeds, known) : null) ?? y.key;
    if (seed === row.seed) return;
    const old = row.seed;
    row.seed = seed;
    yield* this.ops.setClaim(key, seed);
    this.touchedFigures.add(seed);
    if (old) this.touchedFigures.add(old);
    const newOrder = (yield* this.seedOrder(seed))!;
    const oldOrder = old ? yield* this.seedOrder(old) : null;
    // Only later claims whose choice this move can change are decided again (see `mayMove`); the index
    // reads only those (./sql.ts claimCandidates applies the same test to the stored rows).
    const later = (yield* this.claimNeighbours(y, { after: yo, seed: { op: '>', order: newOrder, old } })).filter((n) => claimOrder(n.item) > yo);
    yield* this.loadClaims(later.map((n) => n.seed).filter((s): s is string => !!s));
    for (const n of later) if (yield* this.mayMove(n, old, newOrder, oldOrder, 'near')) queue.push(n.item.key, claimOrder(n.item));
    for (const [s, side] of [[old, 'old'], [seed, 'new']] as const) {
      if (!s || s === key) continue;
      yield* this.loadClaims([s]);
      const sr = this.claims.get(s);
      if (!sr) continue;
      // With the old figure's first claim gone (oldOrder null), only the claims mayMove always keeps.
      const test = side === 'new' ? { op: '=' as const, order: newOrder, old } : oldOrder === null ? { op: '=' as const, order: '', old } : { op: '>=' as const, order: oldOrder, old };
      const around = (yield* this.claimNeighbours(sr.item, { after: yo, seed: test })).filter((n) => claimOrder(n.item) > yo);
      yield* this.loadClaims(around.map((n) => n.seed).filter((s2): s2 is string => !!s2));
      for (const n of around) if (yield* this.mayMove(n, old, newOrder, oldOrder, side)) queue.push(n.item.key, claimOrder(n.item));
    }
  }

  /**
   * Can a claim x's move from figure \`old\` to the figure ordered \`newOrder\` change where a later claim z
   * goes? z goes to the first figure before it whose claims all fit it. \`via\` says how z was found:
   * - 'near': z fits x. The new figure gained a claim z fits, so it can only become z's choice if it comes
   *   before z's figure; the old figure lost a claim z fits, which changes nothing for z unless z is in it.
   * - 'new': z fits the new figure's first claim, maybe not x: only a z in that figure can be pushed out.
   * - 'old': z fits the old figure's first claim: the old figure lost x, which may have been what kept z
   *   out of it, so z may move there if it comes before z's figure, and a z in it may move.
   * A z not decided yet, or heading its own figure, is decided whatever happened.
   */
  *mayMove(z: ClaimRow, old: string | null, newOrder: string, oldOrder: string | null, via: 'near' | 'new' | 'old'): Step<boolean> {
    if (!z.seed || z.seed === z.item.key) return true;
    if (old && z.seed === old) return true;
    const zo = yield* this.seedOrder(z.seed);
    if (zo === null) return true;
    if (via === 'near') return newOrder < zo;
    if (via === 'new') return newOrder === zo;
    return oldOrder !== null && oldOrder <= zo;
  }

  *runClaims(queue: OrderQueue): Step<void> {
    // Claims held by reports whose event changed are compared by event: decide them again.
    if (this.heldReports.length) {
      for (const row of yield* this.ops.claimsOfReports([...new Set(this.heldReports)], this.claims)) {
        const k = row.item.key;
        if (this.removedClaims.has(k)) continue;
        if (!this.claims.has(k)) this.claims.set(k, row);
        if (isEventCount(row.item.predicate)) queue.push(k, claimOrder(row.item));
      }
    }
    for (let k = queue.pop(); k !== undefined; k = queue.pop()) yield* this.decideClaim(k, queue);
  }

  *writeFigures(): Step<void> {
    if (this.touchedFigures.size === 0) return;
    const seeds = [...this.touchedFigures];
    const bySeed = new Map<string, ClaimRow[]>();
    for (const m of yield* this.ops.groupMembers(seeds, this.claims)) {
      const k = m.item.key;
      if (this.removedClaims.has(k)) continue;
      const cur = this.claims.get(k) ?? m;
      if (!cur.seed || !this.touchedFigures.has(cur.seed)) continue;
      bySeed.set(cur.seed, [...(bySeed.get(cur.seed) ?? []), cur]);
    }
    const all = [...bySeed.values()].map((rows) => toFigure(rows.map((r) => r.item).sort((a, b) => (claimOrder(a) < claimOrder(b) ? -1 : 1))));
    const stored = yield* this.ops.figureData(seeds);
    const figures = all.filter((f) => stored.get(f.members[0]!) !== figureHeader(f));
    const keep = new Set(all.filter((f) => !figures.includes(f)).map((f) => f.members[0]!));
    yield* this.ops.replaceFigures(seeds.filter((s) => !keep.has(s)), figures);
    this.stats.figuresWritten += figures.length;
  }

  /**
   * Regroup the place keys around `changed` (keys added or removed): every key within reach of them, and of
   * those, and so on (a component of the "may be the same place" relation), grouped from scratch in
   * canonical order. Entities whose keys changed get their control history redone.
   */
  *regroupPlaces(changed: readonly PlaceKeyInfo[], gone: ReadonlySet<string>): Step<void> {
    const comp = new Map<string, PlaceRow | PlaceKeyInfo>();
    const frontier: PlaceKeyInfo[] = [...changed];
    for (const k of changed) if (!gone.has(k.key)) comp.set(k.key, k);
    while (frontier.length) {
      const k = frontier.pop()!;
      yield* this.ops.lock(cellsAround(k.lat, k.lon, PLACE_LOCK_KM));
      const b = searchBox(k.lat, k.lon, SAME_NAME_PLACE_KM);
      for (const n of yield* this.ops.placesIn(k.country, b.lat0, b.lat1, b.lon0, b.lon1)) {
        if (comp.has(n.key) || gone.has(n.key) || km(k.lat, k.lon, n.lat, n.lon) > SAME_NAME_PLACE_KM) continue;
        comp.set(n.key, n);
        frontier.push(n);
      }
    }
    const seedOf = groupPlaces(comp.values());
    const save: PlaceRow[] = [];
    for (const [key, p] of comp) {
      const entity = seedOf.get(key)!;
      const before = 'entity' in p ? p.entity : null;
      if (before === entity) continue;
      if (before) this.dirtyEntities.add(before);
      this.dirtyEntities.add(entity);
      const { entity: _e, ...info } = p as PlaceRow;
      save.push({ ...info, entity });
    }
    if (save.length) yield* this.ops.savePlaces(save);
    this.stats.placesRegrouped += save.length;
  }

  *writeControl(): Step<void> {
    for (const entity of this.dirtyEntities) {
      const keys = yield* this.ops.entityKeys([entity]);
      for (const k of keys) yield* this.ops.lock(cellsAround(k.lat, k.lon, PLACE_LOCK_KM));
      const placeKeys = keys.map((k) => k.key);
      let t = profiling ? performance.now() : 0;
      const events = placeKeys.length ? yield* this.ops.eventsAt(placeKeys) : [];
      if (profiling) t = lap(t, 'control events');
      const claims = placeKeys.length ? yield* this.ops.controlsAt(placeKeys) : [];
      if (profiling) t = lap(t, 'control sentences');
      const history = controlHistory(events, claims);
      if (profiling) t = lap(t, 'control fold');
      this.stats.controlsWritten += yield* this.ops.replaceControl(entity, history);
      if (profiling) lap(t, 'control write');
    }
  }
}

/**
 * Add a stored document's items to the picture (inside the transaction that stored it). `pk` is the
 * document's row in `documents`.
 */
export function* addDocument(ops: PictureSql, pk: number | string, items: DocItems): Step<UpdateStats> {
  const run = new Run(ops);
  let t = profiling ? performance.now() : 0;
  for (const r of items.reports) yield* run.lockAroundReport(r);
  for (const c of items.claims) yield* run.lockAroundClaim(c);
  for (const p of items.places) yield* run.ops.lock(cellsAround(p.lat, p.lon, PLACE_LOCK_KM));

  const known = new Set((yield* run.ops.places(items.places.map((p) => p.key))).map((p) => p.key));
  const fresh = items.places.filter((p) => !known.has(p.key));
  yield* run.ops.insertDoc(pk, items);
  if (fresh.length) yield* run.regroupPlaces(fresh, new Set());
  if (profiling) t = lap(t, 'places');

  yield* run.ops.insertReports(items.reports);
  run.knownDoc(items);
  const rq = new OrderQueue();
  for (const r of items.reports) {
    run.reports.set(r.key, { item: r, seed: null, reason: null });
    rq.push(r.key, run.order(r));
  }
  yield* run.runReports(rq);
  if (profiling) t = lap(t, 'reports');
  yield* run.writeEvents();
  if (profiling) t = lap(t, 'events');

  yield* run.ops.insertClaims(items.claims);
  const cq = new OrderQueue();
  for (const c of items.claims) {
    run.claims.set(c.key, { item: c, seed: null });
    cq.push(c.key, claimOrder(c));
  }
  yield* run.runClaims(cq);
  if (profiling) t = lap(t, 'claims');
  yield* run.writeFigures();
  if (profiling) t = lap(t, 'figures');

  yield* run.ops.insertControls(items.controls);
  yield* run.dirtyPlaces(items.controls.map((c) => c.placeKey));
  yield* run.writeControl();
  yield* run.ops.bump();
  if (profiling) {
    lap(t, 'control');
    tally({ ...run.stats, docs: 1, reports: items.reports.length, claims: items.claims.length });
  }
  return run.stats;
}

/**
 * Take a stored document's items out of the picture (to delete it, or to replace its analysis): the
 * groups it was part of are decided again without it, as if it had never been stored.
 */
export function* removeDocument(ops: PictureSql, docKey: string): Step<UpdateStats | null> {
  const run = new Run(ops);
  const items = yield* run.ops.docItems(docKey);
  if (!items) return null;
  for (const r of items.reports) yield* run.lockAroundReport(r);
  for (const c of items.claims) yield* run.lockAroundClaim(c);
  for (const p of items.places) yield* run.ops.lock(cellsAround(p.lat, p.lon, PLACE_LOCK_KM));

  // Reports: everything that could see them, or the groups they were in, is decided again without them.
  const rq = new OrderQueue();
  yield* run.loadReports(items.reports.map((r) => r.key));
  for (const r of items.reports) {
    const row = run.reports.get(r.key);
    if (!row) continue;
    const o = run.order(r);
    for (const n of yield* run.reportNeighbours(r)) if (run.order(n.item) > o) rq.push(n.item.key, run.order(n.item));
    if (row.seed) {
      run.touchedEvents.add(row.seed);
      if (row.seed !== r.key) {
        yield* run.loadReports([row.seed]);
        const sr = run.reports.get(row.seed);
        if (sr) for (const n of yield* run.reportNeighbours(sr.item)) if (run.order(n.item) > o) rq.push(n.item.key, run.order(n.item));
      }
    }
    run.movedReports.add(r.key);
  }
  for (const r of items.reports) {
    run.removedReports.add(r.key);
    run.reports.delete(r.key);
  }
  yield* run.ops.deleteReports(items.reports.map((r) => r.key));
  yield* run.runReports(rq);
  yield* run.writeEvents();

  const cq = new OrderQueue();
  yield* run.loadClaims(items.claims.map((c) => c.key));
  for (const c of items.claims) {
    const row = run.claims.get(c.key);
    if (!row) continue;
    const o = claimOrder(c);
    for (const n of yield* run.claimNeighbours(c, { after: o })) if (claimOrder(n.item) > o) cq.push(n.item.key, claimOrder(n.item));
    if (row.seed) {
      run.touchedFigures.add(row.seed);
      if (row.seed !== c.key) {
        yield* run.loadClaims([row.seed]);
        const sr = run.claims.get(row.seed);
        if (sr) for (const n of yield* run.claimNeighbours(sr.item, { after: o })) if (claimOrder(n.item) > o) cq.push(n.item.key, claimOrder(n.item));
      }
    }
  }
  for (const c of items.claims) {
    run.removedClaims.add(c.key);
    run.claims.delete(c.key);
  }
  yield* run.ops.deleteClaims(items.claims.map((c) => c.key));
  yield* run.runClaims(cq);
  yield* run.writeFigures();

  yield* run.dirtyPlaces(items.controls.map((c) => c.placeKey));
  yield* run.ops.deleteControls(items.controls.map((c) => c.key));
  // The document row goes (with its mentions); place keys no other document uses go with it.
  const before = yield* run.ops.places(items.places.map((p) => p.key));
  yield* run.ops.deleteDoc(docKey);
  const left = new Set((yield* run.ops.places(items.places.map((p) => p.key))).map((p) => p.key));
  const gone = before.filter((p) => !left.has(p.key));
  if (gone.length) {
    for (const p of gone) run.dirtyEntities.add(p.entity);
    yield* run.regroupPlaces(gone, new Set(gone.map((p) => p.key)));
  }
  yield* run.writeControl();
  yield* run.ops.bump();
  return run.stats;
}
