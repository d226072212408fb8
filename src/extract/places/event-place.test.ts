import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { eventPlace } from './event-place.js';
import { places } from './index.js';

// Event descriptions written for these tests, in the shapes wire copy and ACLED notes take.
function locate(text: string, sentence = 0) {
  const doc = prepared(text, '2020-03-02', places);
  const s = doc.get('sentences')[sentence]!;
  return eventPlace(doc, { start: s.start, end: s.end });
}
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const p = Math.PI / 180;
  const x = 0.5 - Math.cos((b.lat - a.lat) * p) / 2 + (Math.cos(a.lat * p) * Math.cos(b.lat * p) * (1 - Math.cos((b.lon - a.lon) * p))) / 2;
  return 12742 * Math.asin(Math.sqrt(x));
}
const MOSUL = { lat: 36.34, lon: 43.13 };

describe('eventPlace', () => {
  it('puts an event told at a province at a town of that province its paragraph names, precision 2 (rule a-town-in-the-area)', () => {
    const loc = locate('Gunmen attacked a convoy in Nineveh province on Monday. The wounded were taken to Tal Afar.')!;
    expect(loc).toMatchObject({ country: 'IQ', precision: 2 });
    expect(km(loc, { lat: 36.38, lon: 42.45 })).toBeLessThan(15);
  });

  it('keeps the province when the town named after it lies elsewhere (negative of a-town-in-the-area)', () => {
    const loc = locate('Gunmen attacked a convoy in Nineveh province on Monday. The wounded were taken to Sulaymaniyah.')!;
    expect(loc).toMatchObject({ country: 'IQ', admin1: 'Nineveh', precision: 3 });
  });

  it('gives a named town with precision 1', () => {
    const loc = locate('A bomb went off at a market in Kabul city on Sunday, killing three people.')!;
    expect(loc).toMatchObject({ country: 'AF', precision: 1 });
    expect(km(loc, { lat: 34.53, lon: 69.17 })).toBeLessThan(10);
  });

  it('gives the district, not its province, for "in X district, Province", at the seat with precision 2', () => {
    const loc = locate('Two soldiers died when gunmen attacked a post in Dawlat Abad district, Balkh, late on Friday.')!;
    expect(loc).toMatchObject({ country: 'AF', admin1: 'Balkh', precision: 2 });
    expect(km(loc, { lat: 36.99, lon: 66.82 })).toBeLessThan(25);
  });

  it('gives a district centre with precision 1', () => {
    const loc = locate('A policeman was shot in Dawlat Abad district center, Balkh.')!;
    expect(loc.precision).toBe(1);
  });

  it('gives a province alone with precision 3 at its capital', () => {
    const loc = locate('Dozens of militants surrendered to the army in Kandahar province.')!;
    expect(loc).toMatchObject({ country: 'AF', precision: 3 });
    expect(km(loc, { lat: 31.61, lon: 65.71 })).toBeLessThan(25);
  });

  it('puts "10 km north of Mosul" at the offset point with precision 2', () => {
    const loc = locate('Militants shelled a village 10 km north of Mosul.')!;
    expect(loc.precision).toBe(2);
    expect(km(loc, MOSUL)).toBeGreaterThan(7);
    expect(km(loc, MOSUL)).toBeLessThan(13);
    expect(loc.lat).toBeGreaterThan(MOSUL.lat);
  });

  it('takes the town named, not the place an apposition locates it by, nor the dateline', () => {
    const loc = locate('Troops took control of Bartella, the small town east of Mosul, on Thursday.')!;
    expect(loc).toMatchObject({ name: 'Bartella', precision: 1 });
    const dated = locate('IRBIL — Army units recaptured the town of Bartella on Thursday.')!;
    expect(dated).toMatchObject({ name: 'Bartella', precision: 1 });
  });

  it('drops a namesake abroad for a village the text calls local', () => {
    const loc = locate('Two soldiers died in the Rabat area of Muqur district, Badghis.')!;
    expect(loc.country).toBe('AF');
  });

  it('puts "near Nimrud" at Nimrud with precision 2', () => {
    const loc = locate('Airstrikes hit positions near Nimrud on Saturday.')!;
    expect(loc).toMatchObject({ name: 'Nimrud', precision: 2 });
  });

  it('anchors "a few kilometers to the south" on the place named before it', () => {
    const loc = locate('Troops took Bartella. Fighting went on a few kilometers to the south.', 0)!;
    expect(loc.precision).toBe(2);
  });

  it('falls back to the dateline, then to the story\'s country', () => {
    const dated = locate('BAGHDAD (Wire) — Two car bombs exploded on Sunday.\n\nOfficials blamed militants.', 1)!;
    expect(dated).toMatchObject({ country: 'IQ' });
    const focus = locate('Iraqi officials said nothing. Later, they said more.', 1)!;
    expect(focus).toMatchObject({ country: 'IQ', precision: 3 });
  });

  it('returns null when nothing in the story says where', () => {
    expect(locate('Officials said nothing about the attack.')).toBeNull();
  });

  it('skips a place that only modifies another word or begins an organisation\'s name', () => {
    expect(locate('Jets of the Kenya-led force struck a depot in Somalia.')).toMatchObject({ country: 'SO' });
    expect(locate('The Kabul-based group said gunmen shot a guard in Afghanistan.')).toMatchObject({ country: 'AF', precision: 3 });
    expect(locate('Mosul Radio said a bomb went off in Iraq.')).toMatchObject({ country: 'IQ', precision: 3 });
  });
  it('skips a country named as the one who acted, and a place in the possessive that locates the next', () => {
    expect(locate('Drones launched by Russia struck a power plant overnight, officials in Ukraine said.')).toMatchObject({ country: 'UA' });
    expect(locate("Shells fell on Ukraine's Kharkiv overnight.")).toMatchObject({ name: 'Kharkiv' });
  });
  it('keeps a town named with "by" and a town before a plain hyphen', () => {
    expect(locate('Two civilians were killed by a mine in Kabul city.')).toMatchObject({ country: 'AF', precision: 1 });
    expect(locate('Gunmen shot a guard in Kabul - the capital - on Monday.')).toMatchObject({ country: 'AF', precision: 1 });
  });
});
