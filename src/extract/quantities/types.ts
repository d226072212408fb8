import type { TextSpan } from '../../core/span.js';

/**
 * A count of people or things as written, with its hedge (docs/events.md, "Quantities").
 * - exact ("284 men"): low = high = best = 284;
 * - floor ("at least 50"): low = best = 50, high null; ceiling ("up to 5,000"): high = best = 5000, low null;
 * - approximate ("about 900", "dozens"): best with `approx: true`, low and high null unless also bounded;
 * - range ("10 to 15", "5-7"): low 10, high 15, best = the low end (the conservative reading ACLED codes).
 */
export interface Quantity extends TextSpan {
  low: number | null;
  high: number | null;
  best: number | null;
  approx: boolean;
  /** The counted noun phrase ("ISIS fighters", "men and boys"), or null if the text does not say. */
  what: string | null;
  /** Who gives the figure, as written ("a US military official"), when the text attributes it. */
  source?: TextSpan;
  /** A share of a group ("two-thirds of them"): `best` is the fraction, not a count. */
  proportion?: boolean;
}
