import { isCapitalised, isFullMonth, MONTH, MONTH_WORDS, monthNumber, SP } from '../lexicon.js';
import { EDGE, edgeMod } from '../mods.js';
import { proposal, type Direction, type Meaning, type Parser } from '../proposal.js';
import { anchoredAt, scan, wordAfter, wordBefore } from '../scan.js';

/**
 * A month without a day: "March 2020", "March of 2020", "in January", "last November", "this
 * September", "early December", "mid-November", "the end of October", "January this year", "June last
 * year". A bare month must look like one: "May" and "March" only after a word that introduces a date
 * ("in May", "since March", "last May"), and no month directly before a capitalised word, which makes
 * it part of a name ("April Smith", "March Madness").
 */
const YEAR = '(?:1[5-9]\\d\\d|2[01]\\d\\d)';
const MONTH_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?<edge>${EDGE}${SP}?)?(?:(?<rel>last|next|this(?:${SP}(?:past|coming))?|the${SP}(?:previous|following|same)|that|each|every)${SP})?(?<month>${MONTH})(?<dot>\\.)?(?![\\p{L}\\p{N}]|-\\p{L})(?:(?:,?${SP}(?:of${SP})?(?<year>${YEAR}))(?![\\p{N}]|,\\d|\\.\\d)|(?:${SP}(?:of${SP})?(?<ryear>this|last|next)${SP}year))?`,
    'giud',
  ),
  { reach: 48 },
);

/** Words after which a capitalised month name is a month, even "May" and "March". */
const INTRO = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'to', 'through', 'thru', 'before', 'after', 'between',
  'and', 'or', 'of', 'early', 'mid', 'late', 'last', 'next', 'this', 'past', 'coming', 'previous', 'following',
  'each', 'every', 'on', 'for', 'throughout', 'into', 'around', 'as', 'that', 'same', 'end', 'beginning', 'start',
  'middle', 'late-', 'starting', 'beginning', 'ending', 'also', 'than', 'whole', 'entire',
]);

/** Determiners before a month used as a modifier ("the October slaying"); never for May and March. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/** Capitalised words that may follow a month without making it a name. */
const AFTER_OK = new Set(['and', 'or', 'to', 'through', 'when', 'while', 'as', 'after', 'before', 'the', 'a', 'an', 'in', 'at']);

export const month: Parser = {
  name: 'month',
  triggers: { words: MONTH_WORDS },
  parse(input) {
    const text = input.text;
    return scan(MONTH_RE, input, (m) => {
      const g = m.groups!;
      const word = g.month!;
      if (!isCapitalised(word)) return null;
      // Abbreviations stand alone only with their period and a year ("Oct. 2019").
      if (!isFullMonth(word) && !(g.dot && g.year)) return null;
      const mo = monthNumber(word)!;
      // A full name's "period" is the end of the sentence ("in September."), not part of the word.
      const dot = g.dot && !isFullMonth(word);
      const monthEnd = m.indices!.groups!.month![1] + (dot ? 1 : 0);
      // "during April. This year, …": a full name's period ends the sentence, and what follows is not its year.
      const ended = Boolean(g.dot && isFullMonth(word));
      const yearText = ended ? undefined : g.year;
      const ryearText = ended ? undefined : g.ryear;
      const end = yearText || ryearText ? m.index + m[0].length : monthEnd;
      const hasYear = Boolean(yearText || ryearText);
      const lead = g.edge || g.rel;
      if (!hasYear && !lead) {
        const before = wordBefore(text, m.index).toLowerCase();
        const after = wordAfter(text, monthEnd);
        // A month followed by a day number is the month-date parser's; here it would be a bare month.
        if (/^\d/.test(after) && /^\s+\d/.test(text.slice(monthEnd, monthEnd + 3))) return null;
        if (after && isCapitalised(after) && !AFTER_OK.has(after.toLowerCase()) && !/^\s*[,.;:)]/.test(text.slice(monthEnd))) return null;
        // "the October slaying", "a June agreement": a month modifying a noun after a determiner.
        const modifier = DETERMINERS.has(before) && /^\s+\p{Ll}/u.test(text.slice(monthEnd, monthEnd + 3));
        // "the March accession" is a month; "the March on Washington", "the March for Peace" a protest.
        const modifiesNoun = modifier && !/^\s+(?:on|to|for|of|against|through|from|in|at|by|toward|towards|into|across|and|or)\b/.test(text.slice(monthEnd, monthEnd + 12));
        if ((mo === 5 || mo === 3) && !INTRO.has(before) && !modifiesNoun) return null;
        // Any other month also wants an introducing word, or to stand where a noun phrase can (after punctuation).
        if (!INTRO.has(before) && !modifier && /\p{L}/u.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
      }
      const rel = (g.rel ?? '').toLowerCase().replace(/\s+/g, ' ');
      let meaning: Meaning;
      if (rel === 'each' || rel === 'every') {
        return proposal(m.index, end, 'SET', { kind: 'fixed', value: `XXXX-${String(mo).padStart(2, '0')}` }, 'month:set');
      }
      if (yearText) meaning = { kind: 'date', year: +yearText, month: mo };
      else if (ryearText) {
        const r = ryearText.toLowerCase();
        meaning = { kind: 'part', part: String(mo).padStart(2, '0'), yearShift: r === 'last' ? -1 : r === 'next' ? 1 : 0 };
      } else {
        let dir: Direction | undefined;
        if (rel === 'last' || rel === 'the previous' || rel === 'this past') dir = 'past';
        else if (rel === 'next' || rel === 'the following' || rel === 'this coming') dir = 'future';
        else if (rel === 'this') dir = 'this';
        meaning = dir ? { kind: 'date', month: mo, dir } : { kind: 'date', month: mo };
      }
      return proposal(m.index, end, 'DATE', meaning, `month:${yearText ? 'year' : ryearText ? 'relative-year' : rel ? 'relative' : 'bare'}`, edgeMod(g.edge));
    });
  },
};
