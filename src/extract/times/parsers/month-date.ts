import { isValidDate } from '../calendar.js';
import { isCapitalised, isFullMonth, MONTH, MONTH_WORDS, monthNumber, ORDINAL_WORD, ordinalValue, SP, WEEKDAY, weekdayNumber } from '../lexicon.js';
import { proposal, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, groupEnd, groupStart, scan } from '../scan.js';

/**
 * A month with a day: "21 March 2020", "March 21, 2020", "Oct. 23", "March 21st", "the 21st of March",
 * "March eighth", with an optional weekday in front ("Friday, Oct. 23", "Monday 21 March") and the
 * ranges news writes ("21-23 March", "March 21-23") as two expressions, as TimeML does. The year, when
 * absent, is left to the anchoring refiner.
 */
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const YEAR = '(?:1[5-9]\\d\\d|2[01]\\d\\d)';
const DAY_SUFFIX = '(?:st|nd|rd|th)';
const WEEKDAY_LEAD = `(?:(?<wd>${WEEKDAY})\\.?,?${SP})?`;
const COMMA_YEAR = `(?:,?${SP}(?:of${SP})?(?<year>${YEAR})(?![\\p{N}]|,\\d|\\.\\d))?`;

// "March 21", "Oct. 23, 2020", "March 21st", "March eighth", "March 21-23".
const MONTH_DAY = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}])${WEEKDAY_LEAD}(?<month>${MONTH})(?<dot>\\.)?${SP}(?:the${SP})?(?:(?<day>${DAY})${DAY_SUFFIX}?(?:(?<dash>[-–]|${SP}(?:and|to|through|or)${SP})(?<day2>${DAY})${DAY_SUFFIX}?)?|(?<dayw>${ORDINAL_WORD}))(?![\\p{L}\\p{N}]|[:.,]\\d)${COMMA_YEAR}`,
    'giud',
  ),
  { reach: 24 },
);

// "21 March 2020", "the 21st of March", "21-23 March", "21 and 22 March".
const DAY_MONTH = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}.,:/])${WEEKDAY_LEAD}(?:the${SP})?(?<day>${DAY})${DAY_SUFFIX}?(?:(?<dash>[-–]|${SP}(?:and|to|through|or)${SP})(?<day2>${DAY})${DAY_SUFFIX}?)?${SP}(?:of${SP})?(?<month>${MONTH})(?<dot>\\.)?(?![\\p{L}])${COMMA_YEAR}`,
    'giud',
  ),
  { reach: 40 },
);

/** Words after a date that make it part of a name: "12 March Street", "the April 6 Youth Movement". */
const NAME_AFTER = /^[ \t]+(?:Street|St\b|Road|Rd\b|Avenue|Ave\b|Square|Boulevard|Blvd\b|Lane|Bridge|Stadium|Park|Movement|Coalition|Alliance|Front|Revolution|Brigade|Group|Party|Hospital|School|University|Youth)/;

function accept(m: RegExpExecArray, text: string): boolean {
  const month = m.groups!.month!;
  if (!isCapitalised(month)) return false;
  const wd = m.groups!.wd;
  if (wd && !isCapitalised(wd)) return false;
  return !NAME_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16));
}

function build(m: RegExpExecArray, text: string, rule: string): Proposal[] | null {
  if (!accept(m, text)) return null;
  const g = m.groups!;
  const month = monthNumber(g.month!)!;
  const year = g.year ? +g.year : undefined;
  const day = g.day ? +g.day : ordinalValue(g.dayw ?? '');
  if (!day) return null;
  // Abbreviations without their period are accepted only before a digit: "Jan 5", not "Jan Smith".
  if (!isFullMonth(g.month!) && !g.dot && !g.day) return null;
  const weekday = g.wd ? weekdayNumber(g.wd) : undefined;
  const check = (d: number) => (year ? isValidDate(year, month, d) : isValidDate(2000, month, d));
  if (!check(day)) return null;
  let end = m.index + m[0].length;
  // "on 21 October." at the end of a sentence: the period is the sentence's, not an abbreviation's.
  if (g.dot && isFullMonth(g.month!) && !g.year && end === groupEnd(m, 'month') + 1) end -= 1;
  const meaning = (d: number, wd?: number) => {
    const mm: { kind: 'date'; year?: number; month: number; day: number; weekday?: number } = { kind: 'date', month, day: d };
    if (year) mm.year = year;
    if (wd) mm.weekday = wd;
    return mm;
  };
  if (g.day2) {
    const day2 = +g.day2;
    if (!check(day2) || day2 <= day) return null;
    // Two dates, as TimeML writes a range: "March 21-23" is "March 21" and "23"; "21-23 March" is "21"
    // and "23 March". Both get the month (and the year, if given); the weekday belongs to the first.
    const suffix = /^(?:st|nd|rd|th)/i.exec(text.slice(groupEnd(m, 'day'), groupEnd(m, 'day') + 2))?.[0].length ?? 0;
    const first = proposal(m.index, groupEnd(m, 'day') + suffix, 'DATE', meaning(day, weekday), `month-date:${rule}:range-start`);
    const second = proposal(groupStart(m, 'day2'), end, 'DATE', meaning(day2), `month-date:${rule}:range-end`);
    return [first, second];
  }
  return [proposal(m.index, end, 'DATE', meaning(day, weekday), `month-date:${rule}`)];
}

export const monthDate: Parser = {
  name: 'month-date',
  triggers: { words: MONTH_WORDS },
  parse(input) {
    const text = input.text;
    return [...scan(MONTH_DAY, input, (m) => build(m, text, 'month-day')), ...scan(DAY_MONTH, input, (m) => build(m, text, 'day-month'))];
  },
};
