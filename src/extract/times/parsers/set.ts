import { durationValue, unitOf } from '../duration-value.js';
import { isCapitalised, NUMBER, numberValue, PART_WORDS, SEASON_WORDS, SP, UNIT_WORDS } from '../lexicon.js';
import { fixed, proposal, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, scan, wordAfter, wordBefore } from '../scan.js';

/**
 * Repeated times (TIMEX3 SET): "daily", "weekly", "annually", "every day", "each year", "every two
 * weeks", "every morning", "every summer", "twice a week", "three times a day". Rates ("$5 a year",
 * "20% annually", "15 million instructions per second") are quantities, not times. Repeated
 * weekdays and months ("every Friday", "each July") are their own parsers'. "The daily Granma" and
 * "a weekly" are newspapers, not times.
 */
const ADVERB_RE = anchoredAt(/(?<![\p{L}\p{N}-])(?<w>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|fortnightly|bimonthly|semiannually|semi-annually|biannually)(?![\p{L}\p{N}-])/giu, { reach: 0 });

/** A number, an amount of money or a percentage, perhaps with the plural noun it counts, ending right before an adverb. */
const AMOUNT_BEFORE = /(?:\d%?|%|\b(?:million|billion|trillion|thousand|hundred|percent|cents?|dollars))(?:\s+\p{L}+s)?\s*$/iu;

const ADVERB_VALUE: Record<string, string> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y', hourly: 'PT1H', nightly: 'XXXX-XX-XXTNI',
  quarterly: 'P3M', biweekly: 'P2W', fortnightly: 'P2W', bimonthly: 'P2M', semiannually: 'P6M', 'semi-annually': 'P6M', biannually: 'P6M',
};

const EVERY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:every|each)${SP}(?:(?<other>other)${SP}|(?<n>${NUMBER})${SP})?(?<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|mornings?|afternoons?|evenings?|spring|summer|fall|autumn|winter)(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: [...UNIT_WORDS, ...PART_WORDS, ...SEASON_WORDS], reach: 24 },
);

const TIMES_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<k>once|twice|thrice|(?:${NUMBER})${SP}times)${SP}(?:a|an|per|each|every)|per)${SP}(?<unit>second|minute|hour|day|night|week|month|quarter|year|annum|decade)(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: UNIT_WORDS, reach: 40 },
);

const PART_SET: Record<string, string> = {
  morning: 'XXXX-XX-XXTMO', afternoon: 'XXXX-XX-XXTAF', evening: 'XXXX-XX-XXTEV', night: 'XXXX-XX-XXTNI',
  spring: 'XXXX-SP', summer: 'XXXX-SU', fall: 'XXXX-FA', autumn: 'XXXX-FA', winter: 'XXXX-WI',
};

/** "the daily Granma", "the weekly said": the adjective is a newspaper. */
function isNewspaper(text: string, start: number, end: number): boolean {
  const after = wordAfter(text, end);
  const gap = text.slice(end, end + 2);
  if (after && /^\s\S/.test(gap) && isCapitalised(after)) return true;
  const before = wordBefore(text, start).toLowerCase();
  if (/^(?:the|a|an|this|that|party|state|newspaper|government|official|independent|financial|business|mass|circulation|language|opposition)$/.test(before)) {
    if (/^\s*(?:[,.;:)]|$)/.test(text.slice(end, end + 3)) || /^(?:said|reported|wrote|quoted|says|reports|cited|published|newspaper)$/i.test(after)) return true;
  }
  return false;
}

export const set: Parser = {
  name: 'set',
  triggers: { words: ['daily', 'weekly', 'monthly', 'yearly', 'annually', 'hourly', 'nightly', 'quarterly', 'biweekly', 'fortnightly', 'bimonthly', 'semiannually', 'semi', 'biannually', 'annum', ...UNIT_WORDS, ...PART_WORDS, ...SEASON_WORDS] },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(ADVERB_RE, input, (m) => {
        const end = m.index + m[0].length;
        if (isNewspaper(text, m.index, end)) return null;
        const w = m.groups!.w!.toLowerCase();
        // Rule "rate-of-amount": "rise 8.5% annually", "10,000 units annually", "C$17.9 million annually": the
        // adverb makes the amount a rate; "rallies held annually" is a repeated time.
        if (AMOUNT_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
        // "a quarterly dividend" is a kind of dividend; "paid quarterly" is a repeated time.
        if (w === 'quarterly' && /^\s+\p{Ll}/u.test(text.slice(end, end + 3))) return null;
        return proposal(m.index, end, 'SET', fixed(ADVERB_VALUE[w]!), 'set:adverb');
      }),
    );
    out.push(
      ...scan(EVERY_RE, input, (m) => {
        const g = m.groups!;
        const word = g.unit!.toLowerCase().replace(/s$/, '');
        const end = m.index + m[0].length;
        if (PART_SET[word] && !g.n && !g.other) return proposal(m.index, end, 'SET', fixed(PART_SET[word]!), 'set:every-part');
        const unit = unitOf(word);
        if (!unit) return null;
        const n = g.other ? 2 : g.n ? numberValue(g.n) : 1;
        if (n === null) return null;
        return proposal(m.index, end, 'SET', fixed(durationValue(n, unit)), 'set:every');
      }),
    );
    out.push(
      ...scan(TIMES_RE, input, (m) => {
        // "15 million instructions per second", "$40 per day": a rate (rule "rate-of-amount"), not a time.
        if (!m.groups!.k) return null;
        const word = m.groups!.unit!.toLowerCase();
        const unit = unitOf(word === 'annum' ? 'year' : word);
        if (!unit) return null;
        return proposal(m.index, m.index + m[0].length, 'SET', fixed(durationValue(1, unit)), 'set:times-per');
      }),
    );
    return out;
  },
};
