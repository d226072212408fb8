import type { PlaceMention } from '../extract/places/types.js';
import type { EventLocation } from '../extract/events/types.js';
import { km, validCoordinates } from './geo.js';
import { outletOf, type SituationDoc } from './input.js';

/** One real place, however it was spelled ("Irbil", "Erbil", "Arbil") and in however many documents. */
export interface PlaceEntity {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  kind: PlaceMention['kind'];
  geonameId: number | null;
  mentions: PlaceMentionRef[];
  /** Ids of the documents that mention it, in first-mention order. */
  documents: string[];
}

export interface PlaceMentionRef {
  documentId: string;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
}

/**
 * Two mentions resolved to points this close, of the same kind and country, are one place even if the
 * gazetteer gave them different entries (a city listed twice, a transliteration with its own record).
 * Small enough that neighbouring villages stay apart.
 */
const SAME_PLACE_KM = 3;

export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The gazetteer-level key of a place: its GeoNames id when known, else name, country and rounded point. */
function baseKey(p: { name: string; country: string; lat: number; lon: number; geonameId?: number | null }): string {
  if (p.geonameId != null) return `g${p.geonameId}`;
  return `n:${p.country}:${normName(p.name)}:${p.lat.toFixed(2)},${p.lon.toFixed(2)}`;
}

/** Grid cells of 0.1° (about 11 km): a point's neighbours within SAME_PLACE_KM are in its cell or the next. */
function cell(lat: number, lon: number): string {
  return `${Math.floor(lat * 10)},${Math.floor(lon * 10)}`;
}

export class PlaceIndex {
  private readonly byKey = new Map<string, PlaceEntity>();
  private readonly byCell = new Map<string, PlaceEntity[]>();
  private readonly byName = new Map<string, PlaceEntity[]>();
  readonly all: PlaceEntity[] = [];

  /** Adds a mention and returns the place it belongs to. */
  add(doc: SituationDoc, m: PlaceMention): PlaceEntity | null {
    if (!validCoordinates(m.lat, m.lon)) return null;
    const ent = this.resolve(m) ?? this.create(m);
    this.byKey.set(baseKey(m), ent);
    const id = doc.record.id;
    ent.mentions.push({ documentId: id, outlet: outletOf(doc), start: m.start, end: m.end, text: m.text });
    if (!ent.documents.includes(id)) ent.documents.push(id);
    return ent;
  }

  /** The known place a resolved point or event location refers to, without adding a mention. */
  resolve(p: { name: string; country: string; lat: number; lon: number; geonameId?: number | null; kind?: string }): PlaceEntity | null {
    if (!validCoordinates(p.lat, p.lon)) return null;
    const hit = this.byKey.get(baseKey(p));
    if (hit) return hit;
    let best: PlaceEntity | null = null;
    let bestKm = Infinity;
    const cy = Math.floor(p.lat * 10);
    const cx = Math.floor(p.lon * 10);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const e of this.byCell.get(`${cy + dy},${cx + dx}`) ?? []) {
          if (e.country !== p.country) continue;
          if (p.kind && e.kind !== p.kind) continue;
          const d = km(e.lat, e.lon, p.lat, p.lon);
          if (d <= SAME_PLACE_KM && d < bestKm) {
            best = e;
            bestKm = d;
          }
        }
      }
    }
    // Same name in the same country at a slightly different point (an event location rounded differently).
    if (!best) {
      best = (this.byName.get(`${p.country}|${normName(p.name)}`) ?? []).find((e) => km(e.lat, e.lon, p.lat, p.lon) <= 25) ?? null;
    }
    return best;
  }

  /** The place of an event location; creates a mention-less entity when no text mention matched it. */
  forLocation(loc: EventLocation): PlaceEntity | null {
    if (!validCoordinates(loc.lat, loc.lon)) return null;
    const hit = this.resolve({ ...loc, geonameId: null });
    if (hit) return hit;
    const ent = this.create({ name: loc.name, lat: loc.lat, lon: loc.lon, country: loc.country, admin1: loc.admin1, geonameId: null, kind: 'city' });
    this.byKey.set(baseKey({ ...loc, geonameId: null }), ent);
    return ent;
  }

  private create(m: Pick<PlaceMention, 'name' | 'lat' | 'lon' | 'country' | 'admin1' | 'geonameId' | 'kind'>): PlaceEntity {
    const ent: PlaceEntity = {
      id: baseKey(m),
      name: m.name,
      lat: m.lat,
      lon: m.lon,
      country: m.country,
      admin1: m.admin1,
      kind: m.kind,
      geonameId: m.geonameId,
      mentions: [],
      documents: [],
    };
    this.all.push(ent);
    const c = cell(ent.lat, ent.lon);
    this.byCell.set(c, [...(this.byCell.get(c) ?? []), ent]);
    const n = `${ent.country}|${normName(ent.name)}`;
    this.byName.set(n, [...(this.byName.get(n) ?? []), ent]);
    return ent;
  }
}

/** Every place mentioned in the documents, one entity per real place, with its mentions. */
export function collectPlaces(docs: readonly SituationDoc[]): { index: PlaceIndex; byMention: Map<PlaceMention, PlaceEntity> } {
  const index = new PlaceIndex();
  const byMention = new Map<PlaceMention, PlaceEntity>();
  for (const d of docs) {
    for (const m of d.record.places) {
      const e = index.add(d, m);
      if (e) byMention.set(m, e);
    }
  }
  return { index, byMention };
}
