/**
 * The grid the picture is locked by: cells of 1° of latitude and longitude. A worker updating the picture
 * around a place holds the cells within reach of everything it reads or writes, so two workers never
 * merge into the same events at once, while workers busy with places far apart do not wait for each other.
 */
import { searchBox } from '../../merge/coref.js';

/** The code of the cell holding a point (0 … 64 799). */
export function cellOf(lat: number, lon: number): number {
  const y = Math.min(179, Math.max(0, Math.floor(lat + 90)));
  const x = Math.min(359, Math.max(0, Math.floor(lon + 180)));
  return y * 360 + x;
}

/** Every cell within `radiusKm` of a point. */
export function cellsAround(lat: number, lon: number, radiusKm: number): number[] {
  const b = searchBox(lat, lon, radiusKm);
  const out: number[] = [];
  for (let y = Math.floor(b.lat0); y <= Math.floor(b.lat1); y++) {
    for (let x = Math.floor(b.lon0); x <= Math.floor(b.lon1); x++) out.push(cellOf(y + 0.5, x + 0.5));
  }
  return out;
}
