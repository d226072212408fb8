import type { Span, TextSpan } from '../core/span.js';
import type { Quantity } from '../extract/quantities/types.js';
import type { PlaceMention } from '../extract/places/types.js';
import { findAttribution, findInterviewee, isGuestSpeaking, isPronounSource, speakerAt, transcriptSpeakers, type Interviewee } from './attribution.js';
import { exclusivity, isContested } from './contested.js';
import { addDays, durationDays, formatInterval, interval, overlap, timexInterval, widen, type DayInterval } from './dates.js';
import { countedThing, isVague, type CountedThing } from './figure-thing.js';
import { km } from './geo.js';
import { outletOf, publishedDay, type SituationDoc } from './input.js';
import type { PlaceEntity } from './places.js';

/** One source's value for a figure, side by side with the others. */
export interface FigureClaim {
  /** The number as stated: the best value, else the bound given. */
  value: number;
  low: number | null;
  high: number | null;
  approx: boolean;
  /** "thousands", "dozens": a magnitude, never a side of a dispute. */
  vague: boolean;
  /** Who says so, as written (or the interviewee's name and organisation); null if unattributed. */
  source: string | null;
  sourceSpan: Span | null;
  documentId: string;
  outlet: string | null;
  published: string | null;
  /** The number's own words. */
  start: number;
  end: number;
  text: string;
  sentence: { start: number; end: number; text: string };
}

export interface Figure {
  id: string;
  /** What is counted, in a report's own words ("ISIS fighters", "people displaced"). */
  what: string;
  key: string;
  where: string | null;
  place: PlaceEntity | null;
  when: DayInterval | null;
  claims: FigureClaim[];
  contested: boolean;
}

/** A claim before grouping: its counted thing, place and period. */
interface Candidate {
  doc: SituationDoc;
  claim: FigureClaim;
  thing: CountedThing;
  place: PlaceEntity | null;
  period: DayInterval | null;
  sentenceIndex: number;
  /** The merged event whose report holds this number, if any. */
  eventId: string | null;
  lowExclusive: boolean;
  highExclusive: boolean;
}

/**
 * Claims about one quantity a few days apart are one figure (a count given on Sunday and on Tuesday);
 * further apart they are a count that changed. The strength of an armed force in a place changes slowly
 * (estimates two weeks apart are estimates of one thing); tallies such as people displaced grow by the day.
 */
const PERIOD_SLACK_DAYS = 3;
const STRENGTH_SLACK_DAYS = 14;
/** Two named places this close are the same place for a figure (a city and its "surroundings"). */
const FIGURE_PLACE_KM = 15;

// "The group's supporters put the number at 7,000": the number refers back to the count just told.
const ANAPHOR = /\b(?:put|puts|putting|placed|places|estimated?|estimates|set|sets|gave|give|gives|raised|lowered|revised)\s+(?:the|this|that|their|its|his|her)\s+(?:number|figure|toll|death toll|count|total|tally|estimate)\s+(?:at|to|as high as|as low as|closer to|nearer)\s*$/i;
// "put the number of Islamic State fighters still in Mosul at as many as 7,000": the thing is named inside.
const NUMBER_OF = /\b(?:put|puts|putting|placed|places|estimated?|estimates|set|sets|gave|give|gives)\s+(?:the|their|its|his|her)\s+(?:number|figure|count|total|tally|toll)\s+of\s+(.{2,100}?)\s+(?:at|to|as high as|as low as)\s*$/i;
const ANAPHOR_BARE = /\b(?:the|that|this)\s+(?:number|figure|toll|count|total|tally)\s+(?:is|was|stands at|stood at|at)\s*$/i;

function extractorSource(q: Quantity): TextSpan | null {
  const x = q as Quantity & { source?: unknown; sources?: unknown };
  const cand = Array.isArray(x.sources) ? x.sources[0] : x.source;
  if (cand && typeof cand === 'object') {
    const c = cand as Partial<TextSpan>;
    if (typeof c.start === 'number' && typeof c.end === 'number' && typeof c.text === 'string') return c as TextSpan;
  }
  return null;
}

interface SentenceView {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  boilerplate: boolean;
}

/** The sentence of a span, run on into the next when that one starts in lower case (a line broken mid-sentence). */
function sentenceView(d: SituationDoc, at: Span): SentenceView | null {
  const sents = d.record.sentences;
  const i = sents.findIndex((s) => s.start <= at.start && at.start < s.end);
  if (i < 0) return null;
  const s = sents[i]!;
  let end = s.end;
  for (let j = i + 1; j < sents.length && j <= i + 2; j++) {
    const next = sents[j]!;
    if (!/^\s*\p{Ll}/u.test(d.text.slice(next.start, next.start + 3))) break;
    end = next.end;
  }
  return { index: i, start: s.start, end, paragraph: s.paragraph, boilerplate: s.kind === 'boilerplate' };
}

/** The place a figure is about: the nearest place named after the number in its sentence, else before it. */
function figurePlace(d: SituationDoc, sent: SentenceView, at: Span): PlaceMention | null {
  const inSent = d.record.places.filter((p) => p.start >= sent.start && p.end <= sent.end);
  if (inSent.length === 0) return null;
  const local = inSent.filter((p) => p.kind !== 'country');
  const pool = local.length > 0 ? local : inSent;
  const after = pool.filter((p) => p.start >= at.end).sort((a, b) => a.start - b.start);
  if (after[0]) return after[0];
  return pool.filter((p) => p.end <= at.start).sort((a, b) => b.start - a.start)[0] ?? null;
}

/** A relative clause between a number and a date: "… 5,000 fighters remain in Mosul, which the group overran in June 2014". */
const RELATIVE = /,\s*(?:which|who|whom|whose|where|when)\b|\b(?:since|after|before)\b/i;

/**
 * The period a figure holds for: the date in its sentence nearest the number (but not one inside a relative
 * clause that tells of something else), a "past month" ending at publication, else the publication day.
 */
function figurePeriod(d: SituationDoc, sent: SentenceView, at: Span): DayInterval | null {
  const pub = publishedDay(d);
  const times = d.record.times
    .filter((t) => t.start >= sent.start && t.end <= sent.end)
    .filter((t) => !RELATIVE.test(t.start >= at.end ? d.text.slice(at.end, t.start) : d.text.slice(t.end, at.start)))
    .sort((a, b) => Math.abs(a.start - at.start) - Math.abs(b.start - at.start));
  for (const t of times) {
    if (t.type === 'DATE' || t.type === 'TIME') {
      const iv = timexInterval(t.value);
      if (iv) return iv;
    }
  }
  for (const t of times) {
    if (t.type !== 'DURATION' || !pub) continue;
    const n = durationDays(t.value);
    // "in the past month", "over the last two weeks": a window ending at publication.
    const ctx = d.text.slice(Math.max(sent.start, t.start - 12), t.end);
    if (n && /\b(?:past|last|previous|recent)\b/i.test(ctx)) return interval(addDays(pub, -n), pub);
  }
  return pub ? interval(pub, pub) : null;
}

function sourceKey(c: FigureClaim): string {
  return c.source ? `${c.documentId}|${c.source.toLowerCase()}` : `${c.documentId}|(unattributed)`;
}

/**
 * Every figure the documents give, claims about one quantity side by side. A claim is a number with
 * a counted thing; claims are one figure when they count the same thing (after normalising the noun and
 * what happened to it), on the same side, at the same place and in the same period.
 */
export function collectFigures(
  docs: readonly SituationDoc[],
  placeOf: (m: PlaceMention) => PlaceEntity | null,
  eventOf: (documentId: string, at: Span) => string | null = () => null,
): Figure[] {
  const candidates: Candidate[] = [];
  for (const d of docs) candidates.push(...docCandidates(d, placeOf, eventOf));
  return groupFigures(candidates);
}

function docCandidates(d: SituationDoc, placeOf: (m: PlaceMention) => PlaceEntity | null, eventOf: (documentId: string, at: Span) => string | null): Candidate[] {
  const out: Candidate[] = [];
  let guest: Interviewee | null | undefined;
  let speakers: TextSpan[] | undefined;
  const qs = [...d.record.quantities].sort((a, b) => a.start - b.start);
  for (const q of qs) {
    const sent = sentenceView(d, q);
    if (!sent || sent.boilerplate) continue;
    // "two-thirds of them": a share of something counted elsewhere, not a count to set against others.
    if (q.proportion) continue;
    const before = d.text.slice(sent.start, q.start);
    const after = d.text.slice(q.end, sent.end);
    let thing = countedThing(q.what, before, after);
    const named = NUMBER_OF.exec(before);
    if (named) thing = countedThing(named[1]!, '', '') ?? thing;
    const placeMention = figurePlace(d, sent, q);
    let place = placeMention ? placeOf(placeMention) : null;
    let period = figurePeriod(d, sent, q);
    if (!named && (ANAPHOR.test(before) || ANAPHOR_BARE.test(before) || (!thing && /\b(?:number|figure|toll|count|total|tally)\b/i.test(before)))) {
      // Refers back to the last count told within the two sentences before.
      const prev = [...out].reverse().find((c) => sent.index - c.sentenceIndex <= 2 && c.sentenceIndex < sent.index);
      if (prev) {
        thing = prev.thing;
        if (!placeMention) place = prev.place;
        period = prev.period;
      }
    }
    if (!thing) continue;
    const sentence = { start: sent.start, end: sent.end, text: d.text.slice(sent.start, sent.end) };
    let source: TextSpan | null = extractorSource(q) ?? findAttribution(d.text, sent, q);
    let label: string | null = source?.text ?? null;
    if (source && isPronounSource(source.text)) {
      // "he said": the nearest earlier named source in the paragraph.
      const prev = [...out].reverse().find((c) => c.claim.source && !isPronounSource(c.claim.source) && c.sentenceIndex >= sent.index - 3);
      if (prev) label = prev.claim.source;
    }
    if (!source) {
      if (speakers === undefined) speakers = transcriptSpeakers(d.text);
      const sp = speakerAt(speakers, sent.start);
      if (sp) {
        source = sp;
        label = sp.text;
      }
    }
    if (!source) {
      if (guest === undefined) guest = findInterviewee(d.text);
      if (guest && isGuestSpeaking(sentence.text, guest)) {
        source = guest.name;
        label = guest.organisation ? `${guest.name.text} (${guest.organisation.text.replace(/^the\s+/i, '')})` : guest.name.text;
      }
    }
    const best = q.best ?? null;
    const value = best ?? q.low ?? q.high;
    if (value == null) continue;
    const ex = exclusivity(d.text.slice(q.start, q.end) + ' ' + before.slice(-14));
    out.push({
      doc: d,
      thing,
      place,
      period,
      sentenceIndex: sent.index,
      eventId: eventOf(d.record.id, q),
      lowExclusive: ex.lowExclusive && q.low != null,
      highExclusive: ex.highExclusive && q.high != null,
      claim: {
        value,
        low: q.low,
        high: q.high,
        approx: q.approx,
        vague: isVague(q.text),
        source: label,
        sourceSpan: source ? { start: source.start, end: source.end } : null,
        documentId: d.record.id,
        outlet: outletOf(d),
        published: publishedDay(d),
        start: q.start,
        end: q.end,
        text: d.text.slice(q.start, q.end),
        sentence,
      },
    });
  }
  return out;
}

function sameSide(a: string | null, b: string | null): boolean {
  return !a || !b || a === b;
}

function samePlace(a: Candidate, b: Candidate): boolean {
  if (!a.place || !b.place) return !a.place && !b.place && a.doc === b.doc;
  if (a.place === b.place) return true;
  return a.place.country === b.place.country && km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= FIGURE_PLACE_KM;
}

/**
 * Counts of what happened in an event (killed, wounded, detained, missing, destroyed) belong to that event:
 * two tolls are one figure only if they are counts of one event. Standing counts (fighters in a city,
 * people displaced) hold for a while, and claims a few days apart are one figure.
 */
const EVENT_COUNTS = new Set(['killed', 'wounded', 'detained', 'missing', 'destroyed']);

/**
 * Can two claims hold for one period? Known periods must meet (with `slack` days). A claim from an undated
 * document (a transcript, a page with no date) cannot be placed in time; for a standing count it may still
 * sit beside claims about the same thing at the same named place (`undatedOk`), since leaving it out would
 * hide a disagreement; for the toll of an event it may not.
 */
function samePeriod(a: Candidate, b: Candidate, slack: number, undatedOk: boolean): boolean {
  if (a.period && b.period) return overlap(widen(a.period, slack), b.period);
  if (a.doc === b.doc) return true;
  return undatedOk && !!a.place && !!b.place;
}

function compatible(a: Candidate, b: Candidate): boolean {
  if (a.thing.key !== b.thing.key || !sameSide(a.thing.side, b.thing.side) || !samePlace(a, b)) return false;
  if (EVENT_COUNTS.has(a.thing.predicate)) {
    if (a.eventId && b.eventId) return a.eventId === b.eventId;
    return samePeriod(a, b, 0, false);
  }
  return samePeriod(a, b, a.thing.predicate === 'present' ? STRENGTH_SLACK_DAYS : PERIOD_SLACK_DAYS, true);
}

function groupFigures(cands: Candidate[]): Figure[] {
  const groups: Candidate[][] = [];
  const byKey = new Map<string, Candidate[][]>();
  for (const c of cands) {
    // Complete linkage, as for events: a claim joins a figure only if it fits every claim already in it.
    const same = byKey.get(c.thing.key) ?? [];
    const g = same.find((g) => g.every((x) => compatible(x, c)));
    if (g) g.push(c);
    else {
      const fresh = [c];
      groups.push(fresh);
      same.push(fresh);
      byKey.set(c.thing.key, same);
    }
  }
  // Contested first, then figures told by several claims, each group in date order.
  return groups
    .map(toFigure)
    .sort(
      (a, b) =>
        Number(b.contested) - Number(a.contested) ||
        Number(b.claims.length > 1) - Number(a.claims.length > 1) ||
        (a.when?.start ?? '9999').localeCompare(b.when?.start ?? '9999') ||
        a.id.localeCompare(b.id),
    );
}

function toFigure(g: Candidate[]): Figure {
  const named = g.find((c) => c.place) ?? g[0]!;
  const label = [...g].sort((a, b) => b.thing.label.length - a.thing.label.length)[0]!.thing.label;
  const periods = g.map((c) => c.period).filter((p): p is DayInterval => !!p);
  const when = periods.length
    ? { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().reverse()[0]! }
    : null;
  const contested = isContested(
    g.map((c) => ({ ...c.claim, best: c.claim.low == null && c.claim.high == null ? c.claim.value : null, lowExclusive: c.lowExclusive, highExclusive: c.highExclusive, sourceKey: sourceKey(c.claim) })),
  );
  const first = g[0]!;
  return {
    id: `fig-${first.claim.documentId}-${first.claim.start}`.replace(/[^\w.-]+/g, '_'),
    what: label,
    key: first.thing.key,
    where: named.place?.name ?? null,
    place: named.place,
    when,
    claims: g.map((c) => c.claim),
    contested,
  };
}

export function describePeriod(p: DayInterval | null): string {
  return p ? formatInterval(p) : 'undated';
}
