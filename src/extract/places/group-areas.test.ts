import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { gazetteer } from '../../gazetteer/load.js';
import { exactKey, looseKey } from '../../gazetteer/fold.js';
import { groupCountries, parseAreas } from './group-areas.js';

// Notes written for these tests. Tanwarikoy is a made-up village name (checked below); the towns and
// divisions are real: Kabala is a village in Mali and a larger town in Sierra Leone, Illela a Nigerian town
// and the local government area named after it.
function run(text: string) {
  const doc = analyzed(text, '2021-05-03');
  const places = doc.get('places');
  expectSpansMatch(doc.text, places);
  return { doc, places, events: doc.get('events') };
}

describe('areas of operation of armed groups (rule groups-of-several-countries)', () => {
  it('reads the file: one actor a line, its countries', () => {
    const m = parseAreas('# comment\nSome Front | ML BF NE | wikipedia:Some_Front\n');
    expect(m.get('Some Front')).toEqual(['ML', 'BF', 'NE']);
    expect(() => parseAreas('Some Front | Mali | x\n')).toThrow(/country codes/);
  });
  it('gives a group active in several countries all of them, and any other group its home', () => {
    expect(groupCountries('Jama\'at Nusrat al-Islam wal-Muslimin', 'ML')).toEqual(['ML', 'BF', 'NE', 'BJ', 'TG']);
    expect(groupCountries('Ansaru', 'NG')).toEqual(['NG']);
  });
  it('uses a village name the gazetteer lacks', () => {
    const gaz = gazetteer();
    expect([...gaz.lookupExact(exactKey('Tanwarikoy')), ...gaz.lookupLoose(looseKey('Tanwarikoy'))]).toEqual([]);
  });
  it('does not code a village at one of the countries a group operates in', () => {
    // JNIM fights in five countries: the note does not say which one the village is in.
    const { places } = run('JNIM militants attacked the village of Tanwarikoy on Monday, killing three people.');
    expect(places.filter((p) => p.country === 'ML')).toEqual([]);
  });
  it('still codes it at the country of a group with one home', () => {
    const { places } = run('Ansaru gunmen attacked the village of Tanwarikoy on Monday, killing three people.');
    expect(places.find((p) => p.text === 'Tanwarikoy')).toMatchObject({ unresolved: true, country: 'NG' });
  });
  it('reads a town in the group\'s countries over a larger namesake elsewhere', () => {
    // Five countries at once still tell them from the rest of the world (Kabala in Mali, not Sierra Leone's).
    const { places } = run('JNIM militants attacked the village of Kabala on Sunday, killing two soldiers.');
    expect(places.find((p) => p.text === 'Kabala')).toMatchObject({ country: 'ML' });
  });
  it('leaves a name the text calls a division to its designator', () => {
    const { places } = run('Boko Haram fighters raided two villages in Illela LGA on Sunday.');
    expect(places.find((p) => p.text.startsWith('Illela'))).toMatchObject({ country: 'NG', kind: 'admin2' });
  });
});
