import type { ScanInput } from './scan.js';
import type { TimexType } from './types.js';

/**
 * What a parser proposes: a span and what its words say, before anything is anchored. The anchoring
 * refiner turns the meaning into a TIMEX3 value against the publication date or the reference time
 * (the last date the text mentioned). Keeping the two apart is what lets an undated document keep what
 * is known ("Friday" is XXXX-WXX-5) and never invent the rest.
 */

/** TIMEX3 parts of the day: morning, afternoon, evening, night, daytime. */
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI' | 'DT';

/** A time of day: a part of the day, or a clock time (24-hour). */
export type TimeOfDay = { part: PartOfDay } | { hour: number; minute: number | null };

/** Which way an incomplete date reaches from its anchor; unset means "decide from the grammar, past first". */
export type Direction = 'past' | 'future' | 'this';

export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type MovableHoliday = 'easter' | 'easter sunday' | 'easter monday' | 'good friday' | 'thanksgiving' | 'thanksgiving day';

export type Meaning =
  /** Everything is in the words: "2014", "P2Y", "PRESENT_REF", "XXXX-WXX-5" (every Friday). */
  | { kind: 'fixed'; value: string }
  /**
   * A calendar date with some fields given; the missing larger fields come from the anchor. A weekday
   * alone, a month alone, a month and a day, a day of the month alone ("the 23rd"), or a full date.
   */
  | {
      kind: 'date';
      year?: number;
      month?: number;
      day?: number;
      weekday?: number;
      dir?: Direction;
      time?: TimeOfDay;
      /** Count from the reference time rather than the publication date ("the previous Friday"). */
      fromRef?: boolean;
      /** "the week of March 6": the ISO week holding the date. */
      weekOf?: boolean;
      /** "the day before last Tuesday": days to add to the date once resolved. */
      dayOffset?: number;
    }
  /** A named part of a year: quarter ("Q3"), half ("H2"), season ("SU"); `year` when the text gives it. */
  | { kind: 'part'; part: string; year?: number; yearShift?: number; dir?: Direction }
  /**
   * A unit counted from the publication date ("yesterday": day −1, "last week": week −1, "this year":
   * year 0, "two years ago": year −2) or from the reference time (`from: 'ref'`: "the next day", "that
   * year", "a year earlier").
   */
  | { kind: 'shift'; unit: ShiftUnit; offset: number; from: 'now' | 'ref'; time?: TimeOfDay; context?: boolean }
  /** A holiday whose date moves from year to year: Easter (and the days around it), US Thanksgiving. */
  | { kind: 'holiday'; name: MovableHoliday; dir?: Direction }
  /** The quarter (or period) under discussion: "the quarter", "the latest quarter", "the year-ago quarter". */
  | {
      kind: 'topic';
      unit: 'quarter';
      yearShift: number;
      year?: number;
      /** "year-ago" on its own: a quarter in a report about quarters, else a year. */
      adjective?: boolean;
      /** "the latest quarter": the last one completed by the publication date, unless the text spoke of an earlier one. */
      latest?: boolean;
      /** "the quarter ended Sept. 30": the month and day the quarter ended (and the year, if given). */
      ended?: { month: number; day: number; year?: number };
    };

export interface Proposal {
  start: number;
  end: number;
  type: TimexType;
  meaning: Meaning;
  mod?: string;
  /** The parser (and rule) that made the proposal: shown in tests and in debugging output. */
  rule: string;
}

export function proposal(
  start: number,
  end: number,
  type: TimexType,
  meaning: Meaning,
  rule: string,
  mod?: string,
): Proposal {
  const p: Proposal = { start, end, type, meaning, rule };
  if (mod) p.mod = mod;
  return p;
}

/**
 * A parser proposes expressions of one family. Every expression it can find contains one of its
 * trigger words (lower case; `digits` for any number), which is where its patterns are tried.
 */
export interface Parser {
  readonly name: string;
  readonly triggers: Triggers;
  parse(input: ScanInput): Proposal[];
}

export interface Triggers {
  readonly words: readonly string[];
  /** Also try at every token containing a digit. */
  readonly digits?: boolean;
}

/** The fixed-meaning shorthand most parsers need. */
export function fixed(value: string): Meaning {
  return { kind: 'fixed', value };
}

/** What refiners may consult besides the proposals: the text, the publication day, the sentences. */
export interface RefineContext {
  readonly text: string;
  /** Stretches no expression may touch (page furniture). */
  readonly excluded: readonly { start: number; end: number }[];
}

/** A refiner takes the proposals of all parsers and returns the ones to keep, possibly changed. */
export interface Refiner {
  readonly name: string;
  refine(proposals: Proposal[], ctx: RefineContext): Proposal[];
}
