import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

// Notes written for these tests. Lukulu is a small Zambian town, Magumeri a local government area of Borno
// State, Nigeria: a village of a Borno note written like the Zambian town is a namesake misread.
function run(text: string) {
  const doc = analyzed(text, '2021-05-03');
  const places = doc.get('places');
  expectSpansMatch(doc.text, places);
  return { places, events: doc.get('events') };
}

describe('a lone small town abroad (rule lone-town-abroad)', () => {
  it('is a misreading in a note whose places lie in a country it backs', () => {
    const { places, events } = run('Boko Haram fighters killed two herders in Lukulu on Sunday. Troops later cleared their camps in Magumeri LGA.');
    expect(places.filter((p) => p.country === 'ZM')).toEqual([]);
    // Kept as a place the gazetteer lacks, coded in the note's own area.
    expect(places.find((p) => p.text === 'Lukulu')).toMatchObject({ unresolved: true, country: 'NG' });
    expect(events[0]!.location).toMatchObject({ name: 'Lukulu', country: 'NG', precision: 3 });
  });
  it('stays when nothing tells which of two lone towns is misread', () => {
    const { places } = run('Gunmen killed two herders in Lukulu on Sunday. Police later searched a house in Magumeri.');
    expect(places.find((p) => p.text === 'Lukulu')).toMatchObject({ country: 'ZM' });
  });
  it('stays in a story that names a country', () => {
    const { places } = run('Soldiers from Zambia killed two herders in Lukulu on Sunday. Troops later cleared camps in Magumeri LGA.');
    expect(places.find((p) => p.text === 'Lukulu')).toMatchObject({ country: 'ZM' });
  });
});
