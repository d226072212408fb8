import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { gazetteer } from '../../gazetteer/load.js';
import { exactKey, looseKey } from '../../gazetteer/fold.js';

// Notes written for these tests. Kwarbela, Sindoukrou, Marandagou, Gadabiri, Tobilega and Ombeliya are made-up
// village names and Kanembu is a people's (the first test checks the gazetteer lacks them all); the divisions
// and towns around them are real.
const VILLAGES = ['Kwarbela', 'Sindoukrou', 'Marandagou', 'Gadabiri', 'Tobilega', 'Ombeliya', 'Kanembu'];

function run(text: string) {
  const doc = analyzed(text, '2021-05-03');
  const places = doc.get('places');
  expectSpansMatch(doc.text, places);
  return { doc, places, unresolved: places.filter((p) => p.unresolved), events: doc.get('events') };
}
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const p = Math.PI / 180;
  const x = 0.5 - Math.cos((b.lat - a.lat) * p) / 2 + (Math.cos(a.lat * p) * Math.cos(b.lat * p) * (1 - Math.cos((b.lon - a.lon) * p))) / 2;
  return 12742 * Math.asin(Math.sqrt(x));
}
const MAIDUGURI = { lat: 11.85, lon: 13.16 };

describe('unresolved places (rule unresolved-place)', () => {
  it('uses names the gazetteer lacks', () => {
    const gaz = gazetteer();
    for (const v of VILLAGES) expect([...gaz.lookupExact(exactKey(v)), ...gaz.lookupLoose(looseKey(v))]).toEqual([]);
  });

  it('keeps "the village of X" as a place named as written, coded at the province the text gives, precision 3', () => {
    const { doc, unresolved, events } = run('Gunmen attacked the village of Kwarbela in Borno State on Monday, killing four people.');
    expect(unresolved).toHaveLength(1);
    const [p] = unresolved;
    expect(doc.text.slice(p!.start, p!.end)).toBe('Kwarbela');
    expect(p).toMatchObject({ name: 'Kwarbela', country: 'NG', admin1: 'Borno State', geonameId: null, kind: 'city', unresolved: true, area: 'Borno State' });
    expect(events[0]!.location).toMatchObject({ name: 'Kwarbela', country: 'NG', precision: 3, unresolved: true, area: 'Borno State' });
    // At the province's seat (ACLED's convention), Maiduguri.
    expect(km(events[0]!.location!, MAIDUGURI)).toBeLessThan(10);
  });

  it('codes "X village, Y district, Z state" at the district the text names', () => {
    const { unresolved, events } = run('Soldiers clashed with militants in Sindoukrou village, Bama LGA, Borno State, on Friday.');
    expect(unresolved.map((p) => p.text)).toEqual(['Sindoukrou']);
    expect(unresolved[0]!.area).toBe('Bama');
    expect(events[0]!.location).toMatchObject({ name: 'Sindoukrou', precision: 3, unresolved: true, area: 'Bama' });
    // Bama town, the district's seat, not the state capital 60 km away.
    expect(km(events[0]!.location!, { lat: 11.52, lon: 13.69 })).toBeLessThan(10);
  });

  it("never takes another clause's town for the event: a village seized, residents fled toward a city", () => {
    const { events } = run('Fighters seized Marandagou on Tuesday, and residents fled toward Maiduguri.');
    expect(events[0]!.location).toMatchObject({ name: 'Marandagou', precision: 3, unresolved: true, area: 'Borno State' });
  });

  it('puts "X, 30 km north of Y" at the offset point', () => {
    const { events } = run('Militants ambushed a patrol near Tobilega, 30 km north of Maiduguri, killing two soldiers.');
    const loc = events[0]!.location!;
    expect(loc).toMatchObject({ name: 'Tobilega', unresolved: true, area: 'Maiduguri' });
    expect(km(loc, MAIDUGURI)).toBeGreaterThan(25);
    expect(km(loc, MAIDUGURI)).toBeLessThan(35);
    expect(loc.lat).toBeGreaterThan(MAIDUGURI.lat);
  });

  it('reads a list that a plural designator closes, and a copula that says what the name is', () => {
    const list = run('Herders attacked farmers in Kwarbela and Marandagou villages in Borno State.');
    expect(list.unresolved.map((p) => p.text)).toEqual(['Kwarbela', 'Marandagou']);
    const said = run('Gadabiri is a farming village in Borno State.');
    expect(said.unresolved.map((p) => p.text)).toEqual(['Gadabiri']);
  });

  it('is not a person, an organisation, a building, an acronym, a possessive or a capitalised first word', () => {
    const { unresolved } = run(
      'Police in Kano said the suspects were hiding at Ombeliya Hospital and at Gadabiri’s shop. Two officers were wounded in KDF operations. Marandagou residents met the Department of Kwarbela Affairs.',
    );
    expect(unresolved).toEqual([]);
  });

  it('reads "the Kanembu village of X" as the village X, the people before it an attribute', () => {
    const { unresolved } = run('Gunmen burned the Kanembu village of Kwarbela in Borno State on Sunday.');
    expect(unresolved.map((p) => p.text)).toEqual(['Kwarbela']);
  });

  it('reads no place in a mixed-case acronym ("FAMa"), but keeps a prenasalised name ("NTillit")', () => {
    const army = run('Soldiers of the FAMa patrolled near Gao on Sunday.');
    expect(army.places.map((p) => p.text)).toEqual(['Gao']);
    const town = run('Militants attacked a post near NTillit in Gao region.');
    expect(town.places.map((p) => p.text)).toContain('NTillit');
  });

  it('stays out of a story that gives it no area: no country, no coordinates', () => {
    const { unresolved, events } = run('Gunmen attacked the village of Kwarbela overnight, killing four people.');
    expect(unresolved).toEqual([]);
    expect(events[0]?.location ?? null).toBeNull();
  });
});

describe('areas of unresolved places written before them or through another name', () => {
  // Tanwarikoy, Dabbakori, Kwalimari and Bondoyaki are made-up names (the gazetteer lacks them); Magumeri is a
  // local government area of Borno State, Nyahururu a Kenyan town.
  it('uses the district the clause names before its villages (rule district-of-the-clause)', () => {
    const { unresolved } = run('Troops fought militants at three locations in Magumeri LGA - at Tanwarikoy, Dabbakori and Kwalimari - killing four.');
    expect(unresolved.find((p) => p.text === 'Tanwarikoy')).toMatchObject({ country: 'NG', area: 'Magumeri' });
  });
  it('follows "the X area of Y, Z" to the town Z when Y is unknown too', () => {
    const { unresolved } = run('Traders and hawkers clashed on Monday in the Tanwarikoy area of Bondoyaki, Nyahururu, and four people were injured.');
    expect(unresolved.find((p) => p.text === 'Tanwarikoy')).toMatchObject({ country: 'KE', area: 'Nyahururu' });
  });
});

describe('short division names that locate a village', () => {
  // Sud is a department of Haiti, Oti a region of Ghana; Tanwarikoy is made up.
  it('reads a department named as one ("X, Sud department"; rule department-and-commune)', () => {
    const { places, unresolved } = run('Gang members burned houses in Tanwarikoy, Sud department, on Monday.');
    expect(places.find((p) => p.text.startsWith('Sud'))).toMatchObject({ kind: 'admin1', country: 'HT' });
    expect(unresolved.find((p) => p.text === 'Tanwarikoy')).toMatchObject({ country: 'HT', area: 'Sud' });
  });
  it('reads the last name of a parenthesis after a village as its division (rule division-in-a-parenthesis)', () => {
    const { places, unresolved } = run('On 3 March 2021, youths clashed with police in Tanwarikoy (Oti).');
    expect(places.find((p) => p.text === 'Oti')).toMatchObject({ kind: 'admin1', country: 'GH' });
    expect(unresolved.find((p) => p.text === 'Tanwarikoy')).toMatchObject({ country: 'GH', area: 'Oti' });
  });
});
