import type { Span } from '../../core/span.js';

export type EntityLabel = 'PER' | 'ORG' | 'LOC';

/** A named entity: a person, an organisation or a location, as the recogniser reads it. */
export interface Entity extends Span {
  label: EntityLabel;
  sentence: number;
  /** Half-open range into the tokens layer of the tokens the entity touches. */
  tokenStart: number;
  tokenEnd: number;
}
