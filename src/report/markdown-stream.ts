/**
 * The Markdown report written while it is read: the picture is read in pages (events twice: once to count
 * them and find the few the first sections need, once to write them), and each page is written before the
 * next is read. What is held is the report's short sections (figures, unverified claims, places) and one
 * page, never the whole picture: memory does not grow with the events' sources. The bytes are those of
 * renderMarkdown(buildReport(...)) (./markdown.ts), line for line.
 */
import { addDays } from '../merge/dates.js';
import { isLatestIn } from '../merge/latest.js';
import type { MergedEvent } from '../merge/coref.js';
import type { PictureEvent, PictureReader } from '../merge/reader.js';
import {
  agreeingLine,
  contestedFigureLines,
  controlLines,
  documentLine,
  DOCUMENTS_HEAD,
  eventLines,
  headerLines,
  isAgreeing,
  isUnverified,
  latestLines,
  placesLines,
  unverifiedLine,
} from './markdown.js';
import { allPages, reportLatest, reportPlaces, reportScope, toEvent, toFigure, type ReportEvent, type ReportOptions, type ReportScope } from './model.js';
import { applyOverrides, type Override } from '../desk/reviews.js';

/** Events, figures and documents read at once. */
const PAGE = 500;

/** Lines gathered and written in chunks. */
class LineWriter {
  private buf: string[] = [];
  private size = 0;

  constructor(private readonly write: (chunk: string) => Promise<void>) {}

  async push(...lines: string[]): Promise<void> {
    for (const l of lines) {
      this.buf.push(l);
      this.size += l.length + 1;
    }
    if (this.size > 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const chunk = this.buf.join('\n') + '\n';
    this.buf = [];
    this.size = 0;
    await this.write(chunk);
  }
}

/**
 * Editors' reviews as the stream lays them over the events: the events any override may touch, with the
 * overrides applied (src/desk/reviews.ts applyOverrides, on those events alone: in the listing's order, so
 * the result is the one the whole report's events give), by the id of the event each replaces.
 */
interface Reviewed {
  /** What an event of the listing becomes: itself reviewed, then the events split from it; hidden ones left out. */
  replace: Map<string, ReportEvent[]>;
  /** Events rejected or merged into another (left out of the listing and of the places and latest developments). */
  hidden: Set<string>;
}

const sameSpan = (a: { documentId: string; start: number; end: number }, b: { documentId: string; start: number; end: number }) =>
  a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/**
 * Find the events the overrides may touch without holding the listing: the events they name (by id, or as
 * a merge's target) and, for an override whose event is not in the listing, every event holding one of its
 * anchored reports (applyOverrides looks there for an event that re-analysis moved). Memory grows with the
 * overrides, not with the events.
 */
async function reviewedEvents(reader: PictureReader, s: ReportScope, overrides: readonly Override[]): Promise<Reviewed> {
  const named = new Set(overrides.flatMap((o) => [o.eventId, ...(o.action === 'merge' ? [String(o.data.into)] : [])]));
  const page = (withSources?: (e: Omit<MergedEvent, 'sources'>) => boolean) => allPages<PictureEvent>((after) => reader.events(s.ef, { after, limit: PAGE }, withSources));
  const listed = new Set<string>();
  for await (const e of page(() => false)) if (named.has(e.id)) listed.add(e.id);
  const anchors = overrides.filter((o) => !listed.has(o.eventId)).flatMap((o) => o.anchor);
  const picked: ReportEvent[] = [];
  if (listed.size || anchors.length) {
    // In the listing's order: applyOverrides breaks ties between anchored events by it.
    for await (const e of page((h) => anchors.length > 0 || listed.has(h.id))) {
      if (listed.has(e.id) || (anchors.length && anchors.some((a) => e.sources.some((x) => sameSpan(a, x))))) picked.push(toEvent(e));
    }
  }
  const { events } = applyOverrides(picked, overrides);
  const originals = new Set(picked.map((e) => e.id));
  const hidden = new Set(events.filter((e) => e.review?.status === 'rejected' || e.review?.status === 'merged').map((e) => e.id));
  const replace = new Map<string, ReportEvent[]>();
  let current: ReportEvent[] | null = null;
  for (const e of events) {
    if (originals.has(e.id)) replace.set(e.id, (current = []));
    if (!hidden.has(e.id)) current!.push(e);
  }
  return { replace, hidden };
}

/**
 * Write the report for `opts` as Markdown to `write`, chunk by chunk (each chunk whole lines, each ending in a
 * newline), with the editors' `overrides` laid over the events: the bytes of
 * renderMarkdown(reviewReport(buildReport(...), overrides)).
 */
export async function streamMarkdown(reader: PictureReader, opts: ReportOptions, write: (chunk: string) => Promise<void>, overrides: readonly Override[] = []): Promise<void> {
  const s = await reportScope(reader, opts);
  const reviewed: Reviewed = overrides.length ? await reviewedEvents(reader, s, overrides) : { replace: new Map(), hidden: new Set() };
  // What the listing shows for one event of the picture: itself, or what the reviews made of it.
  const listing = (e: PictureEvent): ReportEvent[] => reviewed.replace.get(e.id) ?? [toEvent(e)];
  const summary = await reader.documentSummary({ since: s.since, until: s.until });
  const latestPeriod = summary.lastDay ? { start: summary.lastDay, end: summary.lastDay } : null;
  const events = (withSources?: (e: Omit<MergedEvent, 'sources'>) => boolean) => allPages<PictureEvent>((after) => reader.events(s.ef, { after, limit: PAGE }, withSources));
  // The first pass needs the sources of the unverified events (quoted) and of those that may be latest.
  const recentFrom = latestPeriod ? addDays(latestPeriod.start, -7) : null;
  const firstPassSources = (e: Omit<MergedEvent, 'sources'>) =>
    (e.certainty !== 'reported' && e.certainty !== 'confirmed') || (recentFrom !== null && (!e.date || e.date.end >= recentFrom));

  // First pass: how many events, where, the candidates for the latest developments, the unverified ones.
  let eventCount = 0;
  const eventIdsByPlace = new Map<string, string[]>();
  const latestCandidates: PictureEvent[] = [];
  const unverified: string[] = [];
  for await (const e of events(firstPassSources)) {
    const mine = reviewed.replace.get(e.id);
    eventCount += mine ? mine.length : 1;
    if (e.place) {
      // A place stays in the report when its events are hidden by a review (reviewReport keeps it, without them).
      let l = eventIdsByPlace.get(e.place.id);
      if (!l) eventIdsByPlace.set(e.place.id, (l = []));
      if (!reviewed.hidden.has(e.id)) l.push(e.id);
    }
    if (latestPeriod && e.sources.length && isLatestIn(e, latestPeriod)) latestCandidates.push(e);
    if (mine) {
      for (const re of mine) if (isUnverified(re)) unverified.push(unverifiedLine(re));
    } else if (e.certainty !== 'reported' && e.certainty !== 'confirmed') {
      const re = toEvent(e);
      if (isUnverified(re)) unverified.push(unverifiedLine(re));
    }
  }

  const contested: string[] = [];
  let contestedCount = 0;
  const agreeing: string[] = [];
  // Only contested figures and those told by several sources are written: the others' claims are not read.
  const shown = (h: { contested: boolean; members: readonly string[] }) => h.contested || h.members.length > 1;
  for await (const f of allPages((after) => reader.figures(s.f, { after, limit: PAGE }, shown))) {
    const rf = toFigure(f);
    if (rf.contested) {
      contestedCount++;
      contested.push(...contestedFigureLines(rf));
    } else if (isAgreeing(rf)) agreeing.push(agreeingLine(rf));
  }

  const out = new LineWriter(write);
  await out.push(...headerLines({ since: s.since, until: s.until, latest: latestPeriod }, s.near, { documents: summary.documents, outlets: summary.outlets, events: eventCount, contested: contestedCount }));
  await out.push(...latestLines({ since: s.since, until: s.until, latest: latestPeriod }, reportLatest(latestCandidates, latestPeriod, opts.latestLimit).filter((l) => !reviewed.hidden.has(l.eventId))));
  latestCandidates.length = 0;

  await out.push('## Contested figures', '');
  if (contestedCount === 0) await out.push('No figure is contested between sources.', '');
  await out.push(...contested);
  contested.length = 0;

  await out.push('## Unverified and disputed claims', '');
  if (unverified.length === 0) await out.push('None.', '');
  await out.push(...unverified);
  if (unverified.length) await out.push('');
  unverified.length = 0;

  // Second pass: the events, written page by page.
  await out.push('## Events', '');
  if (eventCount === 0) await out.push('No events.', '');
  for await (const e of events()) for (const re of listing(e)) await out.push(...eventLines(re));
  if (eventCount) await out.push('');

  const places = await reportPlaces(reader, s, eventIdsByPlace);
  await out.push(...controlLines(places));
  if (agreeing.length) await out.push('## Figures reported by several sources (agreeing)', '', ...agreeing, '');
  await out.push(...placesLines(places));

  await out.push('## Documents', '');
  if (summary.documents === 0) await out.push('The store holds no documents for this period.', '');
  else {
    await out.push(...DOCUMENTS_HEAD);
    for await (const d of allPages((after) => reader.documents({ since: s.since, until: s.until }, { after, limit: PAGE }))) await out.push(documentLine(d));
    await out.push('');
  }
  await out.flush();
}
