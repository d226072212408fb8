import { describe, expect, it } from 'vitest';
import { exactKey } from '../../gazetteer/fold.js';
import { gazetteer } from '../../gazetteer/load.js';
import { prepared } from '../../test-support/doc.js';
import { places } from './index.js';
import { coherence } from './resolve.js';

// Texts written for these tests; the facts are public geography.
const run = (text: string) => prepared(text, null, places).get('places');
const at = (list: ReturnType<typeof run>, text: string) => list.find((p) => p.text === text);

describe('resolve: focus-of-others (a name is not its own evidence)', () => {
  it('reads a much-repeated Alexandria in Virginia when the story names Virginia', () => {
    const list = run(
      'Alexandria police opened an inquiry. Alexandria detectives met the family. An Alexandria judge set bail. ' +
        'The suspect will be sent back to Virginia. Alexandria officials declined to comment.',
    );
    for (const p of list.filter((x) => x.text === 'Alexandria')) expect(p).toMatchObject({ country: 'US', admin1: 'Virginia' });
  });

  it('still reads Alexandria in Egypt when the story is about Egypt', () => {
    const list = run('Protesters filled the streets of Alexandria. In Alexandria and Cairo shops stayed shut. Egypt blamed the unrest on outsiders.');
    expect(at(list, 'Alexandria')).toMatchObject({ country: 'EG' });
  });
});

describe('resolve: city-over-its-division', () => {
  it('reads a bare name shared by a city and its province as the city', () => {
    expect(at(run('A car bomb went off in Kirkuk on Sunday.'), 'Kirkuk')).toMatchObject({ country: 'IQ', kind: 'city' });
  });

  it('does not lift that city over a namesake the story places elsewhere', () => {
    const list = run('An Alexandria woman was charged with arson. Rapides Parish deputies arrested her on Tuesday.');
    expect(at(list, 'Alexandria')).toMatchObject({ country: 'US', admin1: 'Louisiana' });
  });
});

describe('resolve: area-name-over-small-namesake', () => {
  it('reads a state name in a story about towns of another state as the state', () => {
    const list = run('Peoria police said the man had moved to Kansas last year. He was arrested in Bloomington and Normal.');
    expect(at(list, 'Kansas')).toMatchObject({ kind: 'admin1', name: 'Kansas' });
  });

  it('reads the town when the text locates it ("Kansas, Ill.")', () => {
    const list = run('The fair opens in Kansas, Ill., on Friday.');
    expect(at(list, 'Kansas')).toMatchObject({ kind: 'city', country: 'US', admin1: 'Illinois' });
  });
});

describe('resolve: ambiguous-neighbours-say-less', () => {
  const gaz = gazetteer();
  const ids = (name: string) => gaz.lookupExact(exactKey(name)).map((p) => p.id);
  const one = (name: string, country: string) => ids(name).find((id) => gaz.countryOf(id) === country && gaz.kindOf(id) === 'city')!;

  it('gives full support for an unambiguous neighbour', () => {
    const tarinkot = one('Tarinkot', 'AF');
    const kandahar = one('Kandahar', 'AF');
    expect(coherence(gaz, kandahar, [[tarinkot]])).toBeGreaterThan(1.5);
  });

  it('gives less support when the neighbour is one reading among dozens', () => {
    const springfields = ids('Springfield');
    expect(springfields.length).toBeGreaterThan(16);
    const il = springfields.find((id) => gaz.admin1CodeOf(id) === 'US.IL' && gaz.kindOf(id) === 'city')!;
    const decatur = ids('Decatur').find((id) => gaz.admin1CodeOf(id) === 'US.IL' && gaz.kindOf(id) === 'city')!;
    const alone = coherence(gaz, decatur, [[il]]);
    expect(alone).toBeGreaterThan(0);
    const amongMany = coherence(gaz, decatur, [springfields]);
    expect(amongMany).toBeLessThan(alone);
    expect(amongMany).toBeGreaterThanOrEqual(0);
  });
});

describe('resolve: named-country', () => {
  it('reads a town in the country the story names, over a namesake near its other places', () => {
    const list = run('A nurse who moved from Pittsburgh to Sligo has won her fight to stay in Ireland. Sligo councillors and the Irish justice minister welcomed the ruling.');
    expect(at(list, 'Sligo')).toMatchObject({ country: 'IE' });
  });

  it('does not pull a state named like a country', () => {
    const list = run('Officials from the U.S. met Georgia lawmakers in Atlanta and Savannah.');
    expect(at(list, 'Georgia')).toMatchObject({ country: 'US', kind: 'admin1' });
  });
});
