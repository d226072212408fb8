import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { EventLocation } from '../events/types.js';

/**
 * Where an event told in `span` happened: the place tied to the event in the sentence, else the
 * sentence's or paragraph's place, else the dateline's, with ACLED geo precision.
 */
export function eventPlace(_doc: Doc, _span: Span): EventLocation | null {
  return null;
}
