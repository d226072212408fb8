import { isCapitalised, monthNumber, NUMBER_WORD, numberValue, ORDINAL_WORD, ordinalValue, SP } from '../lexicon.js';
import { EDGE, edgeMod } from '../mods.js';
import { fixed, proposal, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, atSentenceStart, DIGITS_4, gapBefore, scan, wordAfter, wordBefore } from '../scan.js';

/**
 * Years, decades and centuries: "in 2014", "fiscal 1989", "FY2020", "the year 2000", "early 2014",
 * "1998-99" (two years), "the 1990s", "the '90s", "the mid-1990s", "the nineties", "the 20th century",
 * "nineteen ninety-six". A bare four-digit number is a year unless its neighbours make it a count, a
 * code or a clock time: "$2000", "No. 1998", "Resolution 2334", "Windows 2000", "2000 troops",
 * "1500 GMT", "at 1500 hours", "2,000", "1998.5".
 */
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';

const YEAR_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}$€£#+.,:/-])(?<edge>${EDGE}${SP}?)?(?<lead>(?:the${SP})?(?:(?:fiscal|financial)(?:[- ]year)?${SP}|(?:calendar${SP})?year${SP})|FY${SP}?)?(?<year>${YEAR})(?:(?<dash>[-–/])(?<year2>\\d{2}|${YEAR}))?(?![\\p{L}\\p{N}%]|[.,:]\\d|-\\p{L}|[-–]\\d)`,
    'giud',
  ),
  { words: DIGITS_4, reach: 48 },
);

const DECADE_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}$-])(?<edge>${EDGE}${SP}?)?(?:the${SP})?(?:(?<full>1[5-9]\\d0|20\\d0)|['’‘](?<short>\\d0))['’]?s(?![\\p{L}\\p{N}])|(?<![\\p{L}])(?<edge2>${EDGE}${SP}?)?the${SP}(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\\p{L}])`,
    'giud',
  ),
  { words: ['#2', ...DIGITS_4, 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'], reach: 40 },
);

const CENTURY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?<edge>${EDGE}${SP}?)?(?:the${SP})?(?<ord>${ORDINAL_WORD}|\\d{1,2}(?:st|nd|rd|th))[- ]century(?![\\p{L}-])`,
    'giud',
  ),
  { words: ['century'], reach: 48 },
);

const SPELLED_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}])(?<lead>(?:the${SP})?year${SP})?(?:nineteen${SP}(?:hundred${SP}(?:and${SP})?)?(?<yy>${NUMBER_WORD}|oh${SP}(?:one|two|three|four|five|six|seven|eight|nine))|two${SP}thousand(?:${SP}(?:and${SP})?(?<y2k>${NUMBER_WORD}))?)(?![\\p{L}-])`,
    'giud',
  ),
  { words: ['nineteen', 'thousand'], reach: 16 },
);

/** Words before a number that make it a code, a count or an amount, never a year. */
const CODE_BEFORE = new Set([
  'no', 'nos', 'number', 'flight', 'route', 'highway', 'road', 'resolution', 'room', 'page', 'pages', 'article', 'chapter',
  'section', 'model', 'version', 'code', 'unit', 'bus', 'line', 'platform', 'gate', 'exit', 'box', 'suite', 'apt',
  'tel', 'phone', 'fax', 'ext', 'rs', 'usd', 'eur', 'gbp', 'us$', 'dlrs', 'windows', 'office', 'euro', 'expo', 'vision',
  'agenda', 'bill', 'law', 'decree', 'order', 'order no', 'act', 'at', 'some', 'about', 'nearly', 'over', 'than',
  'least', 'approximately', 'roughly', 'only', 'just', 'to', 'from', 'and', 'or', 'of', 'total', 'killed', 'arrested',
]);

/** Words that may stand before a year even though the rest of CODE_BEFORE would refuse it. */
const YEAR_CUE_BEFORE = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'between', 'around', 'circa', 'throughout', 'early',
  'late', 'mid', 'fiscal', 'year', 'summer', 'spring', 'autumn', 'fall', 'winter', 'christmas', 'easter', 'for', 'as',
  'the', 'its', 'their', 'his', 'her', 'this', 'that', 'whose', 'when', 'where', 'also', 'back', 'through', 'from', 'to',
  'and', 'or', 'of', 'than', 'about', 'over', 'only', 'post', 'pre', 'end', 'start', 'beginning', 'middle',
]);

/** Nouns after a number that make it a count, a measure or a clock time. */
const COUNT_AFTER = /^(?:people|persons|person|troops|soldiers|civilians|fighters|militants|insurgents|rebels|men|women|children|kids|families|households|refugees|migrants|residents|members|workers|employees|staff|police|policemen|officers|officials|students|voters|deaths|dead|killed|wounded|injured|casualties|victims|homes|houses|buildings|shops|vehicles|cars|trucks|tanks|aircraft|planes|jets|rockets|missiles|shells|bombs|tonnes|tons|tonne|ton|km|kms|kilometers|kilometres|miles|meters|metres|m|ft|feet|yards|kg|kgs|kilograms|grams|pounds|lbs|litres|liters|gallons|barrels|dollars|euros|pounds|rupees|afghanis|dinars|yuan|yen|votes|seats|cases|points|pts|hours|hrs|hr|h|gmt|utc|z|local|units|beds|acres|hectares|sq|square|head|heads|cattle|sheep|guns|weapons|rounds|calories|pages|words|copies|shares|cows|mw|kw|kv|mhz|ghz|cc|mm|cm|rpm|percent|per|times|fold|strong|plus|others)$/i;

function twoDigitYear(first: number, two: number): number {
  const century = Math.floor(first / 100) * 100;
  const y = century + two;
  return y > first ? y : y + 100;
}

function yearAllowed(text: string, m: RegExpExecArray): boolean {
  const g = m.groups!;
  if (g.lead || g.edge) return true;
  const at = m.index;
  const end = at + m[0].length;
  const before = wordBefore(text, at);
  const beforeLower = before.toLowerCase();
  const gap = gapBefore(text, at);
  const after = wordAfter(text, end);
  if (COUNT_AFTER.test(after) && /^\s/.test(text.slice(end, end + 1)) && !yearBeforeSubject(text, at, end, beforeLower, after)) return false;
  // "2000 or more people", "1500 more troops": a count.
  if (/^\s+(?:or\s+)?more\b/i.test(text.slice(end, end + 12))) return false;
  // "at 1500", "at 2100 hours": a clock; "some 2000 people": a count; "No. 1998", "Resolution 2334": a code.
  if (CODE_BEFORE.has(beforeLower) && !YEAR_CUE_BEFORE.has(beforeLower)) return false;
  if (beforeLower === 'at' || beforeLower === 'some' || beforeLower === 'nearly' || beforeLower === 'approximately') return false;
  // A capitalised word right before makes it part of a name ("Windows 2000", "Euro 2016"), unless it is a
  // month, a word that introduces years, or simply the first word of the sentence.
  if (before && /^\s+$/.test(gap) && isCapitalised(before) && !/['’]s$/.test(before) && !monthNumber(before) && !YEAR_CUE_BEFORE.has(beforeLower)) {
    const beforeStart = at - gap.length - before.length;
    if (!atSentenceStart(text, beforeStart) && !/^(?:FY|AD|BC|CE|BCE)$/.test(before)) return false;
  }
  return true;
}

/** Prepositions that put a year before what happened in it. */
const YEAR_PREPOSITION = new Set(['in', 'since', 'during', 'until', 'by']);
/** Words that make the noun after the number the subject of a verb: "in 2016 militants attacked". */
const VERB_AFTER = /^(?:\w+ed|were|was|have|had|are|is|took|fled|seized|struck|stormed|began|fought|stole|won|lost|overran|swept|went|came|ran|made|held|shot|blew)$/i;

/**
 * "in 2016 militants attacked the town", "since 2014 troops have held the pass": after "in"/"since" a year
 * can open a clause whose subject is a count noun; the verb right after that noun tells it from a count
 * ("in 2000 homes across the region").
 */
function yearBeforeSubject(text: string, at: number, end: number, beforeLower: string, after: string): boolean {
  const n = Number(text.slice(at, end));
  if (!YEAR_PREPOSITION.has(beforeLower) || !(n >= 1900 && n <= 2100)) return false;
  const nounEnd = text.indexOf(after, end) + after.length;
  return VERB_AFTER.test(wordAfter(text, nounEnd));
}

export const year: Parser = {
  name: 'year',
  triggers: { words: ['nineteen', 'thousand', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties', 'century'], digits: true },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(YEAR_RE, input, (m) => {
        if (!yearAllowed(text, m)) return null;
        const g = m.groups!;
        const y = +g.year!;
        const mod = edgeMod(g.edge);
        const lead = (g.lead ?? '').toLowerCase();
        const rule = lead.includes('fiscal') || lead.startsWith('fy') ? 'year:fiscal' : 'year';
        if (g.year2) {
          const y2 = g.year2.length === 2 ? twoDigitYear(y, +g.year2) : +g.year2;
          if (y2 <= y || y2 - y > 50) return null;
          const dash = m.indices!.groups!.dash!;
          return [
            proposal(m.index, dash[0], 'DATE', fixed(String(y)), `${rule}:range-start`, mod),
            proposal(dash[1], m.index + m[0].length, 'DATE', fixed(String(y2)), `${rule}:range-end`),
          ];
        }
        return proposal(m.index, m.index + m[0].length, 'DATE', fixed(String(y)), rule, mod);
      }),
    );
    out.push(
      ...scan(DECADE_RE, input, (m) => {
        const g = m.groups!;
        let decade: number;
        if (g.full) decade = +g.full;
        else if (g.short) decade = +g.short + (+g.short >= 30 ? 1900 : 2000);
        else decade = 1900 + 10 * (['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(g.word!.toLowerCase()) + 2);
        // "1990s" with a count noun after it is a number ("the 1990s" is always a decade).
        return proposal(m.index, m.index + m[0].length, 'DATE', fixed(String(decade / 10)), 'year:decade', edgeMod(g.edge ?? g.edge2));
      }),
    );
    out.push(
      ...scan(CENTURY_RE, input, (m) => {
        const n = ordinalValue(m.groups!.ord!);
        if (!n || n > 21) return null;
        return proposal(m.index, m.index + m[0].length, 'DATE', fixed(String(n - 1).padStart(2, '0')), 'year:century', edgeMod(m.groups!.edge));
      }),
    );
    out.push(
      ...scan(SPELLED_RE, input, (m) => {
        const g = m.groups!;
        let y: number;
        if (g.yy !== undefined) {
          const yy = g.yy.toLowerCase().startsWith('oh') ? numberValue(g.yy.slice(2).trim()) : numberValue(g.yy);
          if (yy === null || yy < 1 || yy > 99) return null;
          y = 1900 + yy;
        } else {
          // "two thousand" is a count far more often than a year: only "the year two thousand", "in two thousand (and) one".
          const before = wordBefore(text, m.index).toLowerCase();
          if (!g.lead && !['in', 'since', 'until', 'by', 'of', 'before', 'after'].includes(before)) return null;
          const after = wordAfter(text, m.index + m[0].length);
          if (COUNT_AFTER.test(after)) return null;
          const yy = g.y2k ? numberValue(g.y2k) : 0;
          if (yy === null || yy > 99) return null;
          y = 2000 + yy;
        }
        return proposal(m.index, m.index + m[0].length, 'DATE', fixed(String(y)), 'year:spelled');
      }),
    );
    return out;
  },
};
