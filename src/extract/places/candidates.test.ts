import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { gazetteer } from '../../gazetteer/load.js';
import { findCandidates } from './candidates.js';

const find = (text: string) => {
  const doc = prepared(text);
  const out = findCandidates(doc, gazetteer());
  expectSpansMatch(text, out.candidates.map((c) => ({ start: c.start, end: c.end, text: c.surface })));
  expectSpansMatch(text, out.demonyms);
  return out;
};

describe('candidates', () => {
  it('keeps particles and hyphens inside names', () => {
    const { candidates } = find('Rockets fell on Deir ez-Zor and on Bosnia and Herzegovina was silent.');
    expect(candidates.map((c) => c.surface)).toEqual(expect.arrayContaining(['Deir ez-Zor', 'Bosnia and Herzegovina']));
  });

  it('reads "X City" known only as an alternate name as X with its designator (rule x-city-is-x)', () => {
    const { candidates } = find('The Springfield City Council met on Monday.');
    expect(candidates.find((c) => c.surface === 'Springfield')).toMatchObject({ hint: 'city' });
  });

  it('keeps "X City" when that is the main name of a place', () => {
    const { candidates } = find('Flights to Kuwait City resumed.');
    expect(candidates.map((c) => c.surface)).toContain('Kuwait City');
  });

  it('matches transliterations by the loose key only when no exact name exists', () => {
    const { candidates } = find('Families fled Qayara and Mosul.');
    expect(candidates.find((c) => c.surface === 'Qayara')).toMatchObject({ loose: true });
    expect(candidates.find((c) => c.surface === 'Mosul')).toMatchObject({ loose: false });
  });

  it('sets demonyms apart, except at the start of a longer place name', () => {
    const { candidates, demonyms } = find('Iraqi troops and Sri Lankan medics reached the Syrian Arab Republic.');
    expect(demonyms.map((d) => d.countries)).toEqual([['IQ'], ['LK']]);
    expect(candidates.map((c) => c.surface)).toContain('Syrian Arab Republic');
    // A demonym inside a name says nothing of where the story is.
    expect(find('He lives on Indian Lake Road.').demonyms).toEqual([]);
  });

  it('reads designators before and after a name', () => {
    const { candidates } = find('Clashes in Nineveh province reached the town of Bashiqa and Kandahar and Zabul provinces.');
    const by = (s: string) => candidates.find((c) => c.surface === s)!;
    expect(by('Nineveh')).toMatchObject({ hint: 'admin1', designator: 'province' });
    expect(by('Nineveh').spanEnd - by('Nineveh').start).toBe('Nineveh province'.length);
    expect(by('Bashiqa')).toMatchObject({ hint: 'city' });
    expect(by('Kandahar')).toMatchObject({ hint: 'admin1' });
    expect(by('Zabul')).toMatchObject({ hint: 'admin1' });
  });

  it('adds the county of a name followed by "counties"', () => {
    const { candidates } = find('Flooding closed roads in Clay and Becker counties.');
    const clay = candidates.find((c) => c.surface === 'Clay')!;
    expect(clay.postings.some((p) => gazetteer().nameOf(p.id) === 'Clay County')).toBe(true);
  });

  it('does not start names at capitalised function words', () => {
    const { candidates } = find('The City approved it. In Mosul, nothing changed.');
    expect(candidates.map((c) => c.surface)).not.toContain('The City');
    expect(candidates.map((c) => c.surface)).toContain('Mosul');
  });
});

describe('candidates: international spellings', () => {
  it('keeps a possessive inside a name the gazetteer knows (rule possessive-inside-a-name)', () => {
    const { candidates } = find("Refugees were moved from Cox's Bazar to an island.");
    expect(candidates.map((c) => c.surface)).toEqual(["Cox's Bazar"]);
  });

  it('does not join a possessor to the place after it (negative of possessive-inside-a-name)', () => {
    const { candidates } = find("Obama's Kabul visit was kept secret.");
    expect(candidates.map((c) => c.surface)).toContain('Kabul');
    expect(candidates.some((c) => c.surface.includes("'s"))).toBe(false);
  });

  it('looks a name up with its lower-case article (rule lower-case-article)', () => {
    const { candidates } = find('Houthi fighters attacked government positions in al-Bayda.');
    const c = candidates.find((x) => x.surface === 'al-Bayda');
    expect(c).toBeDefined();
    expect(c!.postings.some((p) => gazetteer().countryOf(p.id) === 'YE')).toBe(true);
  });

  it('leaves the article out when the name with it is unknown (negative of lower-case-article)', () => {
    const { candidates } = find('Troops fought in al-Kirkuk on Monday.');
    expect(candidates.map((c) => c.surface)).toEqual(['Kirkuk']);
  });
});
