import {
  addMonths,
  dayNumber,
  easter,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  fromDayNumber,
  isoWeekStart,
  isValidDate,
  nthWeekday,
  parseDay,
  quarterOf,
  weekdayOf,
} from '../calendar.js';
import type { Direction, Meaning, MovableHoliday, Proposal, TimeOfDay } from '../proposal.js';
import type { TimeMention } from '../types.js';
import { clausePast, cueAround, type Cue } from './direction.js';

/**
 * The anchoring refiner: turns each proposal's meaning into a TIMEX3 value. Relative expressions count
 * from the publication date, anaphoric ones ("the next day", "that year", "the quarter") from the
 * reference time (the last date the text resolved), and incomplete dates ("Friday", "March", "Oct. 23")
 * take the nearest occurrence before the publication date unless the grammar points to the future.
 * Without a publication date, what the words say is kept and the rest written as X ("XXXX-WXX-5").
 */
export interface AnchorContext {
  text: string;
  /** Publication day number (see ../calendar.ts) or null for an undated document. */
  published: number | null;
  /** The sentence (or paragraph) bounds around an offset, for tense cues and same-sentence dates; `kind` 'heading' for a headline. */
  sentenceAt(offset: number): { start: number; end: number; kind?: string };
  /** The part of speech of the token starting at an offset, when the document has been tagged. */
  posAt?: (offset: number) => string | undefined;
}

interface Reference {
  day: number | null;
  /** Year, month, ISO week of the last date mentioned (from any granularity). */
  year: number | null;
  month: { y: number; m: number } | null;
  week: number | null;
  quarter: { y: number; q: number } | null;
  /** Granularity of the last DATE resolved: decides what "a year earlier" means. */
  last: 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | null;
}

type Anchored = { value: string; anchor: TimeMention['anchor'] };

const pad = (n: number) => String(n).padStart(2, '0');

function timeSuffix(t: TimeOfDay | undefined): string {
  if (!t) return '';
  if ('part' in t) return `T${t.part}`;
  return `T${pad(t.hour)}:${pad(t.minute ?? 0)}`;
}

/** The day `weekday` nearest `base` in direction `dir` ("past": on or before; `strict`: never `base` itself). */
function weekdayFrom(base: number, weekday: number, dir: Direction, strict: boolean): number {
  const wd = weekdayOf(base);
  if (dir === 'this') return base - wd + weekday;
  if (dir === 'past') {
    let back = (wd - weekday + 7) % 7;
    if (back === 0 && strict) back = 7;
    return base - back;
  }
  let fwd = (weekday - wd + 7) % 7;
  if (fwd === 0 && strict) fwd = 7;
  return base + fwd;
}

/**
 * The year for a month (and day) without one. With a direction from the words or the grammar: the
 * latest occurrence on or before the publication date ("last March", "was killed on Oct. 23"), or the
 * first on or after it ("will meet on Oct. 23"). Without one, the nearest occurrence, a date ahead
 * counting double: news mentions dates a few weeks ahead (deadlines, hearings, summits) but reaches
 * further back than forward.
 */
function yearFor(base: number, month: number, day: number | null, dir: Direction | null): number {
  const { y } = fromDayNumber(base);
  if (dir === 'this') return y;
  const first = (yy: number) => dayNumber(yy, month, day ?? 1);
  const last = (yy: number) => (day === null ? dayNumber(yy, month + 1, 1) - 1 : first(yy));
  if (dir === 'past') return first(y) <= base ? y : y - 1;
  if (dir === 'future') return last(y) >= base ? y : y + 1;
  let best = y;
  let bestCost = Infinity;
  for (const yy of [y - 1, y, y + 1]) {
    const cost = first(yy) > base ? 2 * (first(yy) - base) : last(yy) < base ? base - last(yy) : 0;
    if (cost < bestCost) [best, bestCost] = [yy, cost];
  }
  return best;
}

function seasonYear(base: number, season: string, dir: Direction | 'begun'): number {
  const { y, m } = fromDayNumber(base);
  // Seasons as TimeML writes them, northern hemisphere: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (WI of year Y starts in December of Y).
  const startMonth: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
  const start = (yy: number) => dayNumber(yy, startMonth[season]!, 1);
  const end = (yy: number) => dayNumber(yy, startMonth[season]! + 3, 1) - 1;
  if (dir === 'this') return season === 'WI' && m <= 2 ? y - 1 : y;
  if (dir === 'begun') {
    for (let yy = y; yy > y - 3; yy--) if (start(yy) <= base) return yy;
    return y - 1;
  }
  if (dir === 'past') {
    for (let yy = y; yy > y - 3; yy--) if (end(yy) < base) return yy;
    return y - 1;
  }
  for (let yy = y - 1; yy < y + 3; yy++) if (start(yy) > base) return yy;
  return y + 1;
}

function holidayDay(name: MovableHoliday, y: number): number {
  switch (name) {
    case 'easter':
    case 'easter sunday':
      return easter(y);
    case 'easter monday':
      return easter(y) + 1;
    case 'good friday':
      return easter(y) - 2;
    case 'thanksgiving':
    case 'thanksgiving day':
      return nthWeekday(y, 11, 4, 4);
  }
}

export class Anchorer {
  private readonly ref: Reference = { day: null, year: null, month: null, week: null, quarter: null, last: null };
  constructor(private readonly ctx: AnchorContext) {}

  /** Past or future for an incomplete date: the words say, else the grammar, else the past. */
  private direction(p: Proposal, explicit: Direction | undefined): Direction {
    return this.tense(p, explicit) ?? 'past';
  }

  /** The direction the words or the grammar give, or null when nothing says. */
  private tense(p: Proposal, explicit: Direction | undefined): Direction | null {
    if (explicit) return explicit;
    return this.cue(p)?.tense ?? null;
  }

  private cue(p: Proposal): Cue | null {
    // An expression in brackets glossing the one before ("at 4 in the morning (4 a.m. EDT Thursday)")
    // has that one's clause: the bracket hides the verb.
    const prev = this.prev;
    const at = prev && /^\s*[([]\s*$/.test(this.ctx.text.slice(prev.end, p.start)) ? prev : p;
    const s = this.ctx.sentenceAt(at.start);
    // Headlines write past events in the present ("Minister visits Mosul Sunday"): no schedule reading there.
    return cueAround(this.ctx.text, at.start, at.end, s.start, s.end, { schedule: s.kind !== 'heading', ...(this.ctx.posAt ? { posAt: this.ctx.posAt } : {}) });
  }

  /** The expression opens its sentence and is set off by a comma: "On May 1, ...", "May 1, ...". */
  private opensSentence(p: Proposal): boolean {
    const s = this.ctx.sentenceAt(p.start);
    return /^\s*(?:on\s+)?$/i.test(this.ctx.text.slice(s.start, p.start)) && /^\s*,/.test(this.ctx.text.slice(p.end, p.end + 3));
  }

  /** The proposal resolved last (the one before in the text). */
  private prev: Proposal | null = null;

  private remember(value: string): void {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
      const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
      const n = dayNumber(y, mo, d);
      Object.assign(this.ref, { day: n, year: y, month: { y, m: mo }, week: n, quarter: { y, q: quarterOf(mo) } });
      this.ref.last = 'day';
    } else if ((m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value))) {
      const n = isoWeekStart(+m[1]!, +m[2]!);
      const { y, m: mo } = fromDayNumber(n);
      Object.assign(this.ref, { week: n, year: y, month: { y, m: mo } });
      this.ref.last = 'week';
    } else if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
      const y = +m[1]!, mo = +m[2]!;
      Object.assign(this.ref, { year: y, month: { y, m: mo }, quarter: { y, q: quarterOf(mo) } });
      this.ref.last = 'month';
    } else if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
      Object.assign(this.ref, { year: +m[1]!, quarter: { y: +m[1]!, q: +m[2]! } });
      this.ref.last = 'quarter';
    } else if ((m = /^(\d{4})-H[12]$/.exec(value))) {
      this.ref.year = +m[1]!;
      this.ref.last = 'half';
    } else if ((m = /^(\d{4})(?:-(?:SP|SU|FA|WI))?$/.exec(value))) {
      this.ref.year = +m[1]!;
      this.ref.last = 'year';
    }
  }

  /** The day an anaphoric expression counts from: the reference day, else the publication day. */
  private refDay(): { day: number; anchor: TimeMention['anchor'] } | null {
    if (this.ref.day !== null) return { day: this.ref.day, anchor: 'reference' };
    if (this.ctx.published !== null) return { day: this.ctx.published, anchor: 'publication' };
    return null;
  }

  resolve(p: Proposal): Anchored {
    const a = this.meaning(p, p.meaning);
    this.prev = p;
    // "the first nine months", "the six months": a stretch of the year a results report turns to; "the
    // 1988 period" and "year-ago results" after it compare that stretch, not a quarter.
    if (p.type === 'DURATION' && STRETCH.test(this.ctx.text.slice(p.start, p.end))) this.stretchAt = p.end;
    // Comparisons ("a year earlier", "the year-ago quarter") do not move the time under discussion.
    const m = p.meaning;
    const comparison = (m.kind === 'topic' && m.yearShift !== 0) || (m.kind === 'shift' && m.context === true);
    if ((p.type === 'DATE' || p.type === 'TIME') && !comparison) {
      this.remember(a.value);
      if (/^\d{4}-Q[1-4]$/.test(a.value)) {
        this.quarterAt = p.end;
        // A quarter named ("the third quarter", "the latest quarter") may become the one under discussion; a
        // quarter given by its closing day does not: fiscal quarters are named by the fiscal year.
        if (p.meaning.kind === 'part' || (p.meaning.kind === 'topic' && p.meaning.latest)) this.noteMainQuarter(this.ref.quarter, p.end);
      }
      // A year or a month named on its own moves the talk away from quarters; a day ("the quarter ended Sept. 30") does not.
      else if (/^\d{4}(?:-\d{2})?$/.test(a.value)) this.quarterAt = -Infinity;
    }
    return a;
  }

  /** Where a stretch of months ("the first nine months") was last named. */
  private stretchAt = -Infinity;

  /** The quarter a report about results is about (see noteMainQuarter). */
  private mainQuarter: { y: number; q: number } | null = null;

  /**
   * Rule "results-quarter": a results report is about the latest quarter it names that has ended by the
   * publication date. A quarter still ahead ("expects a gain in the fourth quarter", "through the third
   * quarter of 1990") is an outlook, and an earlier one named after it ("after a flat second quarter") is
   * background: neither is what "the year-ago period" or "a year earlier" compare with.
   */
  private noteMainQuarter(q: { y: number; q: number } | null, at: number): void {
    if (!q) return;
    const dct = this.ctx.published;
    if (dct !== null && dayNumber(q.y, q.q * 3 + 1, 1) - 1 > dct) return;
    this.namedQuarter = { q, at };
    if (this.mainQuarter && this.mainQuarter.y * 4 + this.mainQuarter.q >= q.y * 4 + q.q) return;
    this.mainQuarter = q;
  }

  /** The last ended quarter named, and where. */
  private namedQuarter: { q: { y: number; q: number }; at: number } | null = null;

  /**
   * The quarter under discussion at `at`: one named earlier in the same paragraph (a round-up of several
   * companies gives each its paragraph and its own quarter), else the report's main quarter, else the
   * last quarter resolved.
   */
  private topicQuarter(at: number): { y: number; q: number } | null {
    const n = this.namedQuarter;
    if (n && at - n.at <= Anchorer.PARAGRAPH && !/\n\s*\n/.test(this.ctx.text.slice(n.at, at))) return n.q;
    return this.mainQuarter ?? this.ref.quarter;
  }

  /** How far (in characters) a paragraph is taken to reach at most. */
  private static readonly PARAGRAPH = 1500;

  /** Where the last quarter was mentioned; "a year earlier" shortly after it means that quarter a year before. */
  private quarterAt = -Infinity;

  /**
   * How far (in characters) a quarter keeps the talk on quarters: a results report compares with "a year
   * earlier" several paragraphs after naming its quarter (a year or a month named in between ends it).
   */
  private static readonly QUARTER_TALK = 1000;


  /** A clock time or part of day with no date of its own, on the day `day` (null: unknown). */
  static onDay(day: number | null, time: TimeOfDay | undefined): string {
    return `${day === null ? 'XXXX-XX-XX' : formatDay(day)}${timeSuffix(time)}`;
  }

  private meaning(p: Proposal, m: Meaning): Anchored {
    const dct = this.ctx.published;
    switch (m.kind) {
      case 'fixed':
        return { value: m.value, anchor: 'none' };
      case 'date':
        return this.date(p, m);
      case 'part': {
        if (m.year !== undefined) return { value: `${formatYear(m.year)}-${m.part}`, anchor: 'none' };
        if (dct === null) return { value: `XXXX-${m.part}`, anchor: 'none' };
        const { y } = fromDayNumber(dct);
        if (m.yearShift !== undefined) return { value: `${formatYear(y + m.yearShift)}-${m.part}`, anchor: 'publication' };
        if (/^(?:SP|SU|FA|WI)$/.test(m.part)) {
          // "the summer": the future if the grammar says so, else the latest one begun by the publication date.
          const dir = m.dir ?? (this.tense(p, undefined) === 'future' ? 'future' : 'begun');
          return { value: `${formatYear(seasonYear(dct, m.part, dir))}-${m.part}`, anchor: 'publication' };
        }
        // "the fourth quarter" in January is last year's, unless the clause looks ahead.
        const q = /^Q([1-4])$/.exec(m.part);
        const h = /^H([12])$/.exec(m.part);
        const mo = fromDayNumber(dct).m;
        const ahead = (q && +q[1]! > quarterOf(mo)) || (h && +h[1]! > (mo <= 6 ? 1 : 2));
        const yy = ahead && this.tense(p, m.dir) !== 'future' ? y - 1 : y;
        return { value: `${formatYear(yy)}-${m.part}`, anchor: 'publication' };
      }
      case 'shift':
        return this.shift(p, m);
      case 'topic': {
        let q = this.topicQuarter(p.start);
        let anchor: TimeMention['anchor'] = 'reference';
        if (this.stretchAt > this.quarterAt && !m.ended && !m.latest && (m.year !== undefined || m.yearShift !== 0)) {
          // "In the first nine months, net rose … from the 1988 period": the same stretch of that year.
          const base = m.year ?? (q?.y ?? (dct === null ? null : fromDayNumber(dct).y));
          if (base === null) return { value: 'XXXX', anchor: 'none' };
          return { value: formatYear(m.year ?? base + m.yearShift), anchor: m.year !== undefined ? 'none' : 'reference' };
        }
        if (m.ended && (dct !== null || m.ended.year !== undefined)) {
          // The quarter that closed on that day (fiscal quarters end on any day: take the one holding most of it).
          const y = m.ended.year ?? yearFor(dct!, m.ended.month, m.ended.day, 'past');
          const mid = fromDayNumber(dayNumber(y, m.ended.month, m.ended.day) - 45);
          return { value: `${formatYear(mid.y + m.yearShift)}-Q${quarterOf(mid.m)}`, anchor: m.ended.year !== undefined ? 'none' : 'publication' };
        }
        if (m.latest && dct !== null) {
          // The latest quarter is the last completed one, or an earlier one the text has been speaking of.
          const { y, m: mo } = fromDayNumber(dct);
          const cur = quarterOf(mo);
          const done = cur === 1 ? { y: y - 1, q: 4 } : { y, q: cur - 1 };
          if (!q || q.y * 4 + q.q > done.y * 4 + done.q) q = done;
        }
        if (!q) {
          if (dct === null) return { value: m.year !== undefined ? `${formatYear(m.year)}-QX` : 'XXXX-QX', anchor: 'none' };
          const { y, m: mo } = fromDayNumber(dct);
          // "year-ago" results outside a report about quarters compare years.
          if (m.adjective) return { value: formatYear(y + m.yearShift), anchor: 'publication' };
          // The quarter under discussion is, by default, the last one completed.
          const cur = quarterOf(mo);
          q = cur === 1 ? { y: y - 1, q: 4 } : { y, q: cur - 1 };
          anchor = 'publication';
        }
        const year = m.year ?? q.y + m.yearShift;
        return { value: `${formatYear(year)}-Q${q.q}`, anchor };
      }
      case 'holiday': {
        if (dct === null) return { value: 'XXXX-XX-XX', anchor: 'none' };
        const dir = this.direction(p, m.dir);
        const { y } = fromDayNumber(dct);
        const days = [y - 1, y, y + 1].map((yy) => holidayDay(m.name, yy));
        const pick = dir === 'future' ? days.find((d) => d >= dct) : dir === 'this' ? days[1] : [...days].reverse().find((d) => d <= dct);
        return { value: formatDay(pick ?? days[1]!), anchor: 'publication' };
      }
    }
  }

  private date(p: Proposal, m: Extract<Meaning, { kind: 'date' }>): Anchored {
    const dct = this.ctx.published;
    const suffix = timeSuffix(m.time);
    if (m.weekOf) {
      // "the week of March 6": the ISO week holding the day.
      const { weekOf: _w, ...day } = m;
      const a = this.date(p, day);
      const n = /^\d{4}-\d{2}-\d{2}/.test(a.value) ? parseDay(a.value) : null;
      return n === null ? { value: 'XXXX-WXX', anchor: a.anchor } : { value: formatWeek(n), anchor: a.anchor };
    }
    if (m.dayOffset) {
      // "the day before last Tuesday": the day itself, then moved; the time of day stays ("the night before").
      const { dayOffset, time, ...day } = m;
      const a = this.date(p, day);
      const n = /^\d{4}-\d{2}-\d{2}$/.test(a.value) ? parseDay(a.value) : null;
      return n === null ? { value: `XXXX-XX-XX${suffix}`, anchor: a.anchor } : { value: formatDay(n + dayOffset) + timeSuffix(time), anchor: a.anchor };
    }
    if (m.year !== undefined && m.month !== undefined && m.day !== undefined) {
      return { value: `${formatYear(m.year)}-${pad(m.month)}-${pad(m.day)}${suffix}`, anchor: 'none' };
    }
    if (m.year !== undefined && m.month !== undefined) return { value: formatMonth(m.year, m.month), anchor: 'none' };
    if (m.month !== undefined) {
      if (dct === null) return { value: `XXXX-${pad(m.month)}${m.day !== undefined ? '-' + pad(m.day) : ''}${suffix}`, anchor: 'none' };
      // A past verb near a date is often the report's ("extended to Nov. 20", "payable Jan. 2"): for a
      // month and day only the words ("last March") or a future cue settle the direction, otherwise the
      // nearest occurrence, the past preferred. A month alone follows the grammar either way ("bought in
      // February", "will open in June").
      // A past verb right before the date is the date's own ("ended Jan. 31", "died Oct. 23").
      const cue = m.dir ? null : this.cue(p);
      const t = cue?.tense ?? null;
      const dir = m.dir ?? (t === 'future' || (t === 'past' && (m.day === undefined || cue!.distance <= 1)) ? t : null);
      if (m.day === undefined) {
        // Rule "strict-month": "last October" in an October paper is a year back, "next October" a year
        // ahead; the words never name the publication month itself (as "last Friday" never names the day).
        if (m.dir === 'past' || m.dir === 'future') {
          const { y, m: pm } = fromDayNumber(dct);
          const yy = m.dir === 'past' ? (m.month < pm ? y : y - 1) : m.month > pm ? y : y + 1;
          return { value: formatMonth(yy, m.month), anchor: 'publication' };
        }
        // A month alone whose clause says nothing follows the sentence: "In January, a week after the
        // anniversary, a bomb killed a guard"; "the firm changed to a calendar year in December".
        let monthDir = dir;
        if (!monthDir && !cue) {
          const s = this.ctx.sentenceAt(p.start);
          monthDir = clausePast(this.ctx.text, p.start, s.start) ? 'past' : null;
        }
        return { value: formatMonth(yearFor(dct, m.month, null, monthDir), m.month), anchor: 'publication' };
      }
      let y = yearFor(dct, m.month, m.day, dir);
      // A date that opens its sentence, set off by a comma, is the whole clause's ("On May 1, workers staged a
      // march"): told as done, it is no date weeks ahead but last year's. (A few days ahead is rather a slip in
      // the report's own date, and stays.)
      if (!dir && t === 'past' && isValidDate(y, m.month, m.day) && isValidDate(y - 1, m.month, m.day) && dayNumber(y, m.month, m.day) > dct + 7 && this.opensSentence(p)) y -= 1;
      // A weekday given with the date settles the year when the past-biased guess disagrees with it.
      if (m.weekday !== undefined && isValidDate(y, m.month, m.day) && weekdayOf(dayNumber(y, m.month, m.day)) !== m.weekday) {
        const fit = [y + 1, y - 1].find((yy) => isValidDate(yy, m.month!, m.day!) && weekdayOf(dayNumber(yy, m.month!, m.day!)) === m.weekday);
        if (fit !== undefined) y = fit;
      }
      return { value: `${formatYear(y)}-${pad(m.month)}-${pad(m.day)}${suffix}`, anchor: 'publication' };
    }
    if (m.weekday !== undefined) {
      const base = m.fromRef ? this.refDay() : dct === null ? null : { day: dct, anchor: 'publication' as const };
      if (!base) return { value: `XXXX-WXX-${m.weekday}${suffix}`, anchor: 'none' };
      // "Wednesday's ruling": a day named by what happened on it is past.
      const possessive = /^['’]s\b/.test(this.ctx.text.slice(p.end, p.end + 3));
      const dir = possessive && !m.dir ? 'past' : this.direction(p, m.dir);
      // "last Friday"/"next Friday" never mean the publication day itself; a bare "Friday" may.
      const strict = m.dir === 'past' || m.dir === 'future';
      return { value: formatDay(weekdayFrom(base.day, m.weekday, dir, strict)) + suffix, anchor: base.anchor };
    }
    if (m.day !== undefined) {
      if (dct === null) return { value: `XXXX-XX-${pad(m.day)}`, anchor: 'none' };
      const { y, m: mo, d } = fromDayNumber(dct);
      const dir = this.direction(p, m.dir);
      let target = { y, m: mo };
      if (dir === 'past' && m.day > d) target = addMonths(y, mo, -1);
      if (dir === 'future' && m.day < d) target = addMonths(y, mo, 1);
      return { value: `${formatMonth(target.y, target.m)}-${pad(m.day)}`, anchor: 'publication' };
    }
    // A clock time or part of day alone: the day the text is speaking of (a day named in the same sentence,
    // settled by anchorAll, else the last day mentioned), else the publication day.
    if (this.ref.day !== null) return { value: Anchorer.onDay(this.ref.day, m.time), anchor: 'reference' };
    return { value: Anchorer.onDay(dct, m.time), anchor: dct === null ? 'none' : 'publication' };
  }

  private shift(p: Proposal, m: Extract<Meaning, { kind: 'shift' }>): Anchored {
    const dct = this.ctx.published;
    let base: number | null = dct;
    let anchor: TimeMention['anchor'] = 'publication';
    if (m.from === 'ref') {
      const r = this.refBase(m.unit);
      if (r) {
        base = r;
        anchor = 'reference';
      }
    }
    const suffix = timeSuffix(m.time);
    if (base === null) return { value: this.unknownShift(m.unit) + (m.unit === 'day' ? suffix : ''), anchor: 'none' };
    const { y, m: mo } = fromDayNumber(base);
    switch (m.unit) {
      case 'day':
        return { value: formatDay(base + m.offset) + suffix, anchor };
      case 'week':
        return { value: formatWeek(base + 7 * m.offset), anchor };
      case 'weekend': {
        const wd = weekdayOf(base);
        let weeks = m.offset;
        // "this weekend" on a weekday: the past-biased reading is the weekend just gone, unless the clause is in the future.
        if (m.offset === 0 && wd < 6 && p.rule !== 'relative-unit:this-weekend' && this.direction(p, undefined) === 'past') weeks = -1;
        if (m.offset === 1 && wd < 6) weeks = 0;
        return { value: `${formatWeek(base + 7 * weeks)}-WE`, anchor };
      }
      case 'month': {
        const t = addMonths(y, mo, m.offset);
        return { value: formatMonth(t.y, t.m), anchor };
      }
      case 'quarter': {
        let q = quarterOf(mo) - 1 + m.offset;
        const yy = y + Math.floor(q / 4);
        q = ((q % 4) + 4) % 4;
        return { value: `${formatYear(yy)}-Q${q + 1}`, anchor };
      }
      case 'half': {
        let h = (mo <= 6 ? 0 : 1) + m.offset;
        const yy = y + Math.floor(h / 2);
        h = ((h % 2) + 2) % 2;
        return { value: `${formatYear(yy)}-H${h + 1}`, anchor };
      }
      case 'year': {
        // "A year earlier" in a report about quarters: the same quarter a year before.
        const topic = this.topicQuarter(p.start);
        if (m.context && topic && p.start - this.quarterAt <= Anchorer.QUARTER_TALK && this.stretchAt < this.quarterAt) {
          return { value: `${formatYear(topic.y + m.offset)}-Q${topic.q}`, anchor: 'reference' };
        }
        return { value: formatYear(y + m.offset), anchor };
      }
      case 'decade':
        return { value: String(Math.floor(y / 10) + m.offset), anchor };
      case 'century':
        return { value: String(Math.floor(y / 100) + m.offset).padStart(2, '0'), anchor };
    }
  }

  /** The reference time for a unit, as a day number inside it. */
  private refBase(unit: string): number | null {
    const r = this.ref;
    switch (unit) {
      case 'day':
        return r.day;
      case 'week':
      case 'weekend':
        return r.week ?? r.day;
      case 'month':
        return r.month ? dayNumber(r.month.y, r.month.m, 1) : null;
      case 'quarter':
        return r.quarter ? dayNumber(r.quarter.y, (r.quarter.q - 1) * 3 + 1, 1) : null;
      default:
        return r.year !== null ? dayNumber(r.year, r.month?.y === r.year ? r.month.m : 1, 1) : null;
    }
  }

  private unknownShift(unit: string): string {
    switch (unit) {
      case 'day': return 'XXXX-XX-XX';
      case 'week': return 'XXXX-WXX';
      case 'weekend': return 'XXXX-WXX-WE';
      case 'month': return 'XXXX-XX';
      case 'quarter': return 'XXXX-QX';
      case 'half': return 'XXXX-HX';
      case 'year': return 'XXXX';
      case 'decade': return 'XXX';
      default: return 'XX';
    }
  }
}

/** A stretch of months a results report compares: "the first nine months", "the six months". */
const STRETCH = /^the\s+(?:first\s+)?(?:\w+|\d+)\s+months$/i;

/** How far (in characters) a day may stand from a time of day and still date it. */
const NEAR = 200;

function isTimeOnly(m: Meaning): boolean {
  return m.kind === 'date' && m.time !== undefined && m.year === undefined && m.month === undefined && m.day === undefined && m.weekday === undefined;
}

/**
 * Anchor every proposal, in text order. A clock time or a part of the day with no date of its own
 * ("at dawn", "10:35 a.m.") takes the day of the nearest day-precise expression in its sentence, else
 * the publication day.
 */
export function anchorAll(proposals: readonly Proposal[], ctx: AnchorContext): TimeMention[] {
  const anchorer = new Anchorer(ctx);
  const sorted = [...proposals].sort((a, b) => a.start - b.start);
  const out: TimeMention[] = sorted.map((p) => {
    const { value, anchor } = anchorer.resolve(p);
    const t: TimeMention = { start: p.start, end: p.end, text: ctx.text.slice(p.start, p.end), type: p.type, value };
    if (p.mod) t.mod = p.mod;
    if (anchor) t.anchor = anchor;
    return t;
  });
  sorted.forEach((p, i) => {
    if (!isTimeOnly(p.meaning)) return;
    const s = ctx.sentenceAt(p.start);
    let best: { day: string; dist: number; anchor: TimeMention['anchor'] } | null = null;
    // Walk out from the expression both ways, only as far as its sentence (the output is in text order).
    const consider = (j: number): boolean => {
      const o = out[j]!;
      if (o.start < s.start || o.end > s.end || o.start > p.end + NEAR || o.end < p.start - NEAR) return false;
      if (o.type === 'DURATION' || o.type === 'SET' || isTimeOnly(sorted[j]!.meaning)) return true;
      const d = /^(\d{4}-\d{2}-\d{2})/.exec(o.value)?.[1];
      if (!d) return true;
      const dist = o.start > p.end ? o.start - p.end : p.start - o.end;
      if (!best || dist < best.dist) best = { day: d, dist, anchor: o.anchor === 'none' ? 'none' : 'reference' };
      return true;
    };
    for (let j = i - 1; j >= 0 && consider(j); j--);
    for (let j = i + 1; j < out.length && consider(j); j++);
    const found = best as { day: string; anchor: TimeMention['anchor'] } | null;
    if (found) {
      const time = (p.meaning as Extract<Meaning, { kind: 'date' }>).time;
      out[i]!.value = found.day + timeSuffix(time);
      out[i]!.anchor = found.anchor;
    }
  });
  return out;
}
