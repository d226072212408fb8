/**
 * Readers for the curated files under data/gazetteer (small TSV files, one entry a line, each with its
 * source). Lines starting with '#' and blank lines are comments.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** data/gazetteer, found from this module both in src/ (tsx) and in dist/ (built). */
export const DATA_DIR = fileURLToPath(new URL('../../data/gazetteer/', import.meta.url));

function rows(path: string, minColumns: number): string[][] {
  const out: string[][] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t').map((c) => c.trim());
    if (cols.length < minColumns) throw new Error(`${path}:${i + 1}: expected ${minColumns} tab-separated columns, got ${cols.length}`);
    out.push(cols);
  });
  return out;
}

function num(s: string, where: string): number {
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new Error(`${where}: not a number: '${s}'`);
  return n;
}

export interface CountryRow {
  iso2: string;
  geonameId: number | null;
  lat: number;
  lon: number;
  names: string[];
}

export function readCountries(dir = DATA_DIR): CountryRow[] {
  return rows(join(dir, 'countries.tsv'), 7).map((c) => ({
    iso2: c[0]!,
    geonameId: c[2] ? num(c[2], `countries.tsv ${c[0]}`) : null,
    lat: num(c[3]!, `countries.tsv ${c[0]}`),
    lon: num(c[4]!, `countries.tsv ${c[0]}`),
    names: c[5]!.split('|').filter(Boolean),
  }));
}

export interface AliasRow {
  code: string;
  aliases: string[];
}

export function readAdminAliases(dir = DATA_DIR): AliasRow[] {
  return rows(join(dir, 'admin-aliases.tsv'), 3).map((c) => ({ code: c[0]!, aliases: c[1]!.split('|').filter(Boolean) }));
}

export interface AbbreviationRow {
  abbreviation: string;
  admin1: string;
  free: boolean;
}

export function readStateAbbreviations(dir = DATA_DIR): AbbreviationRow[] {
  return rows(join(dir, 'us-state-abbreviations.tsv'), 3).map((c) => ({
    abbreviation: c[0]!,
    admin1: c[1]!,
    free: c[2] === 'free',
  }));
}

export interface DemonymRow {
  forms: string[];
  countries: string[];
}

export function readDemonyms(dir = DATA_DIR): DemonymRow[] {
  return rows(join(dir, 'demonyms.tsv'), 3).map((c) => ({ forms: c[0]!.split('|'), countries: c[1]!.split('|') }));
}

export const SUPPLEMENT_KINDS = ['city', 'feature', 'admin2', 'region'] as const;
export type SupplementKind = (typeof SUPPLEMENT_KINDS)[number];

export interface SupplementRow {
  names: string[];
  lat: number;
  lon: number;
  country: string;
  kind: SupplementKind;
  /** What the place is: village, town, site, camp, district (of a city), landmark, crossing, region ... */
  type: string;
  /** Rough number of inhabitants (or of people a camp holds); ranks it against namesakes. */
  size: number;
  source: string;
  file: string;
}

/** Every data/gazetteer/supplement/*.tsv: names, lat, lon, country, kind, type, size, source. */
export function readSupplement(dir = DATA_DIR): SupplementRow[] {
  const sdir = join(dir, 'supplement');
  const out: SupplementRow[] = [];
  for (const f of readdirSync(sdir).filter((x) => x.endsWith('.tsv')).sort()) {
    for (const c of rows(join(sdir, f), 8)) {
      const where = `supplement/${f} ${c[0]}`;
      const kind = c[4] as SupplementKind;
      if (!SUPPLEMENT_KINDS.includes(kind)) throw new Error(`${where}: unknown kind '${c[4]}'`);
      const lat = num(c[1]!, where);
      const lon = num(c[2]!, where);
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`${where}: coordinates out of range`);
      if (!/^[A-Z]{2}$/.test(c[3]!)) throw new Error(`${where}: country must be ISO alpha-2`);
      if (!c[7]) throw new Error(`${where}: a source is required`);
      out.push({
        names: c[0]!.split('|').filter(Boolean),
        lat,
        lon,
        country: c[3]!,
        kind,
        type: c[5]!,
        size: num(c[6]!, where),
        source: c[7]!,
        file: f,
      });
    }
  }
  return out;
}

/** One word or phrase a line (comments allowed), lower-cased. */
export function readWordList(name: string, dir = DATA_DIR): string[] {
  return readFileSync(join(dir, name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

/** The curated files' text, for the cache key: the index is rebuilt whenever any of them changes. */
export function curatedFiles(dir = DATA_DIR): string[] {
  const files = ['countries.tsv', 'admin-aliases.tsv', 'us-state-abbreviations.tsv'].map((f) => join(dir, f));
  const sdir = join(dir, 'supplement');
  for (const f of readdirSync(sdir).filter((x) => x.endsWith('.tsv')).sort()) files.push(join(sdir, f));
  return files;
}
