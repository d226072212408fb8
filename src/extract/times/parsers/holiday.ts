import { SP } from '../lexicon.js';
import { proposal, type Meaning, type MovableHoliday, type Parser } from '../proposal.js';
import { anchoredAt, scan, wordBefore } from '../scan.js';

/**
 * Holidays with a fixed or computable date: "Christmas", "Christmas Eve", "New Year's Day", "New
 * Year's Eve", "Easter", "Good Friday", "Easter Monday", "Thanksgiving" (US), "Halloween",
 * "Valentine's Day", "International Women's Day", "May Day", "Boxing Day", "Nowruz". Holidays of lunar
 * calendars (Ramadan, Eid) move every year and are not resolved. A holiday name used as a noun
 * modifier ("Christmas tree", "Easter egg") is not a date: the name must stand after a preposition or
 * carry "Day"/"Eve".
 */
const HOLIDAY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<rel>last|next|this)${SP})?(?<name>Christmas(?:${SP}(?:Day|Eve))?|New${SP}Year['’]?s(?:${SP}(?:Day|Eve))?|Easter(?:${SP}(?:Sunday|Monday))?|Good${SP}Friday|Thanksgiving(?:${SP}Day)?|Halloween|Valentine['’]?s${SP}Day|International${SP}Women['’]?s${SP}Day|May${SP}Day|Boxing${SP}Day|Nowruz|Norouz|Nauroz)(?![\\p{L}\\p{N}-])`,
    'gud',
  ),
  { reach: 24 },
);

const FIXED: Record<string, [number, number]> = {
  'christmas': [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new years day": [1, 1], 'new years': [1, 1],
  'new years eve': [12, 31], 'halloween': [10, 31], 'valentines day': [2, 14], 'international womens day': [3, 8],
  'may day': [5, 1], 'boxing day': [12, 26], 'nowruz': [3, 21], 'norouz': [3, 21], 'nauroz': [3, 21],
};

const PREPOSITIONS = new Set(['on', 'at', 'before', 'after', 'by', 'until', 'till', 'since', 'over', 'for', 'during', 'through', 'around', 'from', 'to', 'of', 'last', 'next', 'this', 'and']);

export const holiday: Parser = {
  name: 'holiday',
  triggers: { words: ['christmas', 'year', 'years', 'easter', 'friday', 'thanksgiving', 'halloween', 'valentine', 'women', 'may', 'boxing', 'nowruz', 'norouz', 'nauroz'] },
  parse(input) {
    const text = input.text;
    return scan(HOLIDAY_RE, input, (m) => {
      const g = m.groups!;
      const name = g.name!.replace(/\s+/g, ' ').replace(/['’]/g, '').toLowerCase();
      const end = m.index + m[0].length;
      const explicitDay = /(?:day|eve|sunday|monday|friday)$/.test(name) && name !== 'may day';
      const before = wordBefore(text, m.index).toLowerCase();
      // "Christmas tree", "Easter egg", "Thanksgiving dinner": a holiday name without "Day" wants a preposition before it.
      if (!explicitDay && !g.rel && !PREPOSITIONS.has(before)) return null;
      // "May Day" needs the same care: "May Day rally" after "on" is a date, "may day" lower-case is not capitalised anyway.
      const dir = g.rel ? (g.rel.toLowerCase() === 'last' ? 'past' : g.rel.toLowerCase() === 'next' ? 'future' : 'this') : undefined;
      const fixedDay = FIXED[name];
      let meaning: Meaning;
      if (fixedDay) meaning = { kind: 'date', month: fixedDay[0], day: fixedDay[1] };
      else meaning = { kind: 'holiday', name: name as MovableHoliday };
      if (dir) meaning.dir = dir;
      return proposal(m.index, end, 'DATE', meaning, `holiday:${name.replace(/ /g, '-')}`);
    });
  },
};
