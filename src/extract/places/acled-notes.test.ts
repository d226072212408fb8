import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { eventPlace } from './event-place.js';
import { places } from './index.js';

// Notes written for these tests, in the shapes conflict-event notes take.
const run = (text: string) => prepared(text, '2021-03-02', places);
function locate(text: string) {
  const doc = run(text);
  const s = doc.get('sentences')[0]!;
  return eventPlace(doc, { start: s.start, end: s.end });
}

describe('places in conflict-event notes', () => {
  it('reads no place inside a named armed group ("Haram" of Boko Haram)', () => {
    const list = run('Boko Haram fighters raided a camp near Gwoza on Sunday.').get('places');
    expect(list.map((p) => p.text)).toEqual(['Gwoza']);
  });
  it('reads "X local government area" as a place of the division named after it', () => {
    const list = run('Gunmen killed two farmers in Takum local government area of Taraba State.').get('places');
    const takum = list.find((p) => p.text === 'Takum');
    expect(takum?.country).toBe('NG');
    expect(['admin2', 'city']).toContain(takum?.kind);
  });
  it('puts an event on a road between two towns at the town the note places it in', () => {
    expect(locate('On 1 March 2021, traders blocked the Kano-Zaria highway in Kaduna city to protest new taxes.')).toMatchObject({ name: 'Kaduna', precision: 1 });
    expect(locate('On 1 March 2021, gunmen ambushed a bus near Dori on the road towards Kaya.')).toMatchObject({ name: 'Dori' });
  });
});

describe('a country people come from (rule country-of-origin)', () => {
  it('is not where the event was', () => {
    // The event's own clause names only the countries; its sentence goes on to the town.
    const text = 'On 3 March 2021, worshippers from Ghana, Nigeria and Benin gathered for a rally in the town of Kpalime.';
    const doc = run(text);
    const clause = { start: text.indexOf('worshippers'), end: text.indexOf(' for a rally') };
    expect(text.slice(clause.start, clause.end)).toBe('worshippers from Ghana, Nigeria and Benin gathered');
    expect(eventPlace(doc, clause)).toMatchObject({ name: 'Kpalimé', country: 'TG' });
  });
  it('is still where an event named there was', () => {
    expect(locate('On 3 March 2021, soldiers clashed with gunmen in Ghana near the border.')).toMatchObject({ country: 'GH' });
  });
});

describe('a road named by its ends (rule the-road-is-somewhere)', () => {
  it('is where its sentence goes on to place it, not at one of its ends', () => {
    const text = 'On 5 May 2021, drivers blocked the Tamale-Kintampo highway, Techiman town (Bono East), to protest new taxes.';
    const doc = run(text);
    // The clause names only the road's ends; the sentence says where on it.
    const road = 'drivers blocked the Tamale-Kintampo highway';
    const clause = { start: text.indexOf(road), end: text.indexOf(road) + road.length };
    expect(text.slice(clause.start, clause.end)).toBe(road);
    expect(eventPlace(doc, clause)).toMatchObject({ name: 'Techiman' });
  });
});
