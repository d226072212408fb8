import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

function actors(text: string) {
  const e = analyzed(text, '2021-05-02').get('events')[0]!;
  return [e.actor1?.inter ?? null, e.actor2?.inter ?? null, e.actor1?.name ?? null, e.actor2?.name ?? null];
}

// Reports written for these tests.
describe('codeActors', () => {
  it('codes a state abroad as external forces (8) and at home as state forces (1)', () => {
    expect(actors('On 1 May 2021, a US drone strike killed 2 al-Shabaab militants near Jilib, Somalia.').slice(0, 2)).toEqual([8, 2]);
    expect(actors('On 1 May 2021, Somali forces killed 2 al-Shabaab militants near Jilib, Somalia.').slice(0, 2)).toEqual([1, 2]);
  });
  it('names an unknown perpetrator an unidentified armed group and victims civilians', () => {
    expect(actors('On 1 May 2021, 1 teacher was killed by unknown gunmen in Kabul city.')).toEqual([3, 7, 'Unidentified Armed Group (Afghanistan)', 'Civilians (Afghanistan)']);
    expect(actors("On 1 May 2021, 1 civilian was killed when a roadside bomb exploded in Kandahar. It's unclear who planted the bomb.").slice(0, 2)).toEqual([3, 7]);
  });
  it('codes a crowd as protesters and the police meeting it', () => {
    expect(actors('On 1 May 2021, residents protested against insecurity in Taloqan. [size=no report]')).toEqual([6, null, 'Protesters (Afghanistan)', null]);
    expect(actors('On 1 May 2021, police used tear gas to disperse protesters in Harare.').slice(0, 2)).toEqual([6, 1]);
    expect(actors('On 1 May 2021, police shot dead 2 protesters in Conakry.').slice(0, 2)).toEqual([1, 6]);
  });
  it('reads a generic "militants" as the group the document names', () => {
    const t = 'Islamic State fighters held the area for months. On 1 May 2021, the militants executed 3 villagers near Mosul.';
    expect(actors(t).slice(0, 2)).toEqual([2, 7]);
  });
  it('reads a pronoun after "said" as the speaker', () => {
    expect(actors('In Kirkuk, security forces said they had killed the last of the gunmen on Friday.').slice(0, 2)).toEqual([1, 3]);
  });
  it('fills in the state for a town retaken and the group it was taken from', () => {
    expect(actors('On 1 May 2021, the army recaptured the town of Mansila from JNIM militants in Burkina Faso.').slice(0, 2)).toEqual([1, 2]);
  });
});
