import type { TextSpan } from '../../core/span.js';
import type { Predicate } from './counted-thing.js';

/**
 * A number read as a claim about a counted thing: what it counts and what happened to them, where and
 * when, and who says so. The span is the quantity's. The merge sets claims about one quantity from
 * different sources side by side (docs/report.md, "Figures").
 */
export interface FigureMention extends TextSpan {
  /** Index of the quantity in the document's `quantities` layer. */
  quantity: number;
  /** The head group ("fighters", "people") or a thing's noun ("hideout"). */
  head: string;
  predicate: Predicate;
  /** A readable label in the report's words ("ISIS fighters", "people displaced"). */
  label: string;
  /** The counted noun phrase the label starts from; the merge reads the side from it ("ISIS" fighters). */
  what: string;
  /** "thousands", "dozens": a magnitude, never a side of a dispute. */
  vague: boolean;
  /** "more than 50" excludes 50; "fewer than 10" excludes 10. */
  lowExclusive: boolean;
  highExclusive: boolean;
  /** Index of the place mention the count is about, or null. */
  place: number | null;
  /** The days it holds for: a date in its sentence, a window ending at publication, else the publication day. */
  period: { start: string; end: string } | null;
  /** The number's sentence (run on across a line broken mid-sentence) and its index in `sentences`. */
  sentence: { start: number; end: number; index: number };
  /** Who says so, as written, or null. */
  source: TextSpan | null;
  /** The name shown for the source: the words, a pronoun resolved to the named source before it, or an interviewee with their organisation. */
  sourceLabel: string | null;
}
