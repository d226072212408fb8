import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { docPlaces } from './details.js';
import { places } from './index.js';

// Person/place clashes, common words and streets, in sentences written for these tests.
const run = (text: string) => {
  const doc = prepared(text, null, places);
  const list = doc.get('places');
  expectSpansMatch(doc.text, list);
  return { list, dropped: docPlaces(doc)!.dropped, texts: list.map((p) => p.text) };
};

describe('guards: people who share a name with a place', () => {
  it('reads "Jordan" as a person once the story has named him', () => {
    const { texts, dropped } = run('Michael Jordan visited the school. Jordan said he would come back.');
    expect(texts).not.toContain('Jordan');
    expect(dropped.some((d) => d.text === 'Jordan')).toBe(true);
  });

  it('still reads Jordan the country', () => {
    expect(run('Refugees crossed from Syria into Jordan last week.').texts).toEqual(['Syria', 'Jordan']);
  });

  it('reads "Washington said" as the government speaking, "in Washington" as the city', () => {
    expect(run('Washington said the talks would resume.').texts).toEqual([]);
    expect(run('The talks resumed in Washington on Monday.').texts).toEqual(['Washington']);
  });

  it('reads "Georgia Smith" as a person and Georgia elsewhere as a place', () => {
    const { list } = run('Georgia Smith, 34, was charged on Friday. She moved to Atlanta, Georgia, last year.');
    expect(list.map((p) => p.text)).toEqual(['Atlanta', 'Georgia']);
    expect(list[1]).toMatchObject({ kind: 'admin1', country: 'US' });
  });

  it('reads names after titles as people', () => {
    expect(run('Gen. Jackson and President Lincoln met the press.').texts).toEqual([]);
  });

  it('keeps a place that starts with a title word', () => {
    expect(run('Clashes were reported in Imam Sahib district, Kunduz.').texts).toContain('Kunduz');
  });

  it('keeps places that name an organisation\'s home', () => {
    const { texts } = run('The Alexandria Police Department asked residents of Alexandria, Va., for help.');
    expect(texts.filter((t) => t === 'Alexandria')).toHaveLength(2);
  });
});

describe('guards: common words and streets', () => {
  it('does not read sentence-initial common words or month names as places', () => {
    expect(run('Hope is fading. March was wet, and May will be worse.').texts).toEqual([]);
  });

  it('does not read a street named after a town as the town', () => {
    const { texts } = run('The fire broke out on Cooper Street near the bridge.');
    expect(texts).not.toContain('Cooper');
  });

  it('keeps short country abbreviations only in capitals', () => {
    expect(run('The US and the UK signed it.').texts).toEqual(['US', 'UK']);
    expect(run('Tell us what you saw.').texts).toEqual([]);
  });

  it('takes a state abbreviation only after a town', () => {
    expect(run('She lives in Decatur, Ill., with her sister.').texts).toEqual(['Decatur', 'Ill.']);
    expect(run('He felt Ill. after dinner.').texts).toEqual([]);
  });
});
