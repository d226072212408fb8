import { addDays, durationDays, interval, timexInterval, type DayInterval } from '../../core/days.js';
import { indexHolding, within } from '../../core/span-index.js';
import type { Span, TextSpan } from '../../core/span.js';
import type { DocView } from '../doc-view.js';
import type { PlaceMention } from '../places/types.js';
import type { Quantity } from '../quantities/types.js';
import { findInterviewee, isGuestSpeaking, isPronounSource, speakerAt, transcriptSpeakers, type Interviewee } from './attribution.js';
import { countedThing, isVague, type CountedThing } from './counted-thing.js';
import type { FigureMention } from './types.js';

// "The group's supporters put the number at 7,000": the number refers back to the count just told.
const ANAPHOR = /\b(?:put|puts|putting|placed|places|estimated?|estimates|set|sets|gave|give|gives|raised|lowered|revised)\s+(?:the|this|that|their|its|his|her)\s+(?:number|figure|toll|death toll|count|total|tally|estimate)\s+(?:at|to|as high as|as low as|closer to|nearer)\s*$/i;
// "put the number of Islamic State fighters still in Mosul at as many as 7,000": the thing is named inside.
const NUMBER_OF = /\b(?:put|puts|putting|placed|places|estimated?|estimates|set|sets|gave|give|gives)\s+(?:the|their|its|his|her)\s+(?:number|figure|count|total|tally|toll)\s+of\s+(.{2,100}?)\s+(?:at|to|as high as|as low as)\s*$/i;
const ANAPHOR_BARE = /\b(?:the|that|this)\s+(?:number|figure|toll|count|total|tally)\s+(?:is|was|stands at|stood at|at)\s*$/i;

/** Hedge words that make a bound strict, read from the claim's own words. */
export function exclusivity(text: string): { lowExclusive: boolean; highExclusive: boolean } {
  return {
    lowExclusive: /\b(?:more than|over|above|exceeding|upwards of|in excess of)\b/i.test(text),
    highExclusive: /\b(?:fewer than|less than|under|below)\b/i.test(text),
  };
}

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
  boilerplate: boolean;
}

/** The sentence of a span, run on into the next when that one starts in lower case (a line broken mid-sentence). */
function sentenceView(d: DocView, at: Span): SentenceView | null {
  const sents = d.sentences;
  const i = indexHolding(sents, at.start);
  if (i < 0) return null;
  const s = sents[i]!;
  let end = s.end;
  for (let j = i + 1; j < sents.length && j <= i + 2; j++) {
    const next = sents[j]!;
    if (!/^\s*\p{Ll}/u.test(d.text.slice(next.start, next.start + 3))) break;
    end = next.end;
  }
  return { index: i, start: s.start, end, boilerplate: s.kind === 'boilerplate' };
}

/** The place a figure is about: the nearest place named after the number in its sentence, else before it. */
function figurePlace(d: DocView, sent: SentenceView, at: Span): PlaceMention | null {
  const inSent = within(d.places, sent.start, sent.end);
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
function figurePeriod(d: DocView, sent: SentenceView, at: Span): DayInterval | null {
  const pub = d.publishedDay;
  const times = within(d.times, sent.start, sent.end)
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

interface Read {
  item: FigureMention;
  thing: CountedThing;
  placeMention: PlaceMention | null;
}

/**
 * Every number of the document read as a claim about a counted thing (a number that counts nothing
 * nameable, a share of something counted elsewhere and page furniture are left out). Anaphora ("put the
 * number at 7,000") takes the counted thing, place and period of the count told in the two sentences before.
 */
export function readFigures(d: DocView): FigureMention[] {
  const out: Read[] = [];
  let guest: Interviewee | null | undefined;
  let speakers: TextSpan[] | undefined;
  const placeIndex = new Map(d.places.map((p, i) => [p, i]));
  const order = d.quantities.map((q, i) => ({ q, i })).sort((a, b) => a.q.start - b.q.start);
  for (const { q, i } of order) {
    const sent = sentenceView(d, q);
    if (!sent || sent.boilerplate) continue;
    // "two-thirds of them": a share of something counted elsewhere, not a count to set against others.
    if (q.proportion) continue;
    const before = d.text.slice(sent.start, q.start);
    const after = d.text.slice(q.end, sent.end);
    let thing = countedThing(q.what, before, after);
    const named = NUMBER_OF.exec(before);
    if (named) thing = countedThing(named[1]!, '', '') ?? thing;
    let placeMention = figurePlace(d, sent, q);
    let period = figurePeriod(d, sent, q);
    if (!named && (ANAPHOR.test(before) || ANAPHOR_BARE.test(before) || (!thing && /\b(?:number|figure|toll|count|total|tally)\b/i.test(before)))) {
      // Refers back to the last count told within the two sentences before.
      const prev = [...out].reverse().find((c) => sent.index - c.item.sentence.index <= 2 && c.item.sentence.index < sent.index);
      if (prev) {
        thing = prev.thing;
        if (!placeMention) placeMention = prev.placeMention;
        period = prev.item.period;
      }
    }
    if (!thing) continue;
    const value = q.best ?? q.low ?? q.high;
    if (value == null) continue;
    // Who says so comes from the one attribution component (extract/claims/attribution.ts, on the parse),
    // attached to the quantity; transcripts add their speakers below.
    let source: TextSpan | null = extractorSource(q);
    let label: string | null = source?.text ?? null;
    if (source && isPronounSource(source.text)) {
      // "he said": the nearest earlier named source in the paragraph; a pronoun alone names no one.
      const prev = [...out].reverse().find((c) => c.item.sourceLabel && !isPronounSource(c.item.sourceLabel) && c.item.sentence.index >= sent.index - 3);
      if (prev) label = prev.item.sourceLabel;
      else if (/^(?:he|she|they|it|we)$/i.test(source.text.trim())) {
        source = null;
        label = null;
      }
    }
    const sentenceText = d.text.slice(sent.start, sent.end);
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
      if (guest && isGuestSpeaking(sentenceText, guest)) {
        source = guest.name;
        label = guest.organisation ? `${guest.name.text} (${guest.organisation.text.replace(/^the\s+/i, '')})` : guest.name.text;
      }
    }
    const ex = exclusivity(d.text.slice(q.start, q.end) + ' ' + before.slice(-14));
    out.push({
      thing,
      placeMention,
      item: {
        start: q.start,
        end: q.end,
        text: d.text.slice(q.start, q.end),
        quantity: i,
        head: thing.head,
        predicate: thing.predicate,
        label: thing.label,
        what: thing.what,
        vague: isVague(q.text),
        lowExclusive: ex.lowExclusive && q.low != null,
        highExclusive: ex.highExclusive && q.high != null,
        place: placeMention ? (placeIndex.get(placeMention) ?? null) : null,
        period,
        sentence: { start: sent.start, end: sent.end, index: sent.index },
        source: source ? { start: source.start, end: source.end, text: source.text } : null,
        sourceLabel: label,
      },
    });
  }
  return out.map((r) => r.item);
}
