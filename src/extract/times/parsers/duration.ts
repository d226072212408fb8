import { durationValue, unitOf } from '../duration-value.js';
import { NUMBER, numberValue, SP, UNIT_WORDS } from '../lexicon.js';
import { AMOUNT_HEDGE, amountMod } from '../mods.js';
import { fixed, proposal, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, scan, wordBefore } from '../scan.js';

/**
 * Lengths of time: "two years", "more than two years", "several days", "the past month", "the past two
 * years", "the next few days", "the first nine months", "2 1/2 hours", "a year and a half", "half an
 * hour", the adjectives "30-year", "five-hour", "decades-long", and bare plurals after a word that
 * takes a length ("for years", "within days"). "Recent years" and "the coming weeks" are vague periods.
 * A quantity of time after a count of occurrences is a SET ("twice a week"); after an amount it is a
 * rate, part of the quantity, and no time ("$5 a year", "24 hours a day").
 * People's ages ("a 44-year-old", "52 years old", "her 6-month-old son") are not times; the age of a
 * thing is ("an 8-month-old truce", "the fight is a month old", "a decades-old dispute").
 */
const UNITS = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)';
const VAGUE = `(?:several|a${SP}few|few|many|some|a${SP}couple${SP}of|a${SP}couple|couple${SP}of|a${SP}number${SP}of|numerous|countless|dozens${SP}of|hundreds${SP}of|thousands${SP}of)`;
const LEAD = '(?:past|last|next|first|final|latest|previous|coming|following|remaining|initial|ensuing|intervening|preceding|subsequent|succeeding|same|full|entire|whole|last-ditch)';
const ADJ = '(?:more|additional|extra|further|full|straight|consecutive|long|short|trading|business|working|calendar|successive|whole|entire|agonizing|intense|tense|brief)';
const FRACTION = `(?:${SP}(?:and${SP})?(?:a${SP})?half|${SP}1\\/2|\\s?½)`;

const AMOUNT_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}$€£.,-])(?:(?<hedge>${AMOUNT_HEDGE})${SP})?(?:(?<the>the|these|those|its|their|his|her|our)${SP}(?:(?<lead>${LEAD})${SP})?)?` +
      `(?:(?<half>half${SP}(?:an?|one)${SP})(?<hunit>${UNITS})|(?:(?<lo>${NUMBER})${SP}?(?:to|or|-|–)${SP}?)?(?<n>${NUMBER}|${VAGUE}|an?|one)(?<frac1>${FRACTION})?${SP}(?:(?<adj>${ADJ})${SP})?(?<unit>${UNITS})(?<frac2>${SP}and${SP}an?${SP}half)?)` +
      `(?<orso>${SP}or${SP}so)?(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giud',
  ),
  { words: UNIT_WORDS, reach: 64 },
);

// "the past month", "the next year": one unit, with a leading word that makes it a stretch of time.
const ONE_UNIT_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<hedge>${AMOUNT_HEDGE})${SP})?the${SP}(?<lead>past|last|next|first|final|entire|whole)${SP}(?<unit>hour|day|week|weekend|month|year|decade|century)(?![\\p{L}\\p{N}]|-\\p{L}|['’]s)`,
    'giud',
  ),
  { words: ['hour', 'day', 'week', 'weekend', 'month', 'year', 'decade', 'century'], reach: 48 },
);

// "30-year", "five-hour", "two-week", "decades-long", "day-long", "an hour-long", "8-month-old"; not "44-year-old".
const ADJECTIVE_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}$.,-])(?:(?<n>\\d+(?:\\.\\d+)?|${NUMBER}|half|one|a)-|(?<vague>multi-|several-))?(?<unit>second|minute|hour|day|night|week|month|year|decade|century|years|decades|months|weeks|days|hours|centuries)(?<long>-long|-old(?![\\p{L}]))?(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giud',
  ),
  { words: UNIT_WORDS, reach: 24 },
);

// "for years", "within days", "after months of talks", "in decades".
const BARE_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?<prep>for|within|in|over|after|took|take|takes|taking|lasted|lasting|last|lasts|spent|spend|spending|than|following|follows|followed|amid|despite|ending|ended|ends|endured|with)${SP}(?<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?<alt>${SP}(?:or|and|to)${SP}(?:seconds|minutes|hours|days|weeks|months|years|decades))?(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries'], reach: 10 },
);

// "recent years", "the coming weeks", "the weeks ahead", "past years".
const VAGUE_PERIOD_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<the>the)${SP})?(?:(?<adj>recent|coming|past|upcoming|last${SP}few|past${SP}few|next${SP}few|first|early|final|closing|opening)${SP}(?<unit>hours|days|weeks|months|years|decades|quarters)|(?<unit2>days|weeks|months|years)${SP}(?<ahead>ahead|to${SP}come))(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: ['hours', 'days', 'weeks', 'months', 'years', 'decades', 'quarters'], reach: 20 },
);

/** A length of time right after an amount, "once" or "times" is a rate ("$5 million a year", "twice a week"). */
function isRate(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  return /(?:\d%?|%|\b(?:once|twice|thrice|times|million|billion|trillion|thousand|hundred|dozen|percent|per\s?cent|\w+s)\b)\s*[)]?\s*$/i.test(before) &&
    !/\b(?:for|in|of|over|after|than|within|about|the|past|last|next|least|nearly|almost|only|is|was|takes|took|as|this|his|its|has|does|us)\s*$/i.test(before);
}

/** "once", "twice", "thrice", "times" right before a rate: a count of occurrences. */
const FREQUENCY_BEFORE = /\b(?:once|twice|thrice|times)\s*$/i;

/** Nouns an age in months or weeks belongs to a person by. */
const PERSON = /^\s+(?:son|daughter|baby|babies|boy|girl|child|children|infant|infants|toddler|grandson|granddaughter|brother|sister|twins?|nephew|niece)\b/i;

/** Is the age ending at `after` a person's? Ages in years with a number are (almost always) people's. */
function isPersonAge(text: string, after: number, unit: string, counted: boolean): boolean {
  if (unit === 'year' && counted) return true;
  return PERSON.test(text.slice(after, after + 14));
}

function amount(text: string, m: RegExpExecArray): Proposal | null {
  const g = m.groups!;
  const unitWord = g.unit ?? g.hunit!;
  const unit = unitOf(unitWord);
  if (!unit) return null;
  const end = m.index + m[0].length;
  // "52 years old" is a person's age; "a month old" the age of a thing.
  if (/^\s+old\b/i.test(text.slice(end, end + 5)) && isPersonAge(text, end + text.slice(end).indexOf('old') + 3, unit, true)) return null;
  // A count before "of" + plural is a count of things ("two years of age" is an age, "three days' pay" fine).
  if (/^\s+of\s+age\b/i.test(text.slice(end, end + 8))) return null;
  let n: number | null;
  if (g.half) n = 0.5;
  else {
    const raw = g.n!;
    n = numberValue(raw);
    if (n === null && !new RegExp(`^${VAGUE}$`, 'iu').test(raw)) return null;
    if (n !== null && (g.frac1 || g.frac2)) n += 0.5;
    // "two to three weeks", "12 to 18 months": a range of lengths, whose count TIMEX3 cannot write.
    if (g.lo !== undefined) {
      const lo = numberValue(g.lo);
      if (lo === null || n === null || lo >= n) return null;
      n = null;
    }
  }
  const article = /^an?$/i.test(g.n ?? '');
  // Rule "unit-in-name": "a Day of Rage", "a Night of Solidarity": a capitalised unit followed by "of" and a
  // capitalised word is the name of an event, not a length of time.
  if (article && /^\p{Lu}/u.test(unitWord) && /^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(end, end + 12))) return null;
  // "a second attack", "a quarter of the market": ordinals and fractions, not lengths of time.
  if (article && unit === 'second' && !/^\s*(?:[,.;:)!?]|$)/.test(text.slice(end, end + 3))) return null;
  if (unit === 'quarter' && /^\s+of\b/i.test(text.slice(end, end + 4)) && !g.the && /^(?:an?|one|two|three|1|2|3)$/i.test(g.n ?? '')) return null;
  // "a year" is only a duration with a leading word or when it is not a rate; "one day" in a story is a date.
  if (article && !g.the && !g.hedge && isRate(text, m.index)) {
    // Rule "rate-of-amount": "$5 million a year", "700 seats a week", "24 hours a day" are rates, part of
    // a quantity, not times (TimeBank leaves most of them out); a count of occurrences ("twice a week",
    // "three times a day") is a repeated time, a SET.
    if (!FREQUENCY_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
    return proposal(m.index, end, 'SET', fixed(durationValue(1, unit)), 'duration:rate');
  }
  if (/^one$/i.test(g.n ?? '') && unit === 'day' && !g.the && !g.hedge && !g.adj) {
    // "Islam will one day be…": some day in the future; "One day, he left": a day we cannot place.
    const before = wordBefore(text, m.index).toLowerCase();
    if (/^(?:will|would|could|may|might|should|can|shall|must)$/.test(before)) return proposal(m.index, end, 'DATE', fixed('FUTURE_REF'), 'duration:one-day-future');
    if (/^\s*,/.test(text.slice(end, end + 2))) return null;
  }
  // "a day" alone ("a day after the attack") is left out unless something makes it a length ("for a day").
  if (article && !g.the && !g.hedge && !g.adj && !g.frac2 && unit === 'day') {
    const before = wordBefore(text, m.index).toLowerCase();
    if (!['for', 'in', 'within', 'about', 'than', 'over', 'only', 'just', 'least', 'nearly', 'almost', 'spent', 'took', 'lasted'].includes(before)) return null;
  }
  const lead = (g.lead ?? '').toLowerCase();
  // "the same day", "the following month" are dates, not lengths: relative-unit handles them.
  if (/^(?:same|following|previous)$/.test(lead) && (n === 1 || article)) return null;
  // "over the next few days", "about the past year": the hedge word is a preposition before a determiner.
  let start = m.index;
  let hedge: string | undefined = g.hedge;
  if (hedge && g.the && /^(?:over|under|about|around|some|only|just|barely|close\s+to)$/i.test(hedge)) {
    start = m.indices!.groups!.the![0];
    hedge = undefined;
  }
  // "the two day rally": a count with a singular unit modifies the noun after it, which the determiner belongs to.
  if (g.the && !lead && !hedge && n !== null && n > 1 && !/s$/i.test(unitWord) && /^\s+\p{Ll}/u.test(text.slice(end, end + 3))) {
    start = m.indices!.groups!.n![0];
  }
  const mod = amountMod(hedge) ?? (g.orso ? 'APPROX' : undefined);
  return proposal(start, end, 'DURATION', fixed(durationValue(n, unit)), `duration:amount${lead ? ':' + lead : ''}`, mod);
}

export const duration: Parser = {
  name: 'duration',
  triggers: { words: UNIT_WORDS },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(...scan(AMOUNT_RE, input, (m) => amount(text, m)));
    out.push(
      ...scan(ONE_UNIT_RE, input, (m) => {
        const g = m.groups!;
        const unit = unitOf(g.unit!)!;
        const end = m.index + m[0].length;
        // "the last day of school", "the first week of March": a part of something, not a length.
        if (/^(?:last|first|final)$/i.test(g.lead!) && /^\s+of\b/i.test(text.slice(end, end + 4))) return null;
        // "over the past month": "over" is a preposition here, not a hedge.
        const preposition = g.hedge !== undefined && /^(?:over|under|about|around|some|only|just|barely|close\s+to)$/i.test(g.hedge);
        const start = preposition ? m.index + m[0].toLowerCase().lastIndexOf('the', m[0].length - g.unit!.length - 1) : m.index;
        return proposal(start, end, 'DURATION', fixed(durationValue(1, unit)), `duration:the-${g.lead!.toLowerCase()}-unit`, preposition ? undefined : amountMod(g.hedge));
      }),
    );
    out.push(
      ...scan(ADJECTIVE_RE, input, (m) => {
        const g = m.groups!;
        const unitWord = g.unit!.toLowerCase();
        const unit = unitOf(unitWord);
        if (!unit) return null;
        const plural = /s$/.test(unitWord) && unit !== 'century' ? true : unitWord === 'centuries';
        const end = m.index + m[0].length;
        const old = g.long?.toLowerCase() === '-old';
        if (old && isPersonAge(text, end, unit, Boolean(g.n))) return null;
        if (g.n) {
          if (plural) return null;
          const n = g.n.toLowerCase() === 'half' ? 0.5 : g.n.toLowerCase() === 'a' ? 1 : numberValue(g.n);
          if (n === null) return null;
          return proposal(m.index, end, 'DURATION', fixed(durationValue(n, unit)), 'duration:adjective');
        }
        if (g.vague) return proposal(m.index, end, 'DURATION', fixed(durationValue(null, unit)), 'duration:adjective-vague');
        // "day-long", "decades-long": the unit alone carries the length.
        if (!g.long) return null;
        // "year-old" with no number is the tail of an age written with a space ("a 44 year-old").
        if (old && !plural) return null;
        return proposal(m.index, end, 'DURATION', fixed(durationValue(plural ? null : 1, unit)), 'duration:adjective-long');
      }),
    );
    out.push(
      ...scan(BARE_RE, input, (m) => {
        const g = m.groups!;
        const unit = unitOf(g.unit!)!;
        const start = m.indices!.groups!.unit![0];
        const end = m.index + m[0].length;
        // "in days" of a count ("in days of fighting") is fine; "days after" opening a clause is not a length.
        if (g.prep!.toLowerCase() === 'in' && /^\s+(?:of|after|before|since|when)\b/i.test(text.slice(end, end + 8))) return null;
        if (/^\s+old\b/i.test(text.slice(end, end + 5))) return null; // "for years old" is not English; "days old" is an age.
        return proposal(start, end, 'DURATION', fixed(durationValue(null, unit)), 'duration:bare-plural');
      }),
    );
    out.push(
      ...scan(VAGUE_PERIOD_RE, input, (m) => {
        const g = m.groups!;
        const unit = unitOf(g.unit ?? g.unit2!)!;
        const adj = (g.adj ?? '').toLowerCase().replace(/\s+/g, ' ');
        const end = m.index + m[0].length;
        if (adj === 'past' && !g.the && !(unit === 'year' || unit === 'decade')) return null;
        // "the first hours of the war", "in the early years": only with "the".
        if (/^(?:first|early|final|closing|opening)$/.test(adj) && !g.the) return null;
        // "recent years", "past years": the past as a whole, as TimeBank writes it.
        if ((adj === 'recent' || (adj === 'past' && !g.the)) && (unit === 'year' || unit === 'decade')) {
          return proposal(m.index, end, 'DATE', fixed('PAST_REF'), 'duration:recent-years');
        }
        return proposal(m.index, end, 'DURATION', fixed(durationValue(null, unit)), 'duration:vague-period');
      }),
    );
    return out;
  },
};
