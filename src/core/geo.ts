/** Mean Earth radius in kilometres. */
export const EARTH_RADIUS_KM = 6371;

/**
 * Great-circle distance in kilometres between two points given in degrees (haversine; well under 1% off
 * at every distance sitrep compares). One function for the gazetteer build, the geoparser, the event
 * extractor and the merge, so all of them measure alike.
 */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.max(0, Math.min(1, a))));
}
