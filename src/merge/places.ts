import type { PlaceKind } from '../extract/places/types.js';
import { km } from './geo.js';
import { UNRESOLVED_KEY, type PlaceKeyInfo } from './items.js';

/** One real place, however it was spelled ("Irbil", "Erbil", "Arbil") and in however many documents. */
export interface PlaceEntity {
  /** The key of its first place key in canonical order (its seed). */
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  kind: PlaceKind;
  geonameId: number | null;
}

export interface PlaceMentionRef {
  documentId: string;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
}

/**
 * Two place keys resolved to points this close, of the same kind and country, are one place even if the
 * gazetteer gave them different entries (a city listed twice, a transliteration with its own record).
 * Small enough that neighbouring villages stay apart.
 */
export const SAME_PLACE_KM = 3;
/** Places of the same name in one country this close are one place (a point rounded differently). */
export const SAME_NAME_PLACE_KM = 25;

export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const KIND_RANK: Record<string, number> = { city: 0, feature: 1, admin2: 2, admin1: 3, country: 4 };

/** The canonical order place keys are grouped in: towns before regions, gazetteer entries before others, then by key. */
export function placeOrder(p: PlaceKeyInfo): string {
  return `${KIND_RANK[p.kind] ?? 5}|${p.geonameId != null ? 0 : 1}|${p.key}`;
}

/** Can key `k` be the same place as the entity seeded by `seed`? Returns the distance, or null. */
export function samePlaceAs(seed: PlaceKeyInfo, k: PlaceKeyInfo): number | null {
  if (seed.country !== k.country) return null;
  const d = km(seed.lat, seed.lon, k.lat, k.lon);
  // An unresolved place shares its area's point with the area's seat and with every other village coded
  // there: only its own name makes it the same place.
  if (seed.key.startsWith(UNRESOLVED_KEY) || k.key.startsWith(UNRESOLVED_KEY)) return d <= SAME_NAME_PLACE_KM && normName(seed.name) === normName(k.name) ? d : null;
  if (d <= SAME_PLACE_KM && seed.kind === k.kind) return d;
  if (d <= SAME_NAME_PLACE_KM && normName(seed.name) === normName(k.name)) return d;
  return null;
}

/**
 * The entity of a place key, given the entities seeded before it: the nearest seed it can be the same
 * place as (ties: the older seed), else a new entity it seeds (null). `seeds` in canonical order.
 */
export function decidePlace(k: PlaceKeyInfo, seeds: readonly PlaceKeyInfo[]): string | null {
  let best: PlaceKeyInfo | null = null;
  let bestKm = Infinity;
  for (const s of seeds) {
    const d = samePlaceAs(s, k);
    if (d !== null && d < bestKm) {
      best = s;
      bestKm = d;
    }
  }
  return best?.key ?? null;
}

export function entityOf(seed: PlaceKeyInfo): PlaceEntity {
  return { id: seed.key, name: seed.name, lat: seed.lat, lon: seed.lon, country: seed.country, admin1: seed.admin1, kind: seed.kind, geonameId: seed.geonameId };
}

/**
 * Place keys grouped into entities, each key placed in canonical order (placeOrder) by decidePlace: a
 * function of the set of keys. Returns the seed (entity id) of every key.
 */
export function groupPlaces(keys: Iterable<PlaceKeyInfo>): Map<string, string> {
  const ordered = [...keys].map((k) => ({ k, o: placeOrder(k) })).sort((a, b) => (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
  const seedOf = new Map<string, string>();
  const cells = new Map<string, PlaceKeyInfo[]>();
  for (const { k } of ordered) {
    if (seedOf.has(k.key)) continue;
    const near: PlaceKeyInfo[] = [];
    const cy = Math.floor(k.lat * 4);
    const cx = Math.floor(k.lon * 4);
    // Cells of 0.25° (27.8 km of latitude): every seed within SAME_NAME_PLACE_KM is in the next cell north or
    // south; east and west, as many cells as that distance spans at this latitude.
    const cos = Math.cos((Math.min(89, Math.abs(k.lat) + 0.5) * Math.PI) / 180);
    const reach = Math.min(720, Math.ceil(SAME_NAME_PLACE_KM / (111.32 * 0.25 * Math.max(cos, 0.01))));
    for (let dy = -1; dy <= 1; dy++) for (let dx = -reach; dx <= reach; dx++) near.push(...(cells.get(`${cy + dy},${cx + dx}`) ?? []));
    near.sort((a, b) => (placeOrder(a) < placeOrder(b) ? -1 : 1));
    const seed = decidePlace(k, near);
    seedOf.set(k.key, seed ?? k.key);
    if (!seed) {
      const c = `${cy},${cx}`;
      cells.set(c, [...(cells.get(c) ?? []), k]);
    }
  }
  return seedOf;
}
