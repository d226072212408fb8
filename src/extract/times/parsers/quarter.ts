import { isCapitalised, MONTH, monthNumber, ORDINAL_WORD, ordinalValue, SP } from '../lexicon.js';
import { EDGE, edgeMod } from '../mods.js';
import { proposal, type Meaning, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, scan } from '../scan.js';

/**
 * Quarters and halves of a (fiscal) year, as business and economic news names them: "the third
 * quarter", "third-quarter", "the fourth quarter of 1998", "the 1998 third quarter", "this year's third
 * quarter", "the fiscal first quarter", "Q3", "Q3 2020", "3Q", "the first half", "H1 2020"; and the
 * quarter under discussion: "the quarter", "the latest quarter", "the year-ago quarter", "the
 * year-earlier period", "the same period last year", "year-ago" results.
 */
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const ORD = `(?:${ORDINAL_WORD}|[1-4](?:st|nd|rd|th)|(?<=the${SP})(?:last|final))`;
const POSS = `(?:(?<yrel>this|last|next)${SP}year['’]s|the${SP}(?<y1>${YEAR})|(?<y0>${YEAR})['’]s|the${SP}year[- ](?<ago>ago|earlier)|the${SP}(?:same|comparable|corresponding)${SP}year[- ](?:ago|earlier)|the|its|their|a|this|that|last|next)`;

/**
 * Rule "part-of-year": "the second half of the year", "the first quarter of next year", "the last
 * quarter of this year" are one expression (TIMEX3 writes the part with the year it belongs to), not a
 * part and a year side by side.
 */
const OF_YEAR = `${SP}of${SP}(?:(?<yrel2>this|last|next)${SP}year|the${SP}(?:current${SP})?year)(?![\\p{L}\\p{N}'’-])`;

/** After a quarter or half: "of" and a determiner of something that is not a span of time. */
const PART_OF_THING = /^\s+of\s+(?:the|a|an|this|that|its|their|his|her|our|each|every)\s+(?!(?:current|fiscal|calendar|same|previous|next|coming|new|financial|year|decade|century|month)\b|\d|['’]\d)/iu;

const ORDINAL_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<edge>${EDGE})${SP})?(?:${POSS}${SP})?(?:(?<fiscal1>fiscal)(?:[- ]|${SP}))?(?<ord>${ORD})[- ](?:fiscal${SP})?(?<unit>quarter|half)(?![\\p{L}])(?:s(?![\\p{L}]))?(?:${SP}(?:of|in)${SP}(?:(?:fiscal|the${SP}(?:fiscal${SP})?year)${SP})?(?<y2>${YEAR})|${SP}(?<y3>${YEAR})(?![\\p{N}])|${OF_YEAR})?(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { words: ['quarter', 'quarters', 'half', 'halves'], reach: 64 },
);

/** A determiner or possessive opening a quarter expression, followed by the ordinal (or "fiscal"). */
const DETERMINER_LEAD = /^(a|an|the|its|their|his|her|our|that)\s+(?=fiscal\b|\p{L}+[- ](?:fiscal\s+)?(?:quarter|half)|[1-4](?:st|nd|rd|th)[- ])/iu;
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our']);

const CODE_RE = anchoredAt(new RegExp(`(?<![\\p{L}\\p{N}-])(?:(?<q>[QH])(?<n>[1-4])|(?<n2>[1-4])(?<q2>[QH]))(?:(?:${SP}|[-/'’])?(?<y>${YEAR}|\\d{2}))?(?![\\p{L}\\p{N}])`, 'gud'), { words: ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', '1q', '2q', '3q', '4q', '1h', '2h'], reach: 0 });

const ENDED = new RegExp(`^${SP}(?:that${SP})?(?:ended|ending|ends|to)${SP}(?:on${SP})?(${MONTH})\\.?${SP}(\\d{1,2})(?:,${SP}(${YEAR}))?`, 'iu');

const TOPIC_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:the${SP}(?:(?<latest>latest|most${SP}recent|same|current)${SP})?(?:(?<cmp>comparable|corresponding|same|prior)${SP})?(?:(?<ago>year[- ](?:ago|earlier))${SP}|(?<y>${YEAR})${SP})?(?<unit>quarter|period)(?:${SP}(?<ly>(?:last|a)${SP}year(?:${SP}ago)?))?|(?<adj>year[- ](?:ago|earlier))|(?<yrel>last|this|next)${SP}year['’]s${SP}(?<unit2>quarter|period))(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: ['quarter', 'period', 'year'], reach: 48 },
);

function quarterPart(unit: string, n: number): string | null {
  if (unit === 'quarter') return n >= 1 && n <= 4 ? `Q${n}` : null;
  return n === 1 || n === 2 ? `H${n}` : null;
}

export const quarter: Parser = {
  name: 'quarter',
  triggers: { words: ['quarter', 'quarters', 'half', 'halves', 'period', 'year', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', '1q', '2q', '3q', '4q', '1h', '2h'] },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(ORDINAL_RE, input, (m) => {
        const g = m.groups!;
        // "the last quarter of 1998", "the final half": the closing one, when a year (or "the") frames it.
        const n = /^(?:last|final)$/i.test(g.ord!) ? (g.unit!.toLowerCase() === 'quarter' ? 4 : 2) : ordinalValue(g.ord!);
        const unit = g.unit!.toLowerCase();
        const part = n ? quarterPart(unit, n) : null;
        if (!part) return null;
        // "the last quarter" alone is the previous one (relative-unit's); only "of 1998" makes it the fourth.
        if (/^(?:last|final)$/i.test(g.ord!) && !(g.y2 ?? g.y3) && !/\bof\s+(?:the|this|next|last)\s+(?:current\s+)?year$/i.test(m[0])) return null;
        const end = m.index + m[0].length;
        // Rule "part-of-thing": "the first half of the match", "the third quarter of the game", "the second
        // half of its budget" divide something other than a year.
        if (!(g.y2 ?? g.y3) && PART_OF_THING.test(text.slice(end, end + 40))) return null;
        // "fourth quarters" (plural) is a repeated period.
        if (/s$/i.test(m[0]) && /quarters$|halves$/i.test(m[0])) {
          return proposal(m.index, end, 'SET', { kind: 'fixed', value: `XXXX-${part}` }, 'quarter:set');
        }
        const year = g.y1 ?? g.y0 ?? g.y2 ?? g.y3;
        // "a third-quarter loss", "its third-quarter profit": the determiner belongs to the noun the quarter
        // modifies, not to the time; "its fourth quarter": a possessive is the company's, not part of the time.
        let start = m.index;
        const det = DETERMINER_LEAD.exec(m[0]);
        if (det && !g.edge) {
          const adjectival = /-(?:fiscal\s+)?(?:quarter|half)$/i.test(m[0]) && /^\s+\p{L}/u.test(text.slice(end, end + 3)) && !/^\s+(?:of|in|ended|ending|to)\b/i.test(text.slice(end, end + 8));
          if (adjectival || POSSESSIVES.has(det[1]!.toLowerCase())) start += det[0].length;
        }
        const meaning: Meaning = { kind: 'part', part };
        if (year) meaning.year = +year;
        else if (g.yrel ?? g.yrel2) {
          const r = (g.yrel ?? g.yrel2)!.toLowerCase();
          meaning.yearShift = r === 'last' ? -1 : r === 'next' ? 1 : 0;
        }
        else if (g.ago || /year[- ](?:ago|earlier)/i.test(m[0])) meaning.yearShift = -1;
        return proposal(start, end, 'DATE', meaning, `quarter:${unit}`, edgeMod(g.edge));
      }),
    );
    out.push(
      ...scan(CODE_RE, input, (m) => {
        const g = m.groups!;
        const unit = (g.q ?? g.q2!) === 'Q' ? 'quarter' : 'half';
        const part = quarterPart(unit, +(g.n ?? g.n2!));
        if (!part) return null;
        const meaning: Meaning = { kind: 'part', part };
        if (g.y) meaning.year = g.y.length === 2 ? (+g.y >= 50 ? 1900 : 2000) + +g.y : +g.y;
        return proposal(m.index, m.index + m[0].length, 'DATE', meaning, 'quarter:code');
      }),
    );
    out.push(
      ...scan(TOPIC_RE, input, (m) => {
        const g = m.groups!;
        const end = m.index + m[0].length;
        const unit = (g.unit ?? g.unit2 ?? 'quarter').toLowerCase();
        if (g.yrel) {
          const r = g.yrel.toLowerCase();
          const meaning: Meaning = { kind: 'topic', unit: 'quarter', yearShift: r === 'last' ? -1 : r === 'next' ? 1 : 0 };
          return proposal(m.index, end, 'DATE', meaning, 'quarter:topic-relative-year');
        }
        const latest = (g.latest ?? '').toLowerCase();
        // "the period" alone is too vague; "the latest period", "the year-ago period", "the 1988 period" are not.
        if (unit === 'period' && !latest && !g.ago && !g.y && !g.cmp && !g.ly) return null;
        if (latest === 'current') return proposal(m.index, end, 'DATE', { kind: 'shift', unit: 'quarter', offset: 0, from: 'now' }, 'quarter:current');
        const yearShift = g.ago || g.ly || g.adj || g.cmp === 'prior' ? -1 : 0;
        if (g.y) return proposal(m.index, end, 'DATE', { kind: 'topic', unit: 'quarter', yearShift: 0, year: +g.y }, 'quarter:topic-year');
        const meaning: Meaning = { kind: 'topic', unit: 'quarter', yearShift };
        if (g.adj) meaning.adjective = true;
        if (/^(?:latest|most\s+recent)$/.test(latest)) meaning.latest = true;
        // "the quarter ended Sept. 30": the quarter is the one that closed on that day.
        const ended = ENDED.exec(text.slice(end, end + 40));
        const mo = ended ? monthNumber(ended[1]!) : undefined;
        if (ended && mo && isCapitalised(ended[1]!) && !g.adj) {
          meaning.ended = { month: mo, day: +ended[2]! };
          if (ended[3]) meaning.ended.year = +ended[3];
        }
        return proposal(m.index, end, 'DATE', meaning, `quarter:topic${yearShift ? '-year-ago' : ''}`);
      }),
    );
    return out;
  },
};
