/**
 * Words of English temporal expressions, shared by the parsers: month and weekday names, number words,
 * units, and the regular-expression fragments built from them. Fragments are plain strings so parsers
 * can compose them into one regular expression each, compiled once when the module loads.
 */

/** Month names and their accepted abbreviations (lower case, without the period). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4,
  thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

/**
 * Month and weekday names for case-insensitive regular expressions (flags `iu`); the parsers check the
 * capitalisation of what matched with `isCapitalised`, since lower-case "may" and "march" are words.
 * An abbreviation may carry its period ("Oct."): `monthWord` tells a full name from an abbreviation.
 */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
export const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';

const FULL_MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** True for a full month name, false for an abbreviation ("Oct", "Sept"). */
export function isFullMonth(word: string): boolean {
  return FULL_MONTHS.has(word.toLowerCase());
}

/** Capitalised ("March") or all capitals ("MARCH"), as a name is written; not "march". */
export function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, '')];
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** A cardinal written in words up to ninety-nine ("twenty four", "twenty-four"), or in digits. */
export const NUMBER_WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|${NUMBER_WORD}(?:[ -](?:hundred|thousand))?|a\\s+hundred|hundreds|a\\s+thousand|thousands)`;

/**
 * The value of a number as written: digits, number words, "a"/"an" (1), "a couple of" (2), "a dozen".
 * Vague quantities ("several", "a few", "many") give null: TIMEX3 writes them as X.
 */
export function numberValue(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (s === 'a' || s === 'an' || s === 'one' || s === 'single') return 1;
  if (/^(?:a )?couple(?: of)?$/.test(s)) return 2;
  if (s === 'a dozen' || s === 'dozen') return 12;
  if (s === 'a hundred' || s === 'one hundred') return 100;
  if (s === 'a thousand' || s === 'one thousand') return 1000;
  if (s in UNITS_WORDS) return UNITS_WORDS[s]!;
  const big = /^(.+?)[ -](hundred|thousand)$/.exec(s);
  if (big) {
    const k = numberValue(big[1]!);
    return k === null ? null : k * (big[2] === 'hundred' ? 100 : 1000);
  }
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?$/.exec(s);
  if (m) return TENS_WORDS[m[1]!]! + (m[2] ? UNITS_WORDS[m[2]]! : 0);
  return null;
}

/** Ordinals as words or digits ("third", "3rd", "twenty-first"). */
export const ORDINAL_WORD =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[- ]first)';

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

export function ordinalValue(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ');
  const d = /^(\d+)(?:st|nd|rd|th)?$/.exec(s);
  if (d) return Number(d[1]);
  if (s in ORDINALS) return ORDINALS[s]!;
  const m = /^(twenty|thirty)[- ](\w+)$/.exec(s);
  if (m && m[2]! in ORDINALS) return TENS_WORDS[m[1]!]! + ORDINALS[m[2]!]!;
  return null;
}

/** Required whitespace (at least one character) with at most one line break. */
export const SP = '(?:[ \\t\\u00a0]+|[ \\t\\u00a0]*(?:\\r?\\n|\\r)[ \\t\\u00a0]*)';

/** Trigger words (lower case) shared by several parsers; see ./triggers.ts. */
export const MONTH_WORDS = [
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul', 'august',
  'aug', 'september', 'sept', 'sep', 'october', 'oct', 'november', 'nov', 'december', 'dec',
] as const;
export const WEEKDAY_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays',
] as const;
export const UNIT_WORDS = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'weekend',
  'weekends', 'fortnight', 'fortnights', 'month', 'months', 'quarter', 'quarters', 'half', 'year', 'years', 'decade',
  'decades', 'century', 'centuries', 'millennium', 'millennia',
] as const;
export const PART_WORDS = ['morning', 'mornings', 'afternoon', 'afternoons', 'evening', 'evenings', 'night', 'nights', 'overnight'] as const;
export const SEASON_WORDS = ['spring', 'summer', 'fall', 'autumn', 'winter'] as const;
