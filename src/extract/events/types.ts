import type { Span, TextSpan } from '../../core/span.js';
import type { EventDateSource } from '../times/event-date.js';

export type EventType =
  | 'Battles'
  | 'Violence against civilians'
  | 'Explosions/Remote violence'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

export type Certainty = 'reported' | 'unverified' | 'confirmed' | 'disputed' | 'denied';

/** ACLED time precision: 1 a day, 2 within a week or so, 3 a month or more. */
export type Precision = 1 | 2 | 3;

export interface EventDate {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  precision: Precision;
  /** Where the date came from: the event's own words, its sentence, its paragraph, or the publication day. */
  from?: EventDateSource;
}

export interface EventLocation {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  /** ACLED geo precision: 1 the named place, 2 near it / part of it, 3 a region. */
  precision: Precision;
  /**
   * The place is a name the gazetteer lacks (analysis 1.2): `name` is as written, the coordinates are those of
   * `area` (the division or country the document puts it in) and precision is 3.
   */
  unresolved?: true;
  area?: string;
}

export interface Actor {
  name: string;
  /** ACLED interaction code: 1 state forces ... 8 external/other forces. */
  inter: number;
}

export interface Fatalities {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface EventMention extends TextSpan {
  type: EventType;
  subType: string;
  date: EventDate | null;
  location: EventLocation | null;
  actor1: Actor | null;
  actor2: Actor | null;
  fatalities: Fatalities | null;
  sources: TextSpan[];
  certainty: Certainty;
  /** Hedges the text keeps on the account ("reportedly", "said to have"); the claim stays `reported`. */
  hedges?: TextSpan[];
  /** Every place in the text this occurrence is told (the first is the span above). */
  evidence?: Span[];
}
