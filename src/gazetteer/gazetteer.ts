/**
 * Read access to the prebuilt index (see ./build.ts for how it is made, ./load.ts for where it lives).
 * Names are looked up by key (./fold.ts) with a binary search over the sorted key list; entries are
 * read from typed arrays on demand.
 */
import { hashKey } from './fold.js';
import type { Blob } from './format.js';
import { KINDS, KIND_ADMIN1, KIND_COUNTRY, type Entry, type EntryKind, type Posting } from './types.js';

class KeyTable {
  private readonly mask: number;

  constructor(
    private readonly keys: string,
    private readonly keyStart: Uint32Array,
    private readonly postStart: Uint32Array,
    private readonly postings: Uint32Array,
    private readonly table: Uint32Array,
  ) {
    this.mask = table.length - 1;
  }

  get size(): number {
    return this.keyStart.length - 1;
  }

  find(key: string): number {
    let h = hashKey(key) & this.mask;
    for (let slot = this.table[h]!; slot !== 0; slot = this.table[h]!) {
      const i = slot - 1;
      // Compare lengths first: most probes miss; then the characters in place (no slice to allocate).
      if (this.keyStart[i + 1]! - 1 - this.keyStart[i]! === key.length && this.keys.startsWith(key, this.keyStart[i]!)) return i;
      h = (h + 1) & this.mask;
    }
    return -1;
  }

  /**
   * Every key with a primary (not alternate) posting that `accept` takes, with those postings' ids: one
   * pass over the postings, for a caller that asks about a small class of places many times.
   */
  primaryKeys(accept: (id: number) => boolean): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (let i = 0; i < this.size; i++) {
      let ids: number[] | null = null;
      for (let p = this.postStart[i]!; p < this.postStart[i + 1]!; p++) {
        const v = this.postings[p]!;
        if ((v & 1) === 1 || !accept(v >>> 1)) continue;
        (ids ??= []).push(v >>> 1);
      }
      if (ids) out.set(this.keys.slice(this.keyStart[i]!, this.keyStart[i + 1]! - 1), ids);
    }
    return out;
  }

  postingsOf(key: string): Posting[] {
    const i = this.find(key);
    if (i < 0) return [];
    const out: Posting[] = [];
    for (let p = this.postStart[i]!; p < this.postStart[i + 1]!; p++) {
      const v = this.postings[p]!;
      out.push({ id: v >>> 1, alternate: (v & 1) === 1 });
    }
    return out;
  }
}

export interface Abbreviation {
  text: string;
  admin1: string;
  free: boolean;
}

export class Gazetteer {
  readonly size: number;
  private readonly lat: Float32Array;
  private readonly lon: Float32Array;
  private readonly seatLat: Float32Array;
  private readonly seatLon: Float32Array;
  private readonly pop: Uint32Array;
  private readonly countryIdx: Uint16Array;
  private readonly admin1Idx: Int32Array;
  private readonly admin2Idx: Int32Array;
  private readonly kindIdx: Uint8Array;
  private readonly featureIdx: Uint8Array;
  private readonly gid: Uint32Array;
  private readonly nameStart: Uint32Array;
  private readonly names: string;
  private readonly countries: string[];
  private readonly features: string[];
  private readonly admin1Codes: string[];
  private readonly admin1Names: string[];
  private readonly admin2Codes: string[];
  private readonly admin2Names: string[];
  private readonly exact: KeyTable;
  private readonly loose: KeyTable;
  readonly abbreviations: Map<string, Abbreviation>;
  private countryEntries: Map<string, number> | null = null;
  private admin1Entries: Map<string, number> | null = null;
  private admin2Entries: Map<string, number> | null = null;
  private byAdmin1: Map<number, number[]> | null = null;
  private admin1CodeIndex: Map<string, number> | null = null;
  private readonly cache = new Map<number, Entry>();

  constructor(blob: Blob) {
    const s = blob.sections;
    const get = <T>(name: string): T => {
      const v = s.get(name);
      if (v === undefined) throw new Error(`gazetteer file lacks section '${name}'`);
      return v as T;
    };
    this.lat = get('lat');
    this.lon = get('lon');
    this.seatLat = get('seatLat');
    this.seatLon = get('seatLon');
    this.pop = get('pop');
    this.countryIdx = get('country');
    this.admin1Idx = get('admin1');
    this.admin2Idx = get('admin2');
    this.kindIdx = get('kind');
    this.featureIdx = get('feature');
    this.gid = get('geonameId');
    this.nameStart = get('nameStart');
    this.names = get('names');
    this.size = this.lat.length;
    const t = blob.tables as {
      countries: string[];
      features: string[];
      admin1Codes: string[];
      admin1Names: string[];
      admin2Codes: string[];
      admin2Names: string[];
      abbreviations: Abbreviation[];
    };
    this.countries = t.countries;
    this.features = t.features;
    this.admin1Codes = t.admin1Codes;
    this.admin1Names = t.admin1Names;
    this.admin2Codes = t.admin2Codes;
    this.admin2Names = t.admin2Names;
    this.abbreviations = new Map(t.abbreviations.map((a) => [a.text, a]));
    this.exact = new KeyTable(get('exactKeys'), get('exactKeyStart'), get('exactPostStart'), get('exactPostings'), get('exactTable'));
    this.loose = new KeyTable(get('looseKeys'), get('looseKeyStart'), get('loosePostStart'), get('loosePostings'), get('looseTable'));
  }

  lookupExact(key: string): Posting[] {
    return this.exact.postingsOf(key);
  }

  /** The exact keys with primary postings `accept` takes (KeyTable.primaryKeys). */
  primaryExactKeys(accept: (id: number) => boolean): Map<string, number[]> {
    return this.exact.primaryKeys(accept);
  }

  lookupLoose(key: string): Posting[] {
    return this.loose.postingsOf(key);
  }

  kindOf(id: number): EntryKind {
    return KINDS[this.kindIdx[id]!]!;
  }
  populationOf(id: number): number {
    return this.pop[id]!;
  }
  countryOf(id: number): string {
    return this.countries[this.countryIdx[id]!]!;
  }
  admin1CodeOf(id: number): string | null {
    const i = this.admin1Idx[id]!;
    return i >= 0 ? this.admin1Codes[i]! : null;
  }
  admin2CodeOf(id: number): string | null {
    const i = this.admin2Idx[id]!;
    return i >= 0 ? this.admin2Codes[i]! : null;
  }
  featureOf(id: number): string {
    return this.features[this.featureIdx[id]!]!;
  }
  latOf(id: number): number {
    return this.lat[id]!;
  }
  lonOf(id: number): number {
    return this.lon[id]!;
  }
  nameOf(id: number): string {
    return this.names.slice(this.nameStart[id]!, this.nameStart[id + 1]! - 1);
  }

  entry(id: number): Entry {
    let e = this.cache.get(id);
    if (e) return e;
    const a1 = this.admin1Idx[id]!;
    const a2 = this.admin2Idx[id]!;
    const g = this.gid[id]!;
    e = {
      id,
      name: this.nameOf(id),
      kind: this.kindOf(id),
      // Float32 storage: round to 5 decimals (about a metre) so output does not show float noise.
      lat: Math.round(this.lat[id]! * 1e5) / 1e5,
      lon: Math.round(this.lon[id]! * 1e5) / 1e5,
      seatLat: Math.round(this.seatLat[id]! * 1e5) / 1e5,
      seatLon: Math.round(this.seatLon[id]! * 1e5) / 1e5,
      population: this.pop[id]!,
      country: this.countryOf(id),
      admin1Code: a1 >= 0 ? this.admin1Codes[a1]! : null,
      admin1: a1 >= 0 ? this.admin1Names[a1]! : null,
      admin2Code: a2 >= 0 ? this.admin2Codes[a2]! : null,
      admin2: a2 >= 0 ? this.admin2Names[a2]! : null,
      geonameId: g === 0 ? null : g,
      feature: this.featureOf(id),
    };
    this.cache.set(id, e);
    return e;
  }

  private indexAreas(): void {
    this.countryEntries = new Map();
    this.admin1Entries = new Map();
    this.admin2Entries = new Map();
    for (let i = 0; i < this.size; i++) {
      const k = this.kindIdx[i]!;
      if (k === KIND_COUNTRY) this.countryEntries.set(this.countryOf(i), i);
      else if (k === KIND_ADMIN1) {
        const c = this.admin1CodeOf(i);
        if (c) this.admin1Entries.set(c, i);
      } else if (k === KINDS.indexOf('admin2') && this.featureOf(i) === 'ADM2') {
        const c = this.admin2CodeOf(i);
        if (c) this.admin2Entries.set(c, i);
      }
    }
  }

  /** The entry of a country by ISO code. */
  countryEntry(iso2: string): number | null {
    if (!this.countryEntries) this.indexAreas();
    return this.countryEntries!.get(iso2) ?? null;
  }

  /** The entry of an admin1 area by GeoNames code ("US.IL"). */
  admin1Entry(code: string): number | null {
    if (!this.admin1Entries) this.indexAreas();
    return this.admin1Entries!.get(code) ?? null;
  }

  /** The admin1 entries of a country. */
  admin1sOf(iso2: string): number[] {
    if (!this.admin1Entries) this.indexAreas();
    const out: number[] = [];
    for (const [code, id] of this.admin1Entries!) if (code.startsWith(`${iso2}.`)) out.push(id);
    return out;
  }

  admin2Entry(code: string): number | null {
    if (!this.admin2Entries) this.indexAreas();
    return this.admin2Entries!.get(code) ?? null;
  }

  /** Every entry inside an admin1 area (for fuzzy matching narrowed by containment). */
  entriesInAdmin1(code: string): number[] {
    if (!this.byAdmin1) {
      this.byAdmin1 = new Map();
      for (let i = 0; i < this.size; i++) {
        const a = this.admin1Idx[i]!;
        if (a < 0) continue;
        let l = this.byAdmin1.get(a);
        if (!l) this.byAdmin1.set(a, (l = []));
        l.push(i);
      }
    }
    const idx = this.admin1Index(code);
    return idx >= 0 ? (this.byAdmin1.get(idx) ?? []) : [];
  }

  /** Name of an admin1 area by code. */
  admin1Name(code: string): string | null {
    const i = this.admin1Index(code);
    return i >= 0 ? this.admin1Names[i]! : null;
  }

  private admin1Index(code: string): number {
    this.admin1CodeIndex ??= new Map(this.admin1Codes.map((c, i) => [c, i]));
    return this.admin1CodeIndex.get(code) ?? -1;
  }

  stats(): { entries: number; exactKeys: number; looseKeys: number } {
    return { entries: this.size, exactKeys: this.exact.size, looseKeys: this.loose.size };
  }
}
