import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { EventDate } from '../events/types.js';
import { dayNumber, parseDay } from './calendar.js';
import { durationBefore, precisionOf, timexInterval, type DateInterval } from './interval.js';
import type { TimeMention } from './types.js';

export { timexInterval, durationBefore, precisionOf, type DateInterval } from './interval.js';

/**
 * The date of an event told in `span` (usually its sentence), as an interval with ACLED time precision
 * (1 a day, 2 within a week, 3 a month or vaguer):
 * 1. the time expressions inside the span, preferring those tied to the event over those dating the
 *    report ("militants attacked on Saturday, officials said Sunday": Saturday); two days joined by
 *    "and"/"to" make one interval ("on Thursday and Friday"); "since Monday" runs to the publication day,
 *    "in the past month" back from it; a historical year stays a year ("in 2014 ISIS seized…": 2014);
 * 2. else those of the sentence(s) around the span, then of its paragraph, nearest first;
 * 3. a date that only dates the report ("as reported on 21 March 2020") is the event's date with
 *    precision 2, as ACLED codes it;
 * 4. else the publication day with precision 2.
 * Returns null for an undated document with no usable date nearby.
 */
export function eventDate(doc: Doc, span: Span): EventDate | null {
  const times = doc.has('times') ? doc.get('times') : [];
  const dct = doc.publishedDay;
  const text = doc.text;
  const inside = times.filter((t) => t.start >= span.start && t.end <= span.end);
  const found = fromMentions(text, inside, dct, null);
  if (found) return found;

  const sentences = doc.has('sentences') ? doc.get('sentences') : [];
  const around = sentences.filter((s) => s.start < span.end && span.start < s.end);
  if (around.length > 0) {
    const sentSpan = { start: Math.min(span.start, around[0]!.start), end: Math.max(span.end, around[around.length - 1]!.end) };
    const inSentence = times.filter((t) => t.start >= sentSpan.start && t.end <= sentSpan.end && !(t.start >= span.start && t.end <= span.end));
    const s = fromMentions(text, inSentence, dct, span);
    if (s) return s;
    const paragraphs = new Set(around.map((x) => x.paragraph));
    const para = sentences.filter((x) => paragraphs.has(x.paragraph));
    const paraSpan = { start: para[0]!.start, end: para[para.length - 1]!.end };
    const inParagraph = times.filter((t) => t.start >= paraSpan.start && t.end <= paraSpan.end && (t.end <= sentSpan.start || t.start >= sentSpan.end));
    const p = fromMentions(text, inParagraph, dct, span);
    if (p) return p;
  }
  return dct ? { start: dct, end: dct, precision: 2 } : null;
}

/** A reporting verb right before an expression makes it the date of the report, not of the event. */
const REPORTING_BEFORE = /\b(?:said|says|say|told|tells|reported|reports|announced|announces|stated|added|claimed|confirmed|according\s+to\s+\S+(?:\s+\S+)?|quoted|wrote|tweeted|posted)\b[^.;:!?]{0,12}$/i;
/** "As reported on 21 March 2020", "Reported on …": ACLED's own wording for a report date. */
const AS_REPORTED = /\b(?:as\s+)?reported\s+(?:on\s+)?$/i;
const JOINED = /^\s*(?:,\s*)?(?:and|or|to|through|till|until|-|–|—)\s*(?:on\s+)?$/i;

interface Candidate {
  mention: TimeMention;
  interval: DateInterval;
  reporting: boolean;
}

function candidateOf(text: string, t: TimeMention, dct: string | null): Candidate | null {
  const before = text.slice(Math.max(0, t.start - 60), t.start);
  const reporting = REPORTING_BEFORE.test(before) || AS_REPORTED.test(before);
  let interval: DateInterval | null = null;
  if (t.type === 'DATE' || t.type === 'TIME') {
    interval = timexInterval(t.value);
    // "since Monday": from that day to the publication day.
    if (interval && dct && /\bsince\s*$/i.test(before)) {
      const from = parseDay(interval.start)!;
      const to = parseDay(dct)!;
      if (to >= from) interval = { start: interval.start, end: dct, precision: precisionOf(to - from + 1) };
    }
  } else if (t.type === 'DURATION' && dct) {
    // "in the past month", "over the last two weeks": back from the publication day.
    if (/^(?:the\s+)?(?:past|last)\b/i.test(t.text) || /\b(?:the\s+)?(?:past|last)\s*$/i.test(before)) interval = durationBefore(t.value, dct);
  }
  return interval ? { mention: t, interval, reporting } : null;
}

/** Join two intervals; the precision is that of the wider stretch. */
function union(a: DateInterval, b: DateInterval): DateInterval {
  const start = a.start < b.start ? a.start : b.start;
  const end = a.end > b.end ? a.end : b.end;
  const days = dayNumber(+end.slice(0, 4), +end.slice(5, 7), +end.slice(8, 10)) - dayNumber(+start.slice(0, 4), +start.slice(5, 7), +start.slice(8, 10)) + 1;
  const p = Math.max(a.precision, b.precision, precisionOf(days)) as DateInterval['precision'];
  return { start, end, precision: p };
}

/**
 * The event date from a set of mentions. With `near` (context outside the event's span), the mention
 * nearest to it is taken, the ones before it first; inside the span, the first.
 */
function fromMentions(text: string, mentions: readonly TimeMention[], dct: string | null, near: Span | null): EventDate | null {
  const cands = mentions.map((t) => candidateOf(text, t, dct)).filter((c): c is Candidate => c !== null);
  if (cands.length === 0) return null;
  const events = cands.filter((c) => !c.reporting);
  if (events.length > 0) {
    let order = events;
    if (near) {
      const dist = (c: Candidate) => (c.mention.end <= near.start ? near.start - c.mention.end : 10_000 + c.mention.start - near.end);
      order = [...events].sort((a, b) => dist(a) - dist(b));
    }
    const first = order[0]!;
    let result = first.interval;
    // "on Thursday and Friday", "from 21 to 23 March": neighbours joined by "and"/"to" are one stretch.
    const i = events.indexOf(first);
    for (let j = i + 1; j < events.length; j++) {
      const prev = events[j - 1]!.mention;
      const next = events[j]!;
      if (!JOINED.test(text.slice(prev.end, next.mention.start))) break;
      result = union(result, next.interval);
    }
    return { start: result.start, end: result.end, precision: result.precision };
  }
  const reported = cands[0]!.interval;
  return { start: reported.start, end: reported.end, precision: Math.max(2, reported.precision) as EventDate['precision'] };
}

