import type { TextSpan } from '../../core/span.js';

/** A count of people or things as written, with its hedge. */
export interface Quantity extends TextSpan {
  low: number | null;
  high: number | null;
  best: number | null;
  approx: boolean;
  /** The counted noun phrase ("ISIS fighters", "men and boys"), or null if the text does not say. */
  what: string | null;
}
