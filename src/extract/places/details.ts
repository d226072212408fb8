/**
 * What the places component knows beyond the output layer (the gazetteer entry of each mention, its
 * relation, containers, the dateline, the focus), kept per document for `eventPlace`. The layer itself
 * holds only the fields of the analysis format.
 */
import type { Doc } from '../../core/document.js';
import type { Candidate } from './candidates.js';
import type { Relation } from './relative.js';
import type { PlaceMention } from './types.js';

export interface PlaceDetail {
  mention: PlaceMention;
  entry: number;
  candidate: Candidate;
  relation: Relation | null;
  /** This mention locates another one ("Balkh" in "Dawlat Abad district, Balkh"). */
  isContainer: boolean;
  /** The mention it sits inside ("Balkh" for "Dawlat Abad district, Balkh"). */
  within: PlaceDetail | null;
  /** A name the gazetteer lacks (unresolved.ts): `entry` is then the area it is coded at. */
  unresolved?: boolean;
}

export interface DocPlaces {
  details: PlaceDetail[];
  /** Unresolved place names with the area each is coded at (not in `details`: they take no part in resolution). */
  unresolved: PlaceDetail[];
  dateline: PlaceDetail | null;
  /** Country and admin1 the story is most about. */
  focusCountry: string | null;
  focusAdmin1: string | null;
  /** Offsets with no anchor named ("a few kilometres to the south"). */
  freeOffsets: Relation[];
  /** Names that looked like places but were not taken, and why (for explaining the output). */
  dropped: { start: number; end: number; text: string; reason: string }[];
}

const store = new WeakMap<Doc, DocPlaces>();

export function setDocPlaces(doc: Doc, v: DocPlaces): void {
  store.set(doc, v);
}

export function docPlaces(doc: Doc): DocPlaces | undefined {
  return store.get(doc);
}
