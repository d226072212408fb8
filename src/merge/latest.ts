import type { MergedEvent } from './coref.js';
import { interval, overlap, addDays, type DayInterval } from './dates.js';
import { TERRITORY_SUBTYPES } from './event-family.js';
import type { SourceRef } from './input.js';

/** One line of "latest developments": a merged event told in a report's own words, with its sources. */
export interface LatestItem {
  eventId: string;
  date: DayInterval | null;
  /** The evidence sentence of one report, verbatim (bullet marks and runs of spaces tidied). */
  text: string;
  /** Which report `text` is quoted from. */
  quote: SourceRef;
  outlets: string[];
  sources: SourceRef[];
}

export interface LatestOptions {
  /** The period; default: the last day any document in the store was published (the last day of reporting). */
  period?: DayInterval;
  limit?: number;
}

const TYPE_WEIGHT: Record<string, number> = {
  Battles: 1,
  'Explosions/Remote violence': 1,
  'Violence against civilians': 1.2,
  Riots: 0.6,
  Protests: 0.4,
  'Strategic developments': 0.2,
};

/** Importance: deaths, independent corroboration, territory changing hands, and how firmly it is reported. */
export function importance(ev: MergedEvent): number {
  let s = TYPE_WEIGHT[ev.type] ?? 0.2;
  const dead = ev.fatalities?.best ?? ev.fatalities?.low ?? 0;
  if (dead > 0) s += 1 + Math.log10(1 + dead);
  s += (ev.corroboration - 1) * 1.5;
  s += Math.min(ev.sources.length - 1, 3) * 0.3;
  if (TERRITORY_SUBTYPES.has(ev.subType)) s += 1.5;
  if (ev.certainty === 'confirmed') s += 0.5;
  if (ev.certainty === 'unverified' || ev.certainty === 'disputed') s -= 0.3;
  if (ev.certainty === 'denied') s -= 1;
  return s;
}

/** The last publication day of the reports, or null if none is dated. */
export function lastReportingDay(days: readonly (string | null)[]): string | null {
  let last: string | null = null;
  for (const d of days) if (d && (!last || d > last)) last = d;
  return last;
}

function tidy(s: string): string {
  return s.replace(/^\s*(?:[-*•·–—]|\d+[.)])\s+/u, '').replace(/\s+/g, ' ').trim();
}

/** The quote for a line: the shortest complete evidence sentence from the latest report (short lines read best). */
function quoteOf(ev: MergedEvent): SourceRef {
  const ranked = [...ev.sources].sort(
    (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || tidy(a.sentence.text).length - tidy(b.sentence.text).length,
  );
  const latestDay = ranked[0]!.published;
  return ranked.filter((s) => s.published === latestDay).sort((a, b) => tidy(a.sentence.text).length - tidy(b.sentence.text).length)[0]!;
}

/** May the event be one of the period's latest developments: reported in it about something of the last week or so, or dated in it? */
export function isLatestIn(ev: MergedEvent, p: DayInterval): boolean {
  const told = ev.sources.some((s) => s.published && s.published >= p.start && s.published <= p.end);
  const dated = ev.date ? overlap(interval(ev.date.start, ev.date.end)!, p) : false;
  const recent = ev.date ? ev.date.end >= addDays(p.start, -7) : true;
  return (told && recent) || dated;
}

/**
 * The most important merged events of the period: those reported in it (a document published in the
 * period) or dated in it, best first, one line each quoted from a report.
 */
export function latestDevelopments(events: readonly MergedEvent[], opts: LatestOptions = {}): LatestItem[] {
  const limit = opts.limit ?? 8;
  let period = opts.period;
  if (!period) {
    const last = lastReportingDay(events.flatMap((e) => e.sources.map((s) => s.published)));
    if (!last) return [];
    period = { start: last, end: last };
  }
  const p = period;
  const inPeriod = events.filter((ev) => isLatestIn(ev, p));
  return inPeriod
    .map((ev) => ({ ev, score: importance(ev) }))
    .sort((a, b) => b.score - a.score || (b.ev.date?.end ?? '').localeCompare(a.ev.date?.end ?? '') || a.ev.id.localeCompare(b.ev.id))
    .slice(0, limit)
    .map(({ ev }) => {
      const quote = quoteOf(ev);
      return {
        eventId: ev.id,
        date: ev.date ? interval(ev.date.start, ev.date.end) : null,
        text: tidy(quote.sentence.text),
        quote,
        outlets: ev.outlets,
        sources: ev.sources,
      };
    });
}
