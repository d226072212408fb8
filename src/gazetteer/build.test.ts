import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './build.js';
import { readBlob, writeBlob } from './format.js';
import { Gazetteer } from './gazetteer.js';

// A small fixture in the npm packages' formats (testdata/places/gazetteer), so the build is tested in isolation.
const dir = fileURLToPath(new URL('../../testdata/places/gazetteer/', import.meta.url));
const gaz = new Gazetteer(
  readBlob(
    buildGazetteer({
      cities500: `${dir}cities500-sample.txt`,
      cities: `${dir}cities.json`,
      admin1: `${dir}admin1.json`,
      admin2: `${dir}admin2.json`,
      dataDir: dir,
    }),
  ),
);
const names = (key: string) => gaz.lookupExact(key).map((p) => `${gaz.nameOf(p.id)}/${gaz.kindOf(p.id)}${p.alternate ? '*' : ''}`);

describe('gazetteer build', () => {
  it('indexes main and alternate names of populated places', () => {
    expect(names('mosul')).toContain('Mosul/city');
    expect(names('irbil')).toContain('Erbil/city*');
    expect(names('tel keppe')).toContain('Tallkayf/city*');
  });

  it("adds the places only cities.json lists, as unlisted places of unknown size, and no second namesake of a known name", () => {
    const bashiqa = gaz.lookupExact('bashiqa').map((p) => gaz.entry(p.id));
    expect(bashiqa).toHaveLength(1);
    expect(bashiqa[0]).toMatchObject({ kind: 'city', country: 'IQ', admin1: 'Nineveh', population: 0, feature: 'PPL-unlisted', geonameId: null });
    // Mosul is cities500's; Erbil too, even at other coordinates: the name is known in the country.
    expect(names('mosul')).toEqual(['Mosul/city']);
    expect(gaz.lookupExact('erbil').filter((p) => gaz.featureOf(p.id) === 'PPL-unlisted')).toEqual([]);
  });

  it('indexes transliteration-tolerant keys', () => {
    const ids = gaz.lookupLoose('talkaif').map((p) => gaz.nameOf(p.id));
    expect(ids).toContain('Tallkayf');
    expect(gaz.lookupLoose('nosuchplace')).toEqual([]);
  });

  it('adds countries with their common names', () => {
    for (const k of ['iraq', 'united states', 'u s', 'america']) expect(names(k).some((n) => n.endsWith('/country'))).toBe(true);
    const us = gaz.countryEntry('US')!;
    expect(gaz.entry(us).geonameId).toBe(6252001);
  });

  it('places admin areas by their places and seats them at their capital', () => {
    const nineveh = gaz.lookupExact('nineveh').find((p) => gaz.kindOf(p.id) === 'admin1')!;
    const e = gaz.entry(nineveh.id);
    expect(e.admin1Code).toBe('IQ.15');
    expect(e.seatLat).toBeCloseTo(36.335, 2);
    expect(names('ninawa')).toContain('Nineveh/admin1');
    // A division's generic word is optional ("Sinjar District" → "Sinjar", "Sangamon County" →
    // "Sangamon"); the bare name is an alternate, so it only wins where the story supports it.
    expect(names('sinjar')).toContain('Sinjar District/admin2*');
    expect(names('sangamon county')).toContain('Sangamon County/admin2');
    expect(names('sangamon')).toEqual(['Sangamon County/admin2*']);
    // A division with no place in it has no coordinates and is left out.
    expect(names('empty district')).toEqual([]);
  });

  it('places the divisions cities500 has no place in by the places cities.json lists, at the place they are named after', () => {
    // GeoNames' local forms ("Commune of X", "X Cercle") are also indexed bare, as news writes them.
    expect(names('sindoukrou')).toContain('Commune of Sindoukrou/admin2*');
    expect(names('kelmoya')).toEqual(['Kelmoya Cercle/admin2*']);
    // Bangladesh's first-level divisions are "X Division" in GeoNames and "X" in news.
    expect(names('vorangi')).toEqual(['Vorangi Division/admin2*']);
    // A Bangladeshi district also stands for its seat's "Sadar" upazila (rule sadar-upazila); elsewhere no.
    expect(names('koralganj sadar')).toEqual(['Koralganj District/admin2*']);
    expect(names('vorangi sadar')).toEqual([]);
    const commune = gaz.entry(gaz.lookupExact('commune of sindoukrou')[0]!.id);
    expect(commune).toMatchObject({ kind: 'admin2', country: 'IQ', admin1: 'Nineveh' });
    // Its seat is the place of its own name; its centre lies between its two places.
    expect([commune.seatLat, commune.seatLon]).toEqual([36.6, 42.9]);
    expect(commune.lat).toBeCloseTo(36.65, 2);
    // With no namesake inside, the seat is the centre.
    const cercle = gaz.entry(gaz.lookupExact('kelmoya cercle')[0]!.id);
    expect([cercle.seatLat, cercle.seatLon]).toEqual([cercle.lat, cercle.lon]);
  });

  it('seats a district with no PPLA2 at the town it is named after, not at its biggest place (rule namesake-seat)', () => {
    const seatOf = (key: string) => {
      const e = gaz.entry(gaz.lookupExact(key).find((p) => gaz.kindOf(p.id) === 'admin2')!.id);
      return [e.seatLat, e.seatLon];
    };
    // The namesake is a cities500 place smaller than another of the district.
    expect(seatOf('dalmoren district')).toEqual([36.2, 42.2]);
    // The namesake is only in cities.json.
    expect(seatOf('pelanor district')).toEqual([36.05, 42.6]);
    // A district with a PPLA2 keeps it.
    expect(seatOf('sinjar district')[0]).toBeCloseTo(36.3209, 3);
  });

  it('adds curated places and merges those cities500 already has', () => {
    const nimrud = gaz.entry(gaz.lookupExact('nimrud')[0]!.id);
    expect(nimrud).toMatchObject({ kind: 'feature', geonameId: null, country: 'IQ', admin1: 'Nineveh' });
    // Qaraqosh lies within 15 km of the cities500 Hamdaniya: its names go there rather than to a twin.
    const q = gaz.lookupExact('qaraqosh').map((p) => gaz.entry(p.id));
    expect(q).toHaveLength(1);
    expect(q[0]!.geonameId).toBe(900002);
    expect(gaz.entry(gaz.lookupExact('middle east')[0]!.id).feature).toBe('region-multi');
  });

  it('keeps state abbreviations with their mode', () => {
    expect(gaz.abbreviations.get('Ill.')).toEqual({ text: 'Ill.', admin1: 'US.IL', free: false });
    expect(gaz.abbreviations.get('Ind.')).toBeUndefined();
  });
});

describe('gazetteer file format', () => {
  it('round-trips typed arrays and strings', () => {
    const blob = writeBlob({ a: new Float32Array([1.5, -2]), b: 'text ✓', c: new Uint32Array([7, 8, 9]) }, { t: [1, 'x'] });
    const back = readBlob(blob);
    expect([...(back.sections.get('a') as Float32Array)]).toEqual([1.5, -2]);
    expect(back.sections.get('b')).toBe('text ✓');
    expect([...(back.sections.get('c') as Uint32Array)]).toEqual([7, 8, 9]);
    expect(back.tables).toEqual({ t: [1, 'x'] });
  });

  it('refuses a file that is not a gazetteer', () => {
    expect(() => readBlob(Buffer.from('not a gazetteer at all'))).toThrow(/not a sitrep gazetteer/);
  });
});

describe('gazetteer cache name', () => {
  it('is the same from the compiled CLI and from the TypeScript sources, so neither rebuilds the other\'s cache', async () => {
    const { buildHash } = await import('./load.js');
    const compiled = new URL('../../dist/gazetteer/load.js', import.meta.url);
    if (!existsSync(fileURLToPath(compiled))) {
      console.warn('gazetteer cache name: dist/ not built, compiled side not compared');
      return;
    }
    const fromDist = (await import(compiled.href)) as { buildHash: () => string };
    expect(fromDist.buildHash()).toBe(buildHash());
  });
});
