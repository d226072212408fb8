import type { PublishedFrom } from '../core/document.js';
import type { Span } from '../core/span.js';
import { classifyLine, isCaptionLabel, isDateStamp } from './boilerplate-rules.js';
import { dateAt, isoDate, wholeDate, type DateParts } from './date-parse.js';

export { normalisePublished } from './date-parse.js';

/**
 * Finding the publication date in the text itself, at the top of the document only:
 *
 * 1. a `date 2016-10-23` marker at the start of a line (it may share the line with the first sentence);
 * 2. a stamp line: "Published 12 November 2016", "Posted: Nov. 12, 2016 10:32 a.m. ET"
 *    ("Updated …" stamps are not publication dates and are skipped);
 * 3. a date standing alone on a line: "March 22, 2013", "Tuesday 22 March 2013";
 * 4. a wire dateline opening the story: "BAGHDAD, Oct. 23 (Reuters) -", "MOSUL, Iraq, Nov. 3, 2016 (AP) —",
 *    "March 22, 2013 —". A dateline without a year takes one only when the document states it without
 *    ambiguity elsewhere (see `inferYear`); otherwise the document stays undated.
 *
 * The scan walks down the first lines, past a headline, a byline and page furniture, and stops at the first
 * line of prose. A date inside the first sentence ("On March 3, 2015, gunmen attacked …") is an event date,
 * not a dateline, and is never taken. Never the file's modification time, never today.
 */
export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  from: PublishedFrom;
  /** The date marker, stamp line, date line or the date inside the dateline. */
  start: number;
  end: number;
  kind: 'marker' | 'stamp' | 'date-only' | 'dateline';
}

export interface PublishedHints {
  /** The document's URL, whose /2016/10/23/ path may supply a dateline's missing year. */
  url?: string | null;
}

export interface HeadScan {
  found: FoundDate | null;
  /** Date markers, stamps and date-only lines seen at the top: metadata, marked as 'date-line' boilerplate. */
  markers: Span[];
}

const MAX_LINES = 10;
const MAX_CHARS = 2000;
const MARKER = /^(?:date|dated|dateline)\s*[:=]?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=$|[\s,;|]|\.(?:\s|$))/i;
const STAMP_LABEL = /^(?:(?:first\s+|originally\s+)?published|posted|publication date|date published)(?:\s+on)?\s*[:\-–—]?\s*/i;
const TERMINAL = /[.!?]["'”’)\]]*$/u;

function* linesOf(text: string): Generator<Span> {
  const re = /\r\n|\n|\r|\u2028|\u2029/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield { start, end: m.index };
    start = m.index + m[0].length;
  }
  yield { start, end: text.length };
}

function trimmed(text: string, l: Span): Span {
  let { start, end } = l;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

export function scanHead(text: string, hints: PublishedHints = {}): HeadScan {
  const markers: Span[] = [];
  let seen = 0;
  let captionNext = false;
  for (const raw of linesOf(text)) {
    if (raw.start > MAX_CHARS || seen >= MAX_LINES) break;
    const l = trimmed(text, raw);
    if (l.start === l.end) continue;
    seen++;
    const line = text.slice(l.start, l.end);
    const caption = captionNext;
    captionNext = isCaptionLabel(line);

    const marker = MARKER.exec(line);
    if (marker) {
      const span = { start: l.start, end: l.start + marker[0].length };
      markers.push(span);
      const date = isoDate(+marker[1]!, +marker[2]!, +marker[3]!);
      return { found: date ? { date, from: 'text-date-line', kind: 'marker', ...span } : null, markers };
    }

    // A photo caption or credit dates the picture, never the story: "March 3, 2024: people gather ... Photo:
    // Jane Roe/Agency", or any line after a caption label ("Image caption,"). Skip it and keep looking.
    if (caption || classifyLine(line) === 'photo-credit') continue;

    if (isDateStamp(line)) {
      markers.push(l);
      const label = STAMP_LABEL.exec(line);
      const d = label ? dateAt(line, label[0].length) : null;
      if (d && d.year !== null) {
        const date = isoDate(d.year, d.month, d.day);
        if (date) return { found: { date, from: 'text-date-line', kind: 'stamp', ...l }, markers };
      }
      continue; // an "Updated …" or "Posted 3 hours ago" stamp: metadata, but not a publication date
    }

    const alone = wholeDate(line);
    if (alone) {
      markers.push(l);
      return { found: { date: alone, from: 'dateline', kind: 'date-only', ...l }, markers };
    }

    const partial = dateAt(line, 0);
    if (partial && partial.year === null && partial.end >= line.replace(/[.,;:|]+$/, '').length) {
      // "Sunday, Oct. 23" alone on a line: a date line without its year.
      markers.push(l);
      const year = inferYear(partial, text, hints.url ?? null);
      const date = year === null ? null : isoDate(year, partial.month, partial.day);
      return { found: date ? { date, from: 'dateline', kind: 'date-only', ...l } : null, markers };
    }

    const wire = wireDateline(line);
    if (wire) {
      if (!wire.date) return { found: null, markers };
      const year = wire.date.year ?? inferYear(wire.date, text, hints.url ?? null);
      const date = year === null ? null : isoDate(year, wire.date.month, wire.date.day);
      const span = { start: l.start + wire.date.start, end: l.start + wire.date.end };
      return { found: date ? { date, from: 'dateline', kind: 'dateline', ...span } : null, markers };
    }

    // A headline, a byline, a label or a prompt: keep looking below it. Prose: the story has begun.
    const headLike = classifyLine(line) !== null || (!TERMINAL.test(line) && line.split(/\s+/u).length <= 16);
    if (!headLike) break;
  }
  return { found: null, markers };
}

export function detectPublished(text: string, hints: PublishedHints = {}): FoundDate | null {
  return scanHead(text, hints).found;
}

// --- wire datelines -------------------------------------------------------------------------------

const CAPS_PLACE = /[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,4}(?=[,(\s:–—_-]|$)/y;
const TITLE_PLACE = /[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2}(?=[,(\s])/y;
const REGION = /,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=[,(\s:–—_-]|$)/y;
const COMMA = /,?\s*/y;
const AGENCY = /\s*\(\s*[A-Za-z][\w&'’./ -]{0,40}\)/y;
const SEP = /\s*(?:[-–—_]{1,2}|:)(?=\s|$)/y;

function sticky(re: RegExp, s: string, pos: number): number | null {
  re.lastIndex = pos;
  const m = re.exec(s);
  return m ? pos + m[0].length : null;
}

export interface WireDateline {
  date: DateParts | null;
  /** The agency or outlet in parentheses: "Reuters" in "BAGHDAD, Oct. 23 (Reuters) -". */
  agency: string | null;
}

function agencyName(line: string, from: number, to: number): string | null {
  const name = line.slice(from, to).replace(/^\s*\(\s*|\s*\)$/g, '').trim();
  return name || null;
}

/** "PLACE[, Region][, DATE] [(Agency)] —" or "DATE —" at the start of a line. */
export function wireDateline(line: string): WireDateline | null {
  const bare = dateAt(line, 0);
  if (bare) {
    const agencyEnd = sticky(AGENCY, line, bare.end);
    const after = agencyEnd ?? bare.end;
    if (sticky(SEP, line, after) !== null) return { date: bare, agency: agencyEnd === null ? null : agencyName(line, bare.end, agencyEnd) };
    return null;
  }
  let caps = true;
  let pos = sticky(CAPS_PLACE, line, 0);
  // An all-capitals place of one short word could be an acronym opening a sentence ("ISIS, which …").
  if (pos === null || !/[A-Z]{3}|[A-Z]\.?\s+[A-Z]/.test(line.slice(0, pos))) {
    caps = false;
    pos = sticky(TITLE_PLACE, line, 0);
  }
  if (pos === null) return null;
  let date: DateParts | null = null;
  for (let i = 0; i < 3; i++) {
    const c = sticky(COMMA, line, pos)!;
    const d = c > pos || caps ? dateAt(line, c) : null;
    if (d) {
      date = { ...d };
      pos = d.end;
      break;
    }
    const r = sticky(REGION, line, pos);
    if (r === null) break;
    pos = r;
  }
  // "Mosul (Iraq) (AFP) -": of several parentheticals, the agency is the last.
  let agency: number | null = null;
  let agencyStart = pos;
  for (let next = sticky(AGENCY, line, pos), i = 0; next !== null && i < 3; next = sticky(AGENCY, line, pos), i++) {
    agencyStart = pos;
    agency = next;
    pos = next;
  }
  const sep = sticky(SEP, line, pos);
  if (agency === null && sep === null) return null;
  if (!caps && !date && agency === null) return null;
  return { date, agency: agency === null ? null : agencyName(line, agencyStart, agency) };
}

// --- the year of a dateline that gives none ----------------------------------------------------------

const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:©\s*)?((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)/gi;
const DATE_START = /\b(?:[A-Z][a-z]{2,8}\.?|[A-Z]{3,9}\.?)\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]|\b\d{4}-\d{2}-\d{2}/g;
const URL_DATE = /\/((?:19|20)\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$)/;

/**
 * The year for a dateline that gives only month and day, when the document states it without ambiguity:
 * a copyright notice, the same month and day written with a year elsewhere in the text, or a dated URL
 * path with the same month. All the evidence must agree on one year; otherwise null (undated).
 */
export function inferYear(d: Pick<DateParts, 'month' | 'day'>, text: string, url: string | null): number | null {
  const years = new Set<number>();
  for (const m of text.matchAll(COPYRIGHT)) years.add(+(m[2] ?? m[1]!));
  for (const m of text.matchAll(DATE_START)) {
    const p = dateAt(text, m.index);
    if (p && p.year !== null && p.month === d.month && p.day === d.day) years.add(p.year);
  }
  const u = url ? URL_DATE.exec(url) : null;
  if (u && +u[2]! === d.month && (u[3] === undefined || +u[3] === d.day)) years.add(+u[1]!);
  return years.size === 1 ? [...years][0]! : null;
}
