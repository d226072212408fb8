/** Great-circle distance in kilometres (haversine; good to well under 1% at the distances compared here). */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

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
