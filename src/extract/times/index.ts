import type { Doc } from '../../core/document.js';
import type { Sentence, Token } from '../../core/layers.js';
import type { Component } from '../../core/pipeline.js';
import type { Span } from '../../core/span.js';
import { parseDay } from './calendar.js';
import type { Parser, Proposal, RefineContext, Refiner } from './proposal.js';
import { clockTime } from './parsers/clock.js';
import { duration } from './parsers/duration.js';
import { holiday } from './parsers/holiday.js';
import { monthDate } from './parsers/month-date.js';
import { month } from './parsers/month.js';
import { numericDate } from './parsers/numeric-date.js';
import { ordinalDay } from './parsers/ordinal-day.js';
import { quarter } from './parsers/quarter.js';
import { reference } from './parsers/reference.js';
import { relativeDay } from './parsers/relative-day.js';
import { relativeUnit } from './parsers/relative-unit.js';
import { set } from './parsers/set.js';
import { weekday } from './parsers/weekday.js';
import { year } from './parsers/year.js';
import { anchorAll } from './refiners/anchor.js';
import { filterNames } from './refiners/filter-names.js';
import { filterTitles } from './refiners/filter-titles.js';
import { keepInText } from './refiners/keep-in-text.js';
import { mergeAdjacent } from './refiners/merge-adjacent.js';
import { resolveOverlaps } from './refiners/resolve-overlaps.js';
import { triggerInputs } from './triggers.js';
import type { TimeMention } from './types.js';

/**
 * Temporal expressions (TIMEX3), resolved against the publication date.
 *
 * Parsers, from the most to the least specific (between two equally long overlapping proposals, the
 * one listed first wins):
 */
export const PARSERS: readonly Parser[] = [
  numericDate, //  2020-03-21, 21/03/2020
  monthDate, //    21 March 2020, March 21, Oct. 23, Friday, Oct. 23, 21-23 March
  month, //        March 2020, in January, last November, mid-November
  quarter, //      the third quarter, Q3 2020, the first half, the quarter, the year-ago period
  holiday, //      Christmas, New Year's Day, Easter
  weekday, //      Saturday, last Friday, Tuesday night, every Friday
  relativeDay, //  today, yesterday, tonight, this morning, last night, overnight
  relativeUnit, // this week, last month, early next year, two years ago, the next day, that year
  clockTime, //    10:35 a.m., 0735 GMT, noon, at dawn
  year, //         in 2014, fiscal 1989, the 1990s, the 20th century
  ordinalDay, //   on the 23rd
  duration, //     two years, more than two years, several days, the past month, 30-year
  set, //          daily, every day, twice a week
  reference, //    now, currently, recently, the past, the future
];

/** Refiners, in order; the anchoring refiner (past bias, reference time) runs last and makes the values. */
export const REFINERS: readonly Refiner[] = [
  keepInText, //   not in page furniture, not across a paragraph break, not in an address
  filterNames, //  not "Sunday Times", "Bloody Sunday", "March Madness"
  filterTitles, // not "This Week" (a programme), "60 Minutes", "High Noon"
  resolveOverlaps(PARSERS.map((p) => p.name)), // longest first, then parser order
  mergeAdjacent, // "10:35 a.m. Friday" is one expression
];

/** Sentences, or the text as one sentence when there are none (the layer may be empty for odd input). */
function sentenceFinder(doc: Doc): (offset: number) => Span {
  const sentences: Sentence[] = doc.has('sentences') ? doc.get('sentences') : [];
  const whole = { start: 0, end: doc.text.length };
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return whole;
  };
}

/** What the document's other layers tell the anchoring refiner; without them the text alone is read. */
export interface TextLayers {
  /** The sentence around an offset (with its kind: 'heading' for a headline). */
  sentenceAt?: (offset: number) => Span & { kind?: string };
  /** The part of speech of the token starting at an offset, if any. */
  posAt?: (offset: number) => string | undefined;
}

/** The part of speech of the token starting at an offset (tokens are sorted by start). */
function posFinder(doc: Doc): (offset: number) => string | undefined {
  const tokens: Token[] = doc.has('tokens') ? doc.get('tokens') : [];
  return (offset) => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = tokens[mid]!;
      if (t.start === offset) return t.pos;
      if (t.start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/** Run the parsers and refiners over a text; the component and the tests both come through here. */
export function findTimes(text: string, published: string | null, excluded: readonly Span[] = [], layers: TextLayers = {}): TimeMention[] {
  const ctx: RefineContext = { text, excluded };
  let proposals: Proposal[] = [];
  const inputs = triggerInputs(text, PARSERS);
  PARSERS.forEach((parser, i) => proposals.push(...parser.parse(inputs[i]!)));
  for (const refiner of REFINERS) proposals = refiner.refine(proposals, ctx);
  const whole = { start: 0, end: text.length };
  return anchorAll(proposals, {
    text,
    published: published ? parseDay(published) : null,
    sentenceAt: layers.sentenceAt ?? (() => whole),
    ...(layers.posAt ? { posAt: layers.posAt } : {}),
  });
}

export const times: Component = {
  name: 'times',
  needs: ['sentences', 'tokens'],
  adds: ['times'],
  run(doc) {
    const excluded: Span[] = doc.has('boilerplate') ? [...doc.get('boilerplate')] : [];
    for (const s of doc.get('sentences')) if (s.kind === 'boilerplate') excluded.push(s);
    doc.set('times', findTimes(doc.text, doc.publishedDay, excluded, { sentenceAt: sentenceFinder(doc), posAt: posFinder(doc) }));
  },
};
