// Great-circle distance: one function for the whole project (src/core/geo.ts).
export { km } from '../core/geo.js';

/**
 * How far apart two reports of one event may place it, by ACLED geo precision: 1 the named place (a
 * town and its outskirts), 2 "near" a place or part of a district, 3 a region. Two reports may disagree by
 * the looser of their two tolerances.
 */
export const PRECISION_KM: Record<1 | 2 | 3, number> = { 1: 8, 2: 20, 3: 100 };

export function toleranceKm(p1: 1 | 2 | 3, p2: 1 | 2 | 3): number {
  return Math.max(PRECISION_KM[p1], PRECISION_KM[p2]);
}

export function validCoordinates(lat: unknown, lon: unknown): boolean {
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) &&
    lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}
