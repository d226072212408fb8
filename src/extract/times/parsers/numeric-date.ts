import { isValidDate } from '../calendar.js';
import { proposal, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, DIGITS_1_2, DIGITS_4, scan, wordBefore } from '../scan.js';

/**
 * Dates written in digits: ISO ("2020-03-21", "2020/03/21", with an optional clock time "T14:30"),
 * and day-month-year with slashes or dots ("21/03/2020", "21.03.2020"). A day-first reading is taken
 * when both readings are possible, as most of the world writes dates; month-first only when the day
 * would otherwise exceed 12 ("03/21/2020"). Versions, scores and phone numbers are refused by the
 * requirement of a four-digit year and by the neighbours (no digit, dot or slash on either side).
 */
const ISO = anchoredAt(/(?<![\p{L}\p{N}./:-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{L}\p{N}]|[./:-]\d)/gu, { words: DIGITS_4, reach: 0 });
/**
 * Day and month alone, "on 07/01", "between 18/01 and 22/01": only after a word that introduces a date
 * ("3/4 of the vote", "24/7 coverage", "a 2/3 majority" are no dates); day first, as in the full form.
 * The year comes from the publication date (the anchoring refiner's past bias).
 */
const DM = anchoredAt(/(?<![\p{L}\p{N}./:-])(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}]|[./:-]\d)/gu, { words: DIGITS_1_2, reach: 0 });
const DATE_INTRO = /^(?:on|of|dated|between|and|from|to|until|till|since|before|after|by|night)$/i;

const DMY = anchoredAt(/(?<![\p{L}\p{N}./:-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\p{L}\p{N}]|[./:-]\d)/gu, { words: DIGITS_1_2, reach: 0 });

export const numericDate: Parser = {
  name: 'numeric-date',
  triggers: { words: [], digits: true },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(ISO, input, (m) => {
        const y = +m[1]!, mo = +m[3]!, d = +m[4]!;
        if (y < 1000 || !isValidDate(y, mo, d)) return null;
        const end = m.index + m[0].length;
        if (m[5] !== undefined) {
          const h = +m[5], mi = +m[6]!;
          if (h > 24 || mi > 59) return null;
          return proposal(m.index, end, 'TIME', { kind: 'date', year: y, month: mo, day: d, time: { hour: h, minute: mi } }, 'numeric-date:iso-time');
        }
        return proposal(m.index, end, 'DATE', { kind: 'date', year: y, month: mo, day: d }, 'numeric-date:iso');
      }),
    );
    out.push(
      ...scan(DMY, input, (m) => {
        const a = +m[1]!, b = +m[3]!, y = +m[4]!;
        if (y < 1800 || y > 2199) return null;
        // "version 2.10.2020", "build 1.2.2019": a version number, not a date.
        if (m[2] === '.' && /^(?:v|ver|version|build|release|rev|revision|firmware|update)$/i.test(wordBefore(text, m.index))) return null;
        // Day first unless impossible; a dotted date is always day first.
        let d = a, mo = b;
        if (b > 12 && a <= 12 && m[2] === '/') [d, mo] = [b, a];
        if (!isValidDate(y, mo, d)) return null;
        const rule = `numeric-date:${d === a ? 'dmy' : 'mdy'}`;
        return proposal(m.index, m.index + m[0].length, 'DATE', { kind: 'date', year: y, month: mo, day: d }, rule);
      }),
    );
    out.push(
      ...scan(DM, input, (m) => {
        if (!DATE_INTRO.test(wordBefore(text, m.index))) return null;
        const a = +m[1]!, b = +m[2]!;
        let d = a, mo = b;
        if (b > 12 && a <= 12) [d, mo] = [b, a];
        // Any year will do to check the day exists; 2000 is a leap year, so 29/02 stays possible.
        if (!isValidDate(2000, mo, d)) return null;
        return proposal(m.index, m.index + m[0].length, 'DATE', { kind: 'date', month: mo, day: d }, `numeric-date:${d === a ? 'dm' : 'md'}`);
      }),
    );
    return out;
  },
};
