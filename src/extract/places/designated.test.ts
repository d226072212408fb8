import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { gazetteer } from '../../gazetteer/load.js';
import { designatedNames, fuzzyAdmin1 } from './designated.js';
import { fuzzyWithin } from './resolve.js';

describe('designated names', () => {
  it('finds "X district, Y" with parenthesised other names and hyphenated ezafe', () => {
    const text = 'Raids hit Shinwar (Ghani Khel) district, Nangarhar, and Nawa-e Barakzayi district, Helmand.';
    const doc = prepared(text);
    const found = designatedNames(doc).map((d) => [text.slice(d.start, d.end), d.designator, d.container?.text]);
    expect(found).toEqual([
      ['Shinwar', 'district', 'Nangarhar'],
      ['Nawa-e Barakzayi', 'district', 'Helmand'],
    ]);
    expect(designatedNames(prepared('Nothing designated here.'))).toEqual([]);
  });

  it('matches a district loosely inside its province only', () => {
    const gaz = gazetteer();
    const balkh = 'AF.30';
    const id = fuzzyWithin(gaz, 'Dawlat Abad', balkh, ['admin2', 'city']);
    expect(id).not.toBeNull();
    expect(gaz.admin1CodeOf(id!)).toBe(balkh);
    // The same name is no district of Helmand.
    expect(fuzzyWithin(gaz, 'Dawlat Abad', 'AF.10', ['admin2'])).toBeNull();
    // Short names must match exactly.
    expect(fuzzyWithin(gaz, 'Obe', 'AF.11', ['admin2'])).not.toBeNull();
    expect(fuzzyWithin(gaz, 'Oba', 'AF.11', ['admin2'])).toBeNull();
  });

  it('reads a misspelt province among its country\'s', () => {
    const gaz = gazetteer();
    const id = fuzzyAdmin1(gaz, 'Heart', 'AF');
    expect(gaz.nameOf(id!)).toBe('Herat');
    expect(fuzzyAdmin1(gaz, 'Xyz', 'AF')).toBeNull();
  });
});
