import { SP } from '../lexicon.js';
import { proposal, type Parser } from '../proposal.js';
import { anchoredAt, DIGITS_1_2, scan } from '../scan.js';

/**
 * A day of the month on its own: "on the 23rd", "by the 5th", "since the 1st". The month is the one the
 * text is in (the anchoring refiner takes it from the publication date, past-biased). Only after a
 * preposition, and only when no noun follows: "the 23rd brigade", "the 21st century", "the 9th armored
 * division" are not dates.
 */
const ORDINAL_DAY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:on|by|until|till|since|from|before|after|through|to|and|or)${SP}(?<the>the${SP})(?<d>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: DIGITS_1_2, reach: 16 },
);

/** What may follow a day of the month: punctuation, the end, or a function word. */
const FOLLOW_OK = /^(?:\s*(?:[,.;:!?)"”'’—–]|$)|\s+(?:and|or|to|through|when|while|as|at|in|after|before|but|with|that|this|of\s+(?:this|last|next|the)\s+month|the|a|an|he|she|they|it|we|police|officials)\b)/i;

export const ordinalDay: Parser = {
  name: 'ordinal-day',
  triggers: { words: [], digits: true },
  parse(input) {
    const text = input.text;
    return scan(ORDINAL_DAY_RE, input, (m) => {
      const end = m.index + m[0].length;
      if (!FOLLOW_OK.test(text.slice(end, end + 30))) return null;
      const start = m.indices!.groups!.the![0];
      const day = +m.groups!.d!;
      // "the 23rd of March" is the month-date parser's (a longer match wins the overlap).
      return proposal(start, end, 'DATE', { kind: 'date', day }, 'ordinal-day');
    });
  },
};
