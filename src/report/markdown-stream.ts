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
import { allPages, reportLatest, reportPlaces, reportScope, toEvent, toFigure, type ReportOptions } from './model.js';

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

/** Write the report for `opts` as Markdown to `write`, chunk by chunk (each chunk whole lines, each ending in a newline). */
export async function streamMarkdown(reader: PictureReader, opts: ReportOptions, write: (chunk: string) => Promise<void>): Promise<void> {
  const s = await reportScope(reader, opts);
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
    eventCount++;
    if (e.place) {
      const l = eventIdsByPlace.get(e.place.id);
      if (l) l.push(e.id);
      else eventIdsByPlace.set(e.place.id, [e.id]);
    }
    if (latestPeriod && e.sources.length && isLatestIn(e, latestPeriod)) latestCandidates.push(e);
    if (e.certainty !== 'reported' && e.certainty !== 'confirmed') {
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
  await out.push(...latestLines({ since: s.since, until: s.until, latest: latestPeriod }, reportLatest(latestCandidates, latestPeriod, opts.latestLimit)));
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
  for await (const e of events()) await out.push(...eventLines(toEvent(e)));
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
