import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

// Notes written for these tests; the places are real. Taiwan is a country name that one of its own
// provinces also bears; El Sauz is a village name of many Mexican municipalities.
function run(text: string) {
  const doc = analyzed(text, '2021-05-03');
  const places = doc.get('places');
  expectSpansMatch(doc.text, places);
  return { places, events: doc.get('events') };
}

describe('a country named like one of its provinces (rule country-over-its-own-division)', () => {
  it('reads the bare name as the country, whatever the country\'s places around it', () => {
    const { places } = run('Farmers protested in Taiwan on Sunday. Police in Taiwan\'s southern county of Pingtung said the march ended near Hengchun.');
    const taiwan = places.filter((p) => p.text === 'Taiwan');
    expect(taiwan).toHaveLength(2);
    for (const t of taiwan) expect(t).toMatchObject({ kind: 'country', country: 'TW' });
  });
  it('leaves the province to its designator', () => {
    const { places } = run('Police fought gunmen in Mexico State on Monday near Toluca.');
    expect(places.find((p) => p.text === 'Mexico State')).toMatchObject({ kind: 'admin1', country: 'MX' });
  });
});

describe('a village the text places in a division by apposition (rule appositive-container)', () => {
  it('reads "X, a village in the municipality of Y" inside Y, never a namesake elsewhere', () => {
    const { places, events } = run('Gunmen ambushed soldiers at a ranch in El Sauz, a village in the municipality of Caborca, on Monday.');
    const village = places.find((p) => p.text === 'El Sauz');
    // No El Sauz of Caborca in the gazetteer: an unresolved place coded at the municipality.
    expect(village).toMatchObject({ country: 'MX', admin1: 'Sonora', unresolved: true, area: 'Caborca' });
    expect(events[0]!.location).toMatchObject({ name: 'El Sauz', precision: 3, area: 'Caborca' });
  });
});
