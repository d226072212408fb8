import type { Doc } from '../../core/document.js';
import type { Sentence } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { EventDate } from '../events/types.js';
import { dayNumber, formatDay, parseDay } from './calendar.js';
import { durationBefore, precisionOf, timexInterval, type DateInterval } from './interval.js';
import type { TimeMention } from './types.js';

export { timexInterval, durationBefore, precisionOf, type DateInterval } from './interval.js';

/** Where an event date came from: the event's own words, its sentence, its paragraph, or the publication day. */
export type EventDateSource = 'span' | 'sentence' | 'paragraph' | 'publication';

/**
 * The date of an event told in `span` (usually its sentence), as an interval with ACLED time precision
 * (1 a day, 2 within a week, 3 a month or vaguer):
 * 1. the time expressions inside the span, preferring those tied to the event over those dating the
 *    report ("militants attacked on Saturday, officials said Sunday": Saturday; the date of a wire
 *    dateline, "BARTELLA, Oct. 21 --", dates the report too); two days joined by "and"/"to" make one
 *    interval ("on Thursday and Friday"); "since Monday" runs to the publication day, "in the past month"
 *    back from it; a historical year stays a year ("in 2014 ISIS seized…": 2014);
 * 2. else those of the sentence(s) around the span, then of its paragraph, nearest first;
 * 3. a date that only dates the report ("as reported on 21 March 2020") is the event's date with
 *    precision 2, as ACLED codes it;
 * 4. else the day before the publication day through the publication day, precision 2: a report that
 *    gives no day tells of something that happened by the time it was written, most often the day
 *    before (an overnight attack, yesterday's clashes), so neither day alone is known.
 * Not dates of the event: a time of day with no day ("during the early morning hours", "at 3am": the
 *    day is not said, and the publication day is only a guess); a date that names another occurrence by
 *    modifying a noun ("the 2008 election violence", "an October ruling", "the 25 April clashes"); a date
 *    counted from another one ("the following day") in a later sentence, which dates what came after.
 * Returns null for an undated document with no usable date nearby. The result also says where the date
 * came from (`from`, see EventDateSource), for callers that want it.
 */
export function eventDate(doc: Doc, span: Span): EventDate | null {
  const ix = indexOf(doc);
  const dct = doc.publishedDay;
  const text = doc.text;
  const inside = ix.timesWithin(span.start, span.end);
  const found = fromMentions(text, inside, dct, null);
  if (found) return withSource(found, 'span');

  const [first, last] = ix.sentencesAround(span);
  if (first <= last) {
    const sents = ix.sentences;
    const sentSpan = { start: Math.min(span.start, sents[first]!.start), end: Math.max(span.end, sents[last]!.end) };
    const inSentence = ix.timesWithin(sentSpan.start, sentSpan.end).filter((t) => !(t.start >= span.start && t.end <= span.end));
    const s = fromMentions(text, inSentence, dct, span);
    if (s) return withSource(s, 'sentence');
    const [pStart, pEnd] = ix.paragraphBounds(first, last);
    const inParagraph = ix.timesWithin(pStart, pEnd).filter((t) => t.end <= sentSpan.start || t.start >= sentSpan.end);
    const p = fromMentions(text, inParagraph, dct, span);
    if (p) return withSource(p, 'paragraph');
  }
  if (!dct) return null;
  const day = parseDay(dct);
  return withSource({ start: day === null ? dct : formatDay(day - 1), end: dct, precision: 2 }, 'publication');
}

/** The date with where it came from; `from` is an extra field until EventDate declares it. */
function withSource(d: EventDate, from: EventDateSource): EventDate {
  const out = { ...d, from };
  return out;
}

/**
 * The layers eventDate reads, sorted once per document (events call it once per event, so a scan of the
 * layers on every call would make long documents quadratic).
 */
interface DocIndex {
  sentences: readonly Sentence[];
  timesWithin(start: number, end: number): TimeMention[];
  /** Indices of the first and last sentence overlapping the span (first > last when none). */
  sentencesAround(span: Span): [number, number];
  /** Start and end offsets of the paragraphs of sentences first..last. */
  paragraphBounds(first: number, last: number): [number, number];
}

const indexes = new WeakMap<Doc, { times: readonly TimeMention[]; sentences: readonly Sentence[]; index: DocIndex }>();

function indexOf(doc: Doc): DocIndex {
  const times = doc.has('times') ? doc.get('times') : [];
  const sentences = doc.has('sentences') ? doc.get('sentences') : [];
  const cached = indexes.get(doc);
  if (cached && cached.times === times && cached.sentences === sentences) return cached.index;
  const sorted = [...times].sort((a, b) => a.start - b.start || a.end - b.end);
  // Sentences are in text order; a paragraph's bounds are found by walking out from a sentence.
  const index: DocIndex = {
    sentences,
    timesWithin(start, end) {
      const out: TimeMention[] = [];
      for (let i = lowerBound(sorted, start, (t) => t.start); i < sorted.length && sorted[i]!.start < end; i++) {
        const t = sorted[i]!;
        if (t.end <= end) out.push(t);
      }
      return out;
    },
    sentencesAround(span) {
      // The first sentence ending after the span starts; then every one starting before it ends.
      const first = lowerBound(sentences, span.start + 1, (s) => s.end);
      let last = first - 1;
      while (last + 1 < sentences.length && sentences[last + 1]!.start < span.end) last++;
      return [first, last];
    },
    paragraphBounds(first, last) {
      let a = first;
      let b = last;
      while (a > 0 && sentences[a - 1]!.paragraph === sentences[first]!.paragraph) a--;
      while (b + 1 < sentences.length && sentences[b + 1]!.paragraph === sentences[last]!.paragraph) b++;
      return [sentences[a]!.start, sentences[b]!.end];
    },
  };
  indexes.set(doc, { times, sentences, index });
  return index;
}

/** Index of the first item whose key is >= x (items sorted by key). */
function lowerBound<T>(items: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A reporting verb right before an expression makes it the date of the report, not of the event. */
const REPORTING_BEFORE = /\b(?:said|says|say|told|tells|reported|reports|announced|announces|stated|added|claimed|confirmed|according\s+to\s+\S+(?:\s+\S+)?|quoted|wrote|tweeted|posted)\b[^.;:!?]{0,12}$/i;
/** A wire dateline opening a paragraph: "BARTELLA, Iraq, Oct. 21 --", "KABUL, March 3 (Reuters) -". */
const DATELINE_BEFORE = /^[ \t]*\p{Lu}[\p{Lu}\p{L} .'’-]*,[ \t]*(?:\p{Lu}[\p{L}.'’ -]*,[ \t]*)?$/u;
const DATELINE_AFTER = /^,?[ \t]*(?:\d{4}[ \t]*)?(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|—|–|_|-)(?:\s|$)/u;
/** "As reported on 21 March 2020", "Reported on …": ACLED's own wording for a report date. */
const AS_REPORTED = /\b(?:as\s+)?reported\s+(?:on\s+)?$/i;
const JOINED = /^\s*(?:,\s*)?(?:and|or|to|through|till|until|-|–|—)\s*(?:on\s+)?$/i;

/** "the following day", "the next morning", "two days later": counted from a day told before. */
const COUNTED_FROM_ANOTHER = /\b(?:following|next|subsequent)\s+(?:day|morning|afternoon|evening|night|week|weekend)\b|\blater\b|\bafterwards?\b/i;

interface Candidate {
  mention: TimeMention;
  interval: DateInterval;
  reporting: boolean;
}

/** A time of day with no day of its own: "the early morning", "the night", "3am", "18h20". */
function dayless(t: TimeMention): boolean {
  if (!/T/.test(t.value)) return false;
  return !DAY_WORD.test(t.text);
}
const DAY_WORD = /\b(?:today|tonight|this|yesterday|last|overnight|previous|following|next|same|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,}|\p{L}{3,}\.?\s+\d{1,2}\b|\d+[/.-]\d+|\d{4}/iu;
/**
 * A determiner before and a noun after, the phrase governed by a preposition: the date names another
 * occurrence the event is tied to ("survivors of the 2008 election violence", "a reprisal for the 25 April
 * clashes", "over an October ruling"). "The Friday attack killed ..." is the event itself and is kept.
 */
const DETERMINER_BEFORE = /\b(?:for|over|after|against|of|since|following|before|to|about|from|by)\s+(?:the|an?|his|her|its|their|this|that|last\s+year's)\s+$/i;
const NOUN_AFTER = /^[ \t]+(?!(?:and|or|to|of|in|on|at|by|for|from|with|when|as|after|before|until|till|that|which|who|is|was|were|are|had|has|have|the|a|an)\b)(?:[-\p{Ll}]+\s+)?(?:election|elections|vote|poll|polls|ruling|verdict|decision|judgment|judgement|attack|attacks|clash|clashes|violence|incident|incidents|events?|massacre|killings?|riots?|protests?|strike|strikes|coup|raid|agreement|accord|deal|ceasefire|arrest|arrests|operation|offensive|crisis|war|uprising|bombing|ambush|abduction|kidnapping|murder|deadline|budget|law|referendum|victory|win|result|results|primaries|primary|reprisals?|unrest|demonstrations?|meeting|summit|statement|report)\b/iu;

function modifiesNoun(text: string, t: TimeMention): boolean {
  if (!NOUN_AFTER.test(text.slice(t.end, t.end + 40))) return false;
  // The mention may hold its own determiner ("the 3 May").
  const det = /^(?:the|an?)\s+/i.exec(t.text);
  const before = det ? text.slice(Math.max(0, t.start - 40), t.start) + det[0] : text.slice(Math.max(0, t.start - 60), t.start);
  return DETERMINER_BEFORE.test(before);
}

function candidateOf(text: string, t: TimeMention, dct: string | null): Candidate | null {
  const before = text.slice(Math.max(0, t.start - 60), t.start);
  if (dayless(t)) return null;
  if (modifiesNoun(text, t)) return null;
  // A dateline opens its line: look back at most 80 characters for the line start (never scan the text).
  const window = text.slice(Math.max(0, t.start - 80), t.start);
  const nl = window.lastIndexOf('\n');
  const lineHead = nl >= 0 ? window.slice(nl + 1) : t.start <= 80 ? window : null;
  const dateline = lineHead !== null && DATELINE_BEFORE.test(lineHead) && DATELINE_AFTER.test(text.slice(t.end, t.end + 48));
  const reporting = REPORTING_BEFORE.test(before) || AS_REPORTED.test(before) || dateline;
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
  // "The protest turned violent the following day": a date counted from another one, told after the
  // event, dates what came next.
  const usable = near ? mentions.filter((t) => !((t.anchor === 'reference' || COUNTED_FROM_ANOTHER.test(t.text)) && t.start >= near.end)) : mentions;
  const cands = usable.map((t) => candidateOf(text, t, dct)).filter((c): c is Candidate => c !== null);
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
    // "On 11-12 March": the nearest may be the second of the pair; its first joins too.
    for (let j = i - 1; j >= 0; j--) {
      if (!JOINED.test(text.slice(events[j]!.mention.end, events[j + 1]!.mention.start))) break;
      result = union(result, events[j]!.interval);
    }
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

