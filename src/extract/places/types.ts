import type { TextSpan } from '../../core/span.js';

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'feature';

/** A place mention resolved to the place it refers to. */
export interface PlaceMention extends TextSpan {
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  admin1: string | null;
  geonameId: number | null;
  kind: PlaceKind;
  /**
   * A name the text puts in a place slot that the gazetteer lacks (rule unresolved-place, analysis 1.2): `name`
   * is the name as written, and lat/lon, country and admin1 are those of `area`, the division or country the
   * document places it in.
   */
  unresolved?: true;
  /** For an unresolved place: the name of the area its coordinates are (a district's or province's seat, a country's point). */
  area?: string;
}
