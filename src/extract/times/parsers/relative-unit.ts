import { NUMBER, numberValue, PART_WORDS, SEASON_WORDS, SP, UNIT_WORDS } from '../lexicon.js';
import { AMOUNT_HEDGE, amountMod, EDGE, edgeMod } from '../mods.js';
import { fixed, proposal, type Meaning, type Parser, type Proposal, type ShiftUnit } from '../proposal.js';
import { anchoredAt, scan, wordBefore } from '../scan.js';

/**
 * Periods named relative to the publication date or to the time under discussion:
 * - "this week", "last month", "next year", "this weekend", "last summer", "the current quarter",
 *   "the coming year", with a position: "early next year", "late last week", "earlier this month",
 *   "the end of the year", "year-end";
 * - counts back or forward: "two years ago", "six weeks ago", "a year earlier", "three days later",
 *   "10 days from now", with a hedge: "nearly four years ago";
 * - the reference time: "that day", "the same day", "the next day", "the following year", "the day
 *   before", "later that year", "that night", "the next morning".
 * "The past month" and "the next two years" are durations (see ./duration.ts).
 */
const UNIT = '(?:week|weekend|month|quarter|year|decade|century|half|spring|summer|fall|autumn|winter)';
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

// this/last/next + unit, with an optional position in front.
const NAMED_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<edge>${EDGE})${SP})?(?<rel>this(?:${SP}(?:past|coming))?|last|next|the${SP}(?:current|present|coming|following|previous|prior|same|full|entire|whole)|that|the)${SP}(?<fiscal>fiscal${SP})?(?:(?<inner>early|late|mid-?)${SP}?)?(?<unit>${UNIT})(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giud',
  ),
  { words: ['week', 'weekend', 'month', 'quarter', 'year', 'decade', 'century', 'half', 'spring', 'summer', 'fall', 'autumn', 'winter'], reach: 48 },
);

// "summer 2014", "the winter of 1994", "early spring 2020".
const SEASON_YEAR_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<edge>${EDGE})${SP})?(?:the${SP})?(?<season>spring|summer|fall|autumn|winter)${SP}(?:of${SP})?(?<year>1[89]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { words: ['spring', 'summer', 'fall', 'autumn', 'winter'], reach: 32 },
);

// "year-end", "year end", "year's end"; "the end of the year", "the turn of the year" are NAMED_RE's.
const YEAR_END_RE = anchoredAt(/(?<![\p{L}\p{N}-])(?<the>the\s+)?year(?:[- ]end|['’]s\s+end)(?![\p{L}\p{N}-])/giu, { words: ['year'], reach: 4 });

// N units ago / earlier / later / from now.
const AGO_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<hedge>${AMOUNT_HEDGE})${SP})?(?<n>${NUMBER}|an?|several|a${SP}few|few|a${SP}couple(?:${SP}of)?|many|some)${SP}(?<more>more${SP})?(?<unit>day|week|fortnight|month|quarter|year|decade|century|centurie|hour|minute)s?(?:${SP}or${SP}so)?${SP}(?<dir>ago|earlier|later|before|after|from${SP}now|hence|back|previously|prior)(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { words: UNIT_WORDS, reach: 56 },
);

// "months ago", "years earlier", "weeks later": only the direction is known.
const BARE_AGO_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:days|weeks|months|years|decades)${SP}(?<dir>ago|earlier|later)(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { words: ['days', 'weeks', 'months', 'years', 'decades'], reach: 0 },
);

// The reference time: "that day", "the same day", "the next day", "later that year", "that night".
const REF_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<pos>earlier|later|early|late)${SP}(?:(?:on|in)${SP})?)?(?:(?<rel>that(?:${SP}same)?|the${SP}same|the${SP}next|the${SP}following|the${SP}previous|the${SP}prior)${SP}(?<unit>day|morning|afternoon|evening|night)|(?<=(?:earlier|later|early|late)${SP}in${SP})the${SP}(?<unit3>day|week|month|year)|the${SP}(?<unit2>day|night|week|month|year)${SP}(?<ba>before|after)(?=\\s*[,.;:)—–-]|\\s+(?:and|but|when|as|he|she|they|it)\\b))(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { words: ['day', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year'], reach: 32 },
);

const PART: Record<string, 'MO' | 'AF' | 'EV' | 'NI'> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const AGO_UNIT: Record<string, ShiftUnit> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year', decade: 'decade', century: 'century', centurie: 'century' };

function named(text: string, m: RegExpExecArray): Proposal | null {
  const g = m.groups!;
  const rel = g.rel!.toLowerCase().replace(/\s+/g, ' ');
  const unitWord = g.unit!.toLowerCase();
  const end = m.index + m[0].length;
  // "the early summer": a position inside the phrase, only before a season.
  if (g.inner && (rel !== 'the' || !SEASONS[unitWord])) return null;
  const mod = edgeMod(g.edge ?? g.inner);
  const edge = (g.edge ?? '').toLowerCase();
  // A bare "the <unit>" is an expression only inside a position phrase ("the end of the year");
  // "the year"/"the week" alone are left out: they are as often a duration as a date.
  const season = SEASONS[unitWord];
  const edgePhrase = /(?:beginning|start|end|middle|close|turn) of$/.test(edge.trim());
  if (rel === 'the' && !season && unitWord !== 'weekend' && !edgePhrase) {
    // "for the year", "in the week", "of the month": the period under discussion; "the year ended
    // June 30" is a fiscal year, a length of time.
    if (!/^(?:year|week|month)$/.test(unitWord)) return null;
    if (/^\s+(?:ended|ending|to\s+date|through)\b/i.test(text.slice(end, end + 12))) {
      return proposal(m.index, end, 'DURATION', { kind: 'fixed', value: `P1${unitWord === 'year' ? 'Y' : unitWord === 'week' ? 'W' : 'M'}` }, 'relative-unit:the-fiscal-period');
    }
    if (!/^(?:for|in|during|of|throughout|through|over)$/i.test(wordBefore(text, m.index))) return null;
    if (/^\s+(?:before|after|when|that|in\s+which)\b/i.test(text.slice(end, end + 12))) return null;
    return proposal(m.index, end, 'DATE', { kind: 'shift', unit: unitWord as ShiftUnit, offset: 0, from: 'ref' }, `relative-unit:the-${unitWord}`, mod);
  }
  if (season) {
    // "fall" is a verb and "spring" a noun far more often than seasons: "the fall of the city" is an event.
    if (rel === 'that' || (rel.startsWith('the ') && rel !== 'the current')) return null;
    if (rel === 'the' && (unitWord === 'fall' || unitWord === 'spring') && /^\s+of\b/i.test(text.slice(end, end + 4))) return null;
    const dir = rel === 'last' || rel === 'this past' ? 'past' : rel === 'next' || rel === 'this coming' ? 'future' : rel === 'the' ? undefined : 'this';
    const meaning: Meaning = { kind: 'part', part: season };
    if (dir) meaning.dir = dir;
    return proposal(m.index, end, 'DATE', meaning, `relative-unit:season:${rel.replace(/ /g, '-')}`, mod);
  }
  let unit = unitWord as ShiftUnit;
  if (unitWord === 'half') unit = 'half';
  let offset = 0;
  let from: 'now' | 'ref' = 'now';
  switch (rel) {
    case 'this':
    case 'the current':
    case 'the present':
    case 'the':
    case 'the full':
    case 'the entire':
    case 'the whole':
      offset = 0;
      break;
    case 'last':
    case 'this past':
      offset = -1;
      break;
    case 'next':
    case 'this coming':
    case 'the coming':
      offset = 1;
      break;
    case 'the previous':
    case 'the prior':
      offset = -1;
      from = 'ref';
      break;
    case 'the following':
      offset = 1;
      from = 'ref';
      break;
    case 'that':
    case 'the same':
      offset = 0;
      from = 'ref';
      break;
  }
  // "that week" as a relative clause ("the report that week…") is rare; "that" + unit is anaphoric.
  if (rel === 'that' && /^(?:so|such|now)$/i.test(wordBefore(text, m.index))) return null;
  const meaning: Meaning = { kind: 'shift', unit, offset, from };
  return proposal(m.index, end, 'DATE', meaning, `relative-unit:${rel.replace(/ /g, '-')}-${unit}`, mod);
}

export const relativeUnit: Parser = {
  name: 'relative-unit',
  triggers: { words: [...UNIT_WORDS, ...SEASON_WORDS, ...PART_WORDS] },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(...scan(NAMED_RE, input, (m) => named(text, m)));
    out.push(
      ...scan(SEASON_YEAR_RE, input, (m) => {
        const g = m.groups!;
        const meaning: Meaning = { kind: 'part', part: SEASONS[g.season!.toLowerCase()]!, year: +g.year! };
        return proposal(m.index, m.index + m[0].length, 'DATE', meaning, 'relative-unit:season-year', edgeMod(g.edge));
      }),
    );
    out.push(
      ...scan(YEAR_END_RE, input, (m) => {
        // The end of this year, or of the last one after "since" ("up 5% since year-end").
        const since = wordBefore(text, m.index).toLowerCase() === 'since';
        return proposal(m.index, m.index + m[0].length, 'DATE', { kind: 'shift', unit: 'year', offset: since ? -1 : 0, from: 'now' }, 'relative-unit:year-end', 'END');
      }),
    );
    out.push(
      ...scan(AGO_RE, input, (m) => {
        const g = m.groups!;
        const dirWord = g.dir!.toLowerCase().replace(/\s+/g, ' ');
        const end = m.index + m[0].length;
        // "two days before the vote": the count belongs to a clause, not to a date; only a closing "before"/"after".
        if ((dirWord === 'before' || dirWord === 'after' || dirWord === 'prior') && !/^\s*(?:[,.;:)!?"”]|$)/.test(text.slice(end, end + 3))) return null;
        const unitWord = g.unit!.toLowerCase();
        const n = numberValue(g.n!);
        const back = /^(?:ago|earlier|before|back|previously|prior)$/.test(dirWord);
        const from: 'now' | 'ref' = /^(?:ago|from now|hence|back)$/.test(dirWord) ? 'now' : 'ref';
        const mod = amountMod(g.hedge);
        if (unitWord === 'hour' || unitWord === 'minute') {
          // "three hours ago": the publication day is what is known; the clock time is not.
          if (n === null || from === 'ref') return null;
          return proposal(m.index, end, 'DATE', { kind: 'shift', unit: 'day', offset: 0, from }, 'relative-unit:hours-ago', mod);
        }
        if (unitWord === 'fortnight') {
          if (n === null) return null;
          return proposal(m.index, end, 'DATE', { kind: 'shift', unit: 'week', offset: (back ? -2 : 2) * n, from }, 'relative-unit:ago', mod);
        }
        if (n === null) {
          // "several years ago", "a few weeks later": the direction is all that is known.
          return proposal(m.index, end, 'DATE', fixed(back ? 'PAST_REF' : 'FUTURE_REF'), 'relative-unit:vague-ago', mod);
        }
        if (!Number.isInteger(n) || n > 5000) return null;
        let unit = AGO_UNIT[unitWord]!;
        let count = n;
        // "a decade ago" names a year (DCT minus ten), not a decade.
        if (unit === 'decade' || unit === 'century') [unit, count] = ['year', n * (unit === 'decade' ? 10 : 100)];
        const meaning: Meaning = { kind: 'shift', unit, offset: back ? -count : count, from };
        // "a year earlier" in a report about quarters means the same quarter a year before.
        if (unit === 'year') meaning.context = true;
        return proposal(m.index, end, 'DATE', meaning, `relative-unit:${dirWord.replace(/ /g, '-')}`, mod);
      }),
    );
    out.push(
      ...scan(BARE_AGO_RE, input, (m) => {
        const back = m.groups!.dir!.toLowerCase() !== 'later';
        return proposal(m.index, m.index + m[0].length, 'DATE', fixed(back ? 'PAST_REF' : 'FUTURE_REF'), 'relative-unit:bare-ago');
      }),
    );
    out.push(
      ...scan(REF_RE, input, (m) => {
        const g = m.groups!;
        const end = m.index + m[0].length;
        const pos = (g.pos ?? '').toLowerCase();
        const mod = pos === 'early' ? 'START' : pos === 'late' ? 'END' : undefined;
        if (g.unit3) {
          // "later in the day", "earlier in the year": the time under discussion.
          const u = g.unit3.toLowerCase() as ShiftUnit;
          return proposal(m.index, end, 'DATE', { kind: 'shift', unit: u, offset: 0, from: 'ref' }, `relative-unit:in-the-${u}`, mod);
        }
        if (g.unit2) {
          const u = g.unit2.toLowerCase();
          const offset = g.ba!.toLowerCase() === 'before' ? -1 : 1;
          const meaning: Meaning = u === 'night'
            ? { kind: 'shift', unit: 'day', offset, from: 'ref', time: { part: 'NI' } }
            : { kind: 'shift', unit: u as ShiftUnit, offset, from: 'ref' };
          return proposal(m.index, end, u === 'night' ? 'TIME' : 'DATE', meaning, `relative-unit:the-${u}-${g.ba!.toLowerCase()}`, mod);
        }
        const rel = g.rel!.toLowerCase().replace(/\s+/g, ' ');
        const unitWord = g.unit!.toLowerCase();
        const offset = rel === 'the next' || rel === 'the following' ? 1 : rel === 'the previous' || rel === 'the prior' ? -1 : 0;
        // "that day" in "the day that day-care closed" aside, "that" + day-word after a noun is a relative clause.
        if (rel === 'that' && /^(?:so|such|now|and)$/i.test(wordBefore(text, m.index))) return null;
        const part = PART[unitWord];
        const meaning: Meaning = { kind: 'shift', unit: 'day', offset, from: 'ref' };
        if (part) meaning.time = { part };
        return proposal(m.index, end, part ? 'TIME' : 'DATE', meaning, `relative-unit:ref-${unitWord}`, mod);
      }),
    );
    return out;
  },
};
