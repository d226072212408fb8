import type { PublishedFrom } from '../core/document.js';

/**
 * Finding the publication date in the text itself: a `date 2016-10-23` line, or a wire dateline
 * ("BAGHDAD, Oct. 23 (Reuters) -", "March 22, 2013"). Never the file's modification time, never today.
 */
export interface FoundDate {
  date: string;
  from: PublishedFrom;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accept YYYY-MM-DD or a full ISO timestamp; return it trimmed, or null if it is not a real date. */
export function normalisePublished(s: string): string | null {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!) ? t : null;
  const d = Date.parse(t);
  if (!Number.isNaN(d) && /\d{4}/.test(t)) return new Date(d).toISOString().slice(0, 10);
  return null;
}

/** Look only at the head of the document: a date line or dateline is at the top. */
const HEAD = 400;

export function detectPublished(text: string): FoundDate | null {
  const head = text.slice(0, HEAD);
  const dateLine = /(?:^|\n)[ \t]*date[ \t]*:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b/i.exec(head);
  if (dateLine) {
    const d = iso(+dateLine[1]!, +dateLine[2]!, +dateLine[3]!);
    if (d) {
      const start = dateLine.index + dateLine[0].indexOf(dateLine[0].trim());
      return { date: d, from: 'text-date-line', start, end: dateLine.index + dateLine[0].length };
    }
  }
  // "March 22, 2013" or "22 March 2013" near the top, on its own or in a dateline.
  const monthDay = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})\b|\b(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(\d{4})\b/.exec(head.slice(0, 200));
  if (monthDay) {
    const d = monthDay[1]
      ? iso(+monthDay[3]!, MONTHS[monthDay[1].toLowerCase()]!, +monthDay[2]!)
      : iso(+monthDay[6]!, MONTHS[monthDay[5]!.toLowerCase()]!, +monthDay[4]!);
    if (d) return { date: d, from: 'dateline', start: monthDay.index, end: monthDay.index + monthDay[0].length };
  }
  return null;
}
