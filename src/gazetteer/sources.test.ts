import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { readAdminAliases, readCountries, readDemonyms, readStateAbbreviations, readSupplement, readWordList } from './sources.js';

const require = createRequire(import.meta.url);

describe('curated gazetteer files', () => {
  it('give every supplement place a source, a valid kind and coordinates', () => {
    const rows = readSupplement();
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.source, r.names[0]).toMatch(/^(?:wikipedia|geonames|osm):\S+/);
      expect(Math.abs(r.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(r.lon)).toBeLessThanOrEqual(180);
      expect(r.names.length).toBeGreaterThan(0);
    }
    // The examples the project was asked for.
    const names = new Set(rows.flatMap((r) => r.names));
    for (const n of ['Nimrud', 'Bartella', 'Darfur', 'Donbas', 'Eastern Ghouta']) expect(names).toContain(n);
  });

  it('list countries with ISO codes and the names news uses', () => {
    const countries = readCountries();
    const byCode = new Map(countries.map((c) => [c.iso2, c]));
    expect(byCode.get('SY')!.names).toEqual(expect.arrayContaining(['Syria', 'Syrian Arab Republic']));
    expect(byCode.get('US')!.names).toEqual(expect.arrayContaining(['U.S.', 'US', 'United States']));
    expect(byCode.get('GB')!.names).toContain('Britain');
    for (const c of countries) expect(c.iso2).toMatch(/^[A-Z]{2}$/);
  });

  it("put each large country's point inside its borders (Natural Earth, via world-atlas)", () => {
    const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
    const geo = feature(topo, topo.objects.countries as GeometryCollection);
    const numeric = new Map<string, string>();
    for (const line of readFileSync(new URL('../../data/gazetteer/countries.tsv', import.meta.url), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (!line.startsWith('#') && cols[1]) numeric.set(cols[0]!, cols[1]);
    }
    const inside = (lon: number, lat: number, ring: number[][]) => {
      let c = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
      }
      return c;
    };
    // Big countries only: a small island state's point may sit in its sea.
    for (const code of ['IQ', 'SY', 'AF', 'YE', 'UA', 'SD', 'SO', 'ML', 'MM', 'CD', 'US', 'RU', 'FR', 'NG', 'ET', 'LY', 'IR', 'PK']) {
      const c = readCountries().find((x) => x.iso2 === code)!;
      const f = geo.features.find((x) => x.id === numeric.get(code))!;
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as { coordinates: number[][][][] }).coordinates;
      expect(polys.some((p) => inside(c.lon, c.lat, p[0]!)), code).toBe(true);
    }
  });

  it('parse the other lists', () => {
    expect(readAdminAliases().find((a) => a.code === 'IQ.15')!.aliases).toContain('Ninawa');
    expect(readStateAbbreviations().find((a) => a.abbreviation === 'W.Va.')).toMatchObject({ admin1: 'US.WV', free: true });
    expect(readDemonyms().find((d) => d.forms.includes('Iraqi'))!.countries).toEqual(['IQ']);
    expect(readWordList('person-names.txt')).toContain('jordan');
    expect(readWordList('not-places.txt')).not.toContain('');
  });
});
