import type { Fatalities } from './types.js';
import type { Span } from '../../core/span.js';

/**
 * ACLED codes one event per place and day, and divides a total told over several places or days evenly among
 * them (codebook, fatalities: "12 over 3 days: 4 each"; any leftover goes to the first). sitrep codes the first
 * of those events, so an event whose own sentence spreads its dead over N places or days carries the share
 * most of the N events get: the total over N, rounded ("killed 35 in three villages" is 12, 12 and 11: 12).
 *
 * The ways a toll is spread, multiplied (two places over two days are four events):
 * - a coding note: "fatalities split between four events", "Two events coded at ...";
 * - days: "over two days", "a three-day clash", "three days of fighting", "in the past two days", "11-12 March";
 * - places: a list of two or more names after a place word ("in A, B and C", "at the villages of A and B",
 *   "in A and B districts"), none of them an actor, a time or a country.
 * A figure only words give ("several", "a number of": ACLED's 10 for an unknown number) is the figure of each
 * event and is not divided.
 */
export function splitToll(f: Fatalities | null, ways: number): Fatalities | null {
  if (!f || ways <= 1 || f.best === null || f.best === 0) return f;
  const share = (n: number | null) => (n === null ? null : Math.round(n / ways));
  return { low: share(f.low), best: share(f.best), high: share(f.high) };
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const N = String.raw`(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)`;

function numberOf(w: string): number {
  return NUMBER_WORDS[w.toLowerCase()] ?? Number(w);
}

/** The number of events a coding note says the fatalities are split between, else 1. */
export function notedWays(text: string): number {
  const split = new RegExp(String.raw`\bfatalities\s+(?:are\s+|were\s+|have\s+been\s+)?split\s+(?:between|across|among|over|into)\s+(?:the\s+)?\(?${N}\)?\s+(?:separate\s+)?(?:events|locations|places|days)\b`, 'i').exec(text);
  if (split) return numberOf(split[1]!);
  const coded = new RegExp(String.raw`\b${N}\s+events\s+(?:were\s+|are\s+)?coded\b`, 'i').exec(text);
  return coded ? numberOf(coded[1]!) : 1;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORD = String.raw`(?:st|nd|rd|th)?`;

/** The number of days a sentence spreads its act over, else 1. */
export function dayWays(sentence: string): number {
  const patterns = [
    new RegExp(String.raw`\b(?:over|during|in|across)\s+(?:the\s+(?:past|last)\s+)?${N}\s+(?:consecutive\s+|successive\s+|straight\s+|non-consecutive\s+)?days\b`, 'i'),
    new RegExp(String.raw`\b${N}[-\s]day\s+(?:long\s+)?(?:[a-z]+\s+)?(?:operation|offensive|clash|clashes|fight|fighting|battle|raid|attack|assault|siege|conflict|violence|protest|unrest)\b`, 'i'),
    new RegExp(String.raw`\b${N}\s+days\s+of\s+(?:heavy\s+|fierce\s+|intense\s+)?(?:clashes|fighting|violence|attacks|battles|raids|unrest|riots|protests)\b`, 'i'),
  ];
  for (const re of patterns) {
    const m = re.exec(sentence);
    if (m) return Math.min(7, numberOf(m[1]!));
  }
  // "On 11-12 March", "March 11-12", "1st-2nd June": a span of consecutive days. ("between 3 and 9 May" is
  // a window the act happened in, not days of activity.)
  const range = new RegExp(String.raw`(?<!between\s)\b(\d{1,2})${ORD}\s*[-–]\s*(\d{1,2})${ORD}\s+${MONTH}(?![a-z])|\b${MONTH}\s+(\d{1,2})${ORD}\s*[-–]\s*(\d{1,2})${ORD}\b`, 'i').exec(sentence);
  if (range) {
    const a = Number(range[1] ?? range[3]);
    const b = Number(range[2] ?? range[4]);
    // (A longer range is rather the window an act happened in: "fighting in the region 5-10 July".)
    if (b > a && b - a < 3) return b - a + 1;
  }
  return 1;
}

const PLACE_NOUN = String.raw`(?:villages?|towns?|areas?|localities|locality|communities|hamlets?|settlements?|districts?|counties|provinces|regions|municipalities|neighbou?rhoods|camps?|LGAs?|local\s+government\s+areas?)`;
const NAME = String.raw`[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*){0,2}`;
const LIST = new RegExp(String.raw`\b(?:in|at|near|around|across|(?:the\s+)?${PLACE_NOUN}\s+of)\s+(?:the\s+)?((?:${NAME}\s*,\s*)*${NAME}\s*,?\s+(?:and|&)\s+${NAME})(\s+${PLACE_NOUN})?`, 'gu');
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * The number of places a sentence lists as where its act happened, else 1. `avoid` holds spans (offsets in
 * `sentence`) of names that are actors, countries or times.
 */
export function placeWays(sentence: string, avoid: readonly Span[]): number {
  let best = 1;
  LIST.lastIndex = 0;
  for (let m = LIST.exec(sentence); m; m = LIST.exec(sentence)) {
    const listStart = m.index + m[0].indexOf(m[1]!);
    const names: { text: string; start: number }[] = [];
    const re = new RegExp(NAME, 'gu');
    for (let n = re.exec(m[1]!); n; n = re.exec(m[1]!)) names.push({ text: n[0], start: listStart + n.index });
    // "a dispute between the towns of A and B" names the sides; "the A and B axis" one road between places.
    if (/\bbetween\s+$/i.test(sentence.slice(Math.max(0, m.index - 9), m.index)) || /^\s*(?:axis|axes|road|roads|route|highway|corridor|border|bridge)\b/i.test(sentence.slice(m.index + m[0].length))) continue;
    const bad = names.some((n) => TIME_WORD.test(n.text) ||
      avoid.some((s) => s.start < n.start + n.text.length && n.start < s.end));
    if (bad || names.length < 2) continue;
    best = Math.max(best, Math.min(15, names.length));
  }
  return best;
}
