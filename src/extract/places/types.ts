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
}
