import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { docPlaces } from './details.js';
import { eventPlace } from './event-place.js';
import { places } from './index.js';

// testdata/places/wire-nineveh.txt: a wire-style story written for the project (public geography only).
const text = readFileSync(new URL('../../../testdata/places/wire-nineveh.txt', import.meta.url), 'utf8');
const doc = prepared(text, '2016-10-21', places);
const list = doc.get('places');
const at = (s: string, n = 1) => list.filter((p) => p.text === s)[n - 1];

describe('a wire story about Nineveh', () => {
  it('keeps every span on the text', () => {
    expectSpansMatch(text, list);
    expect(list.length).toBeGreaterThanOrEqual(12);
  });

  it('reads the dateline and the story\'s focus', () => {
    const info = docPlaces(doc)!;
    expect(info.dateline?.mention.text).toBe('ERBIL');
    expect(info.focusCountry).toBe('IQ');
  });

  it('gives spellings of one town one reading', () => {
    expect(at('Irbil')?.geonameId).toBe(at('ERBIL')?.geonameId);
    expect(at('Arbil')?.geonameId).toBe(at('ERBIL')?.geonameId);
    expect(at('Qaraqosh')?.geonameId).toBe(at('Hamdaniya')?.geonameId);
    expect(at('Tel Keppe')).toMatchObject({ country: 'IQ', admin1: 'Nineveh' });
  });

  it('tells the province from the city and keeps demonyms out', () => {
    expect(at('Nineveh province')).toMatchObject({ kind: 'admin1' });
    expect(list.some((p) => p.text === 'Iraqi' || p.text === 'Kurdish')).toBe(false);
    expect(at('Raqqa')).toMatchObject({ country: 'SY' });
  });

  it('locates the events of each paragraph', () => {
    const paragraphs = doc.get('sentences').filter((s, i, all) => i === 0 || s.paragraph !== all[i - 1]!.paragraph);
    const where = paragraphs.map((s) => eventPlace(doc, { start: s.start, end: s.end }));
    expect(where[0]).toMatchObject({ name: 'Bartella', precision: 1 });
    expect(where[1]).toMatchObject({ precision: 2 });
    expect(where[3]).toMatchObject({ country: 'SY', precision: 2 });
  });
});
