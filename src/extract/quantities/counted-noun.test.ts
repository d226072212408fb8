import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from './view.js';
import { countedNoun, nounText } from './counted-noun.js';

function what(text: string, from: number, allowOf = false): string | null {
  const doc = prepared(text);
  const toks = sentenceViews(doc)[0]!.toks;
  const np = countedNoun(toks, from, allowOf);
  return np ? nounText(doc.text, toks, np) : null;
}

describe('countedNoun', () => {
  it('reads modifiers and a head', () => {
    expect(what('12 Taliban militants including 2 commanders', 1)).toBe('Taliban militants');
    expect(what('1 religious scholar was killed', 1)).toBe('religious scholar');
  });
  it('joins "X and Y" but not a second counted group', () => {
    expect(what('284 men and boys as the coalition', 1)).toBe('men and boys');
    expect(what('5 soldiers and 3 policemen', 1)).toBe('soldiers');
  });
  it('reads through "of" for vague counts and the group counted from', () => {
    expect(what('dozens of people fled', 1, true)).toBe('people');
    expect(what('two-thirds of them left', 3, true)).toBe('them');
    expect(what('10 members of a family were killed', 1)).toBe('members of a family');
  });
  it('keeps quoted names and hyphenated words, and adjectives used as nouns', () => {
    expect(what("2 'Arbakis' were wounded", 1)).toBe('Arbakis');
    expect(what('2 pro-government militia members', 1)).toBe('pro-government militia members');
    expect(what('1 civilian, a tribal elder', 1)).toBe('civilian');
  });
  it('finds nothing when no noun follows', () => {
    expect(what('5 were wounded', 1)).toBeNull();
    expect(what('the number at 7,000.', 4)).toBeNull();
  });
});
