/**
 * What the situation picture is made of: per document, the items derived from its analysis (./derive.ts)
 * at the time it is analysed and stored. Everything here is plain data (JSON-safe), so the store keeps the
 * items in tables and the merge never reads a document's text again.
 *
 * Every item has a `key` that depends only on the document's content (its content hash) and the item's
 * place in the analysis, never on when or in what order documents arrived: the picture is a function of
 * the set of documents, ids included.
 */
import { createHash } from 'node:crypto';
import type { Actor, Certainty, EventDate, EventLocation, EventType, Fatalities } from '../extract/events/types.js';
import type { PlaceKind } from '../extract/places/types.js';
import type { Predicate } from '../extract/figures/counted-thing.js';
import type { DayInterval } from './dates.js';

/** A document as the picture refers to it. */
export interface DocRef {
  /** The content hash (src/store/hash.ts): identity, and the canonical order of documents. */
  key: string;
  /** The stored id (shown in reports). */
  id: string;
  outlet: string | null;
  /** Hash of the normalised text alone: copies of one wire story from several outlets share it. */
  textHash: string | null;
  /** The wire agency the document credits as its story's author (./wire.ts wireCredit): "afp", "reuters". */
  wire?: string | null;
  /** A min-hash print of the text (./wire.ts textPrint): copies of one story with their own trims share most of it. */
  print?: string[] | null;
  /** YYYY-MM-DD or null. */
  day: string | null;
  /** `published` as given (date or timestamp). */
  published: string | null;
}

/** A sentence with its words, kept with each fact so a report shows it without the document. */
export interface SentenceRef {
  start: number;
  end: number;
  text: string;
}

/** One real place as the gazetteer gives it: the unit place entities are grouped from. */
/** The prefix of the place keys of unresolved places (analysis 1.2): names the gazetteer lacks. */
export const UNRESOLVED_KEY = 'u:';

export interface PlaceKeyInfo {
  /**
   * `g<GeoNames id>`, else `n:<country>:<name>:<lat>,<lon>` (./derive.ts placeKey); `u:` instead of `n:` for an
   * unresolved place (a name the gazetteer lacks, at its area's point).
   */
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  kind: PlaceKind;
  geonameId: number | null;
}

/** A place mention: which place key, where in which document, and the words as written. */
export interface MentionItem {
  doc: string;
  documentId: string;
  outlet: string | null;
  placeKey: string;
  start: number;
  end: number;
  text: string;
}

/** One event report (an event mention of one document), with what merging and reporting it needs. */
export interface ReportItem {
  /** `<doc key>:e<ord>`. */
  key: string;
  doc: DocRef;
  ord: number;
  type: EventType;
  subType: string;
  date: EventDate | null;
  days: DayInterval | null;
  location: EventLocation | null;
  /** The place key of the location (the document's own mention of it when there is one). */
  placeKey: string | null;
  actor1: Actor | null;
  actor2: Actor | null;
  fatalities: Fatalities | null;
  certainty: Certainty;
  /** The evidence span and its words. */
  start: number;
  end: number;
  text: string;
  /** Attributions as written. */
  said: string[];
  sentence: SentenceRef;
  /** Does the sentence tell a change of hands as done (false: only as an aim, "to free the city"; null: no such word)? */
  territoryDone: boolean | null;
  /** The trigger word of a territory change in the evidence ("retook"), if any. */
  trigger: string | null;
}

/** A number read as a claim about a counted thing, as the figures layer gave it, ready to be grouped. */
export interface ClaimItem {
  /** `<doc key>:f<ord>`. */
  key: string;
  doc: DocRef;
  ord: number;
  /** `head|predicate`. */
  thing: string;
  predicate: Predicate;
  label: string;
  /** The side when the counted phrase names one (./figure-side.ts). */
  side: string | null;
  placeKey: string | null;
  /** The place as the mention resolved it (name and point), for distances and display. */
  place: { name: string; lat: number; lon: number; country: string } | null;
  period: DayInterval | null;
  /** The report (ReportItem key) of this document whose words hold the number, if any. */
  report: string | null;
  value: number;
  low: number | null;
  high: number | null;
  approx: boolean;
  vague: boolean;
  lowExclusive: boolean;
  highExclusive: boolean;
  source: string | null;
  sourceSpan: { start: number; end: number } | null;
  start: number;
  end: number;
  text: string;
  sentence: SentenceRef;
}

/** A sentence saying a place changed hands. */
export interface ControlItem {
  /** `<doc key>:c<ord>`. */
  key: string;
  doc: DocRef;
  ord: number;
  placeKey: string;
  trigger: { start: number; end: number; text: string };
  holder: string | null;
  previous: string | null;
  date: DayInterval | null;
  precision: 1 | 2 | 3;
  part: boolean;
  sentence: SentenceRef;
}

/** What one document adds to the picture. */
export interface DocItems {
  doc: DocRef;
  /** How many items each analysis layer holds (the report's document table). */
  layers: { sentences: number; times: number; places: number; quantities: number; events: number };
  title: string | null;
  url: string | null;
  publishedFrom: string | null;
  places: PlaceKeyInfo[];
  mentions: MentionItem[];
  reports: ReportItem[];
  claims: ClaimItem[];
  controls: ControlItem[];
}

/** Short, stable ids from item keys (64 bits: no collision to fear at millions of events). */
export function shortHash(s: string, hexChars = 16): string {
  return createHash('sha1').update(s).digest('hex').slice(0, hexChars);
}

/** `<doc key>:<letter><ord>` with the ordinal zero-padded, so keys sort as (document, ordinal). */
export function itemKey(docKey: string, letter: 'e' | 'f' | 'c', ord: number): string {
  return `${docKey}:${letter}${String(ord).padStart(6, '0')}`;
}
