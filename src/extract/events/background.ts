import type { EventMention } from './types.js';

/**
 * What a report tells as background is no event of that report. The reporting window: an act dated, in the
 * report's own words, more than a year before publication ("the 1994 genocide", "the civil war began in 2014
 * when rebels seized the capital", "a similar bombing in 2016") is history the report recalls, not news it
 * brings. A desk that shows it among the latest developments, or adds its toll to today's, misleads.
 */
export const REPORTING_WINDOW_DAYS = 365;

function shiftDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The event is dated (not by the publication day) wholly before the reporting window. */
export function outsideWindow(ev: EventMention, published: string | null): boolean {
  const d = ev.date;
  if (!published || !d || d.from === 'publication') return false;
  return d.end < shiftDays(published, -REPORTING_WINDOW_DAYS);
}
