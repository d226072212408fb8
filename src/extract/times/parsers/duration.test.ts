import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { duration } from './duration.js';

const found = (text: string) =>
  duration
    .parse(fullScan(text))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string) => findTimes(text, '2016-11-12').map((t) => [t.text, t.type, t.value, t.mod ?? '']);

describe('duration parser', () => {
  it('reads amounts of time with their hedges', () => {
    const text = 'After more than two years of rule and several days of fighting, at least 12 hours passed; nearly a decade, 2 1/2 hours, a year and a half.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['more than two years', 'DURATION', 'P2Y', 'MORE_THAN'],
      ['several days', 'DURATION', 'PXD', ''],
      ['at least 12 hours', 'DURATION', 'PT12H', 'EQUAL_OR_MORE'],
      ['nearly a decade', 'DURATION', 'P10Y', 'LESS_THAN'],
      ['2 1/2 hours', 'DURATION', 'PT2H30M', ''],
      ['a year and a half', 'DURATION', 'P1Y6M', ''],
    ]);
  });

  it('reads stretches that reach back or ahead', () => {
    expect(values('About 900 were killed in the past month; over the next few days, and for the past two years.')).toEqual([
      ['the past month', 'DURATION', 'P1M', ''],
      ['the next few days', 'DURATION', 'PXD', ''],
      ['the past two years', 'DURATION', 'P2Y', ''],
    ]);
    expect(values('Profit rose in the first nine months.')).toEqual([['the first nine months', 'DURATION', 'P9M', '']]);
    // "over"/"about" before "the" are prepositions, not hedges.
    expect(values('Over the past month, and over the next two weeks, juries met.')).toEqual([
      ['the past month', 'DURATION', 'P1M', ''],
      ['the next two weeks', 'DURATION', 'P2W', ''],
    ]);
  });

  it('reads adjectives and bare plurals after a word that takes a length', () => {
    expect(values('A 30-year bond, a decades-long feud, an 8-month-old truce; they waited for years and left within days.')).toEqual([
      ['30-year', 'DURATION', 'P30Y', ''],
      ['decades-long', 'DURATION', 'PXDE', ''],
      ['8-month-old', 'DURATION', 'P8M', ''],
      ['years', 'DURATION', 'PXY', ''],
      ['days', 'DURATION', 'PXD', ''],
    ]);
  });

  it('reads vague periods', () => {
    expect(values('In recent years, and in the coming weeks.')).toEqual([
      ['recent years', 'DATE', 'PAST_REF', ''],
      ['the coming weeks', 'DURATION', 'PXW', ''],
    ]);
  });

  it('reads a count of occurrences as a SET, and a rate after an amount as no time', () => {
    // Rule "rate-of-amount": "$5 million a year", "700 seats a week" are quantities.
    expect(values('It costs $5 million a year and flights run four times a week.')).toEqual([['four times a week', 'SET', 'P1W', '']]);
    expect(values('The airline adds 700 seats a week; rooms cost $55 a night.')).toEqual([]);
    expect(values('Patrols go out twice a day.')).toEqual([['twice a day', 'SET', 'P1D', '']]);
    // "as long as a month" is a length, not a rate: "as" is no plural noun.
    expect(values('The appeal could take as long as a month.')).toEqual([['a month', 'DURATION', 'P1M', '']]);
  });

  it('is not the name of an event with a capitalised unit', () => {
    // Rule "unit-in-name".
    expect(values('Activists called for a Day of Rage on Friday.').map(([t]) => t)).toEqual(['Friday']);
    expect(values('They stayed for a day of talks.')).toEqual([['a day', 'DURATION', 'P1D', '']]);
  });

  it('is not an age, an ordinal or a fraction', () => {
    for (const text of ['The last day of school is June 5.', 'A 44-year-old man died.', 'She is 52 years old.', 'Her 6-month-old son survived.', 'A second attack followed.', 'A quarter of the town fled.', 'He scored 6.5 kilograms.']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
    expect(values('The fight is about a month old.')).toEqual([['about a month', 'DURATION', 'P1M', 'APPROX']]);
  });

  it('leaves focus particles and determiners of other nouns outside the expression', () => {
    expect(values('She spent only five hours there; he had barely a month, and just over an hour later it ended.')).toEqual([
      ['five hours', 'DURATION', 'PT5H', ''],
      ['a month', 'DURATION', 'P1M', ''],
      ['over an hour', 'DURATION', 'PT1H', 'MORE_THAN'],
    ]);
    const text = 'Thousands came for the two day rally, and the two days of music went on.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['two day', 'DURATION', 'P2D', ''],
      ['the two days', 'DURATION', 'P2D', ''],
    ]);
  });
});
