import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from './view.js';
import { readNumber, digitValue } from './number-words.js';

function read(text: string, at = 0) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  return readNumber(toks, at);
}

describe('readNumber', () => {
  it('reads digits with thousands separators', () => {
    expect(read('5,000 fighters')).toMatchObject({ low: 5000, high: 5000, words: false, vague: false });
    expect(digitValue('284')).toBe(284);
    expect(digitValue('2,84')).toBeNull();
  });
  it('reads a range written as one token', () => {
    expect(read('5-7 policemen')).toMatchObject({ low: 5, high: 7 });
  });
  it('reads digits with a scale word', () => {
    expect(read('1.5 million people')).toMatchObject({ low: 1_500_000, end: 2 });
  });
  it('reads number words, hyphenated or not', () => {
    expect(read('twenty-one soldiers')).toMatchObject({ low: 21, words: true });
    expect(read('three soldiers')).toMatchObject({ low: 3 });
    expect(read('one hundred and twenty people')).toMatchObject({ low: 120 });
  });
  it('reads "a dozen", "half a dozen" and vague plurals by ACLED convention', () => {
    expect(read('a dozen people')).toMatchObject({ low: 12, vague: false });
    expect(read('half a dozen people')).toMatchObject({ low: 6 });
    expect(read('dozens of people')).toMatchObject({ low: 12, vague: true });
    expect(read('hundreds of people')).toMatchObject({ low: 100, vague: true });
    expect(read('tens of thousands of people')).toMatchObject({ low: 10000, vague: true });
  });
  it('reads nothing from words that are not numbers', () => {
    expect(read('soldiers were killed')).toBeNull();
    expect(read('a soldier')).toBeNull();
    expect(read('9th division')).toBeNull();
    expect(read('1.5 percent')).toBeNull();
  });
});
