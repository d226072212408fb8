import { describe, expect, it } from 'vitest';
import { MemoryReader } from './memory-reader.js';
import { normName } from './places.js';
import { buildSituation } from './situation.js';
import { FixtureDoc, PLACES } from './fixtures.test-support.js';
import type { SituationDoc } from './input.js';

const places = (docs: SituationDoc[]) => new MemoryReader(buildSituation(docs)).places({}, []);

describe('places across documents', () => {
  it('makes one place of two spellings resolved to one gazetteer entry, with mentions from both documents', async () => {
    const a = new FixtureDoc('a', 'Families found shelter in Irbil.', { outlet: 'A' }).place('Irbil', PLACES.erbil).build();
    const b = new FixtureDoc('b', 'The aid worker spoke from Erbil.', { outlet: 'B' }).place('Erbil', PLACES.erbil).build();
    const all = await places([a, b]);
    expect(all).toHaveLength(1);
    expect(all[0]!.documents).toEqual(['a', 'b']);
    expect(all[0]!.mentions.map((m) => m.text)).toEqual(['Irbil', 'Erbil']);
  });

  it('joins points a few hundred metres apart of one kind, keeps neighbouring towns apart', async () => {
    const a = new FixtureDoc('a', 'Shelling hit Arbil.', {}).place('Arbil', { ...PLACES.erbil, geonameId: null, lat: 36.19, lon: 44.01 }).build();
    const b = new FixtureDoc('b', 'Erbil and Qaraqosh and Bartella.', {})
      .place('Erbil', PLACES.erbil)
      .place('Qaraqosh', PLACES.qaraqosh)
      .place('Bartella', PLACES.bartella)
      .build();
    const all = await places([a, b]);
    expect(all.map((p) => p.name).sort()).toEqual(['Bartella', 'Erbil', 'Qaraqosh']);
    expect(all.find((p) => p.name === 'Erbil')!.mentions.map((m) => m.text).sort()).toEqual(['Arbil', 'Erbil']);
  });

  it('keeps a country apart from a city at its centre and skips impossible coordinates', async () => {
    const a = new FixtureDoc('a', 'Iraq and Baghdad and Nowhere.', {})
      .place('Iraq', PLACES.iraq)
      .place('Baghdad', { name: 'Baghdad', lat: 33.0, lon: 44.0, country: 'IQ', kind: 'city', geonameId: 98182 })
      .place('Nowhere', { name: 'Nowhere', lat: 200, lon: 0, country: 'XX' })
      .build();
    expect((await places([a])).map((p) => p.name).sort()).toEqual(['Baghdad', 'Iraq']);
  });

  it('gives the same places whatever order the documents come in', async () => {
    const a = new FixtureDoc('a', 'Shelling hit Arbil.', {}).place('Arbil', { ...PLACES.erbil, geonameId: null, lat: 36.19, lon: 44.01 }).build();
    const b = new FixtureDoc('b', 'Erbil and Qaraqosh.', {}).place('Erbil', PLACES.erbil).place('Qaraqosh', PLACES.qaraqosh).build();
    expect(await places([b, a])).toEqual(await places([a, b]));
  });

  it('folds case, accents and punctuation in names', () => {
    expect(normName('Qaraqōsh')).toBe('qaraqosh');
    expect(normName("Tal Kayf-")).toBe('tal kayf');
  });
});
