import type { TextSpan } from '../../core/span.js';

/**
 * A sentence saying a named place changed hands ("Iraqi troops retook Bartella from ISIS"), one item per
 * place it is about. The span is the trigger as written ("retook", "freed", "returned"). The merge
 * combines these with coded territory events into each place's control history (docs/report.md).
 */
export interface ControlMention extends TextSpan {
  /** Index of the place mention in the document's `places` layer. */
  place: number;
  /** Who holds the place after the change, as written; null when the sentence does not say. */
  holder: TextSpan | null;
  /** Who held it before, when the sentence says ("from ISIS", "after Iraqi forces left"). */
  previous: TextSpan | null;
  /** The days the change happened in: a date in the sentence, "N years ago", else the publication day. */
  date: { start: string; end: string } | null;
  /** 1 the day is known, 2 within a week or so, 3 vaguer. */
  precision: 1 | 2 | 3;
  /** Only part of the place changed hands ("two more districts in Mosul"). */
  part: boolean;
  /** The sentence that tells it. */
  sentence: { start: number; end: number };
}
