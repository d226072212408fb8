/**
 * Reading calendar dates as news pages and feeds write them: ISO 8601, RFC 822 (RSS), "Oct. 23, 2016",
 * "23 October 2016", "Sunday, Oct. 23", with or without a time. Used for publication dates only; event
 * dates in running text are the times extractor's job.
 */

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month by any spelling news uses: full name, three letters, "Sept". Lower-case keys, no dot. */
export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
    ...(name === 'september' ? [['sept', 9] as const] : []),
  ]),
);

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Month names as written in Title or UPPER case (AP datelines write "OCT." in some feeds), dot optional. */
const MONTH_RE = (() => {
  const forms = new Set<string>();
  for (const name of MONTH_NAMES) {
    const abbrs = [name.slice(0, 3), ...(name === 'september' ? ['sept'] : [])];
    for (const f of [name, ...abbrs]) for (const c of [cap(f), f.toUpperCase()]) forms.add(f === name ? c : `${c}\\.?`);
  }
  return `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`;
})();

const WEEKDAY_RE = (() => {
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const forms = new Set<string>();
  for (const d of days) for (const f of [d, d.slice(0, 3), ...(d === 'tuesday' ? ['tues'] : []), ...(d === 'thursday' ? ['thur', 'thurs'] : [])]) {
    for (const c of [cap(f), f.toUpperCase()]) forms.add(f === d ? c : `${c}\\.?`);
  }
  return `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`;
})();

const DAY_RE = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
const YEAR_RE = '(?:1[89]\\d\\d|2[01]\\d\\d)';
const TIME_RE = '(?:\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s*[AaPp]\\.?[Mm]\\.?)?|\\d{1,2}\\s*[AaPp]\\.?[Mm]\\.?)';
const TZ_RE = '(?:\\(?(?:[A-Z]{2,5}|GMT|UTC)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?\\)?|[+-]\\d{2}:?\\d{2}|Z)';

/** A calendar date found in text; `year` is null when the text gives only month and day. */
export interface DateParts {
  year: number | null;
  month: number;
  day: number;
  /** Offsets of the date phrase within the string searched. */
  start: number;
  end: number;
}

const monthNumber = (s: string) => MONTHS[s.replace(/\.$/, '').toLowerCase()]!;

// Each form is tried at a position (sticky); groups: month/day/year by name.
const FORMS: RegExp[] = [
  // 2016-10-23, 2016/10/23
  new RegExp(`(?<year>${YEAR_RE})[-/](?<month>0?[1-9]|1[0-2])[-/](?<day>3[01]|[12]\\d|0?[1-9])(?![\\d])`, 'y'),
  // (Sunday,) Oct. 23(, 2016)
  new RegExp(`(?:${WEEKDAY_RE},?\\s+)?(?<mname>${MONTH_RE})\\s+(?<day>${DAY_RE})(?![\\d])(?:,?\\s+(?<year>${YEAR_RE})(?![\\d]))?`, 'y'),
  // (Sunday,) 23 October( 2016)
  new RegExp(`(?:${WEEKDAY_RE},?\\s+)?(?<day>${DAY_RE})\\s+(?:of\\s+)?(?<mname>${MONTH_RE})(?:,?\\s+(?<year>${YEAR_RE})(?![\\d]))?`, 'y'),
];

const TAIL = new RegExp(`(?:,?\\s*(?:at\\s+)?${TIME_RE}(?:\\s*${TZ_RE})?)?`, 'y');

/** A date phrase starting exactly at `pos`, with an optional trailing time and zone, or null. */
export function dateAt(s: string, pos: number): DateParts | null {
  for (const re of FORMS) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) continue;
    const g = m.groups!;
    const month = g.mname ? monthNumber(g.mname) : +g.month!;
    const day = parseInt(g.day!, 10);
    const year = g.year ? +g.year : null;
    if (!validDay(year ?? 2000, month, day)) continue;
    TAIL.lastIndex = pos + m[0].length;
    const t = TAIL.exec(s);
    return { year, month, day, start: pos, end: pos + m[0].length + (t ? t[0].length : 0) };
  }
  return null;
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (!validDay(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A string that is a date and nothing else (trailing punctuation allowed), with a year; else null. */
export function wholeDate(s: string): string | null {
  const t = s.trim().replace(/[.,;:|]+$/, '');
  const d = dateAt(t, 0);
  if (!d || d.year === null || d.end !== t.length) return null;
  return isoDate(d.year, d.month, d.day);
}

const TZ_OFFSETS: Record<string, string> = {
  Z: '+00:00', GMT: '+00:00', UT: '+00:00', UTC: '+00:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function offset(z: string | undefined): string {
  if (!z) return '';
  if (TZ_OFFSETS[z.toUpperCase()]) return TZ_OFFSETS[z.toUpperCase()]!;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
// RFC 822 / 1123 as RSS uses it: "Sun, 23 Oct 2016 09:30:00 +0300"; the weekday and the seconds are optional.
const RFC822 = new RegExp(
  `^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,3}|[+-]\\d{4})?$`,
);

/**
 * A publication date as given by an input, a meta tag or a feed, normalised to `YYYY-MM-DD` or an ISO
 * timestamp that keeps the offset as written ("2016-10-23T09:30:00+03:00"), so its first ten characters are
 * the local calendar day of publication (converting to UTC could move it to the previous day). Null when
 * the string is not a date.
 */
export function normalisePublished(s: string): string | null {
  const t = s.trim();
  let m = ISO.exec(t);
  if (m) {
    if (!isoDate(+m[1]!, +m[2]!, +m[3]!)) return null;
    if (m[4] === undefined) return `${m[1]}-${m[2]}-${m[3]}`;
    if (+m[4] > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 60)) return null;
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset(m[7])}`;
  }
  m = RFC822.exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    const date = isoDate(year, monthNumber(m[2]!), +m[1]!);
    if (!date || +m[4]! > 23 || +m[5]! > 59) return null;
    return `${date}T${pad(+m[4]!)}:${m[5]}:${m[6] ?? '00'}${offset(m[7])}`;
  }
  return wholeDate(t);
}
