import type { TextSpan } from '../../core/span.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A temporal expression (TIMEX3) with its value resolved against the publication date where possible. */
export interface TimeMention extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: 2016-10-22, 2016-W42, 2016-W42-WE, 2016-10-18TNI, P2Y, PXD, PRESENT_REF, XXXX-XX-XX ... */
  value: string;
  /** TIMEX3 mod (APPROX, MORE_THAN, LESS_THAN, START, END, MID ...), when the text hedges the expression. */
  mod?: string;
  /**
   * What the value rests on: `none` — the words alone (an explicit date, a duration, a year; or an
   * undated document, where unknown fields stay X); `publication` — counted from the publication date
   * ("Saturday", "last month"); `reference` — counted from a date mentioned earlier ("the next day",
   * "a year earlier" after a quarter).
   */
  anchor?: 'none' | 'publication' | 'reference';
}
