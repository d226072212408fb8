import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { relativeUnit } from './relative-unit.js';

const found = (text: string) => relativeUnit.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
// 2016-10-23 was a Sunday, in ISO week 42.
const values = (text: string, published: string | null = '2016-10-23') => findTimes(text, published).map((t) => [t.text, t.value, t.mod ?? '']);

describe('relative-unit parser', () => {
  it('reads this/last/next periods', () => {
    const text = 'This week fighting grew; last month it eased; next year it may end; this weekend two towns fell.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['This week', '2016-W42', ''],
      ['last month', '2016-09', ''],
      ['next year', '2017', ''],
      ['this weekend', '2016-W42-WE', ''],
    ]);
  });

  it('reads "the weekend" past-biased on a weekday, as the coming one when the clause looks ahead', () => {
    expect(values('Two towns were freed over the weekend.', '2016-10-25')).toEqual([['the weekend', '2016-W42-WE', '']]);
    expect(values('Talks will resume over the weekend.', '2016-10-25')).toEqual([['the weekend', '2016-W43-WE', '']]);
  });

  it('reads positions inside a period', () => {
    expect(values('Earlier this year and early next year, and by the end of the year; year-end results too.')).toEqual([
      ['Earlier this year', '2016', ''],
      ['early next year', '2017', 'START'],
      ['the end of the year', '2016', 'END'],
      ['year-end', '2016', 'END'],
    ]);
  });

  it('counts back and forward', () => {
    expect(values('The town fell two years ago and six weeks ago aid came; a decade ago it was calm; 10 days from now it votes.')).toEqual([
      ['two years ago', '2014', ''],
      ['six weeks ago', '2016-W36', ''],
      ['a decade ago', '2006', ''],
      ['10 days from now', '2016-11-02', ''],
    ]);
    expect(values('He left nearly four years ago.')).toEqual([['nearly four years ago', '2012', 'LESS_THAN']]);
    expect(values('They fled several years ago.')).toEqual([['several years ago', 'PAST_REF', '']]);
  });

  it('counts from the time under discussion', () => {
    expect(values('On 21 March 2020 the town fell. The next day aid arrived, and two days later the road opened. That night it rained.', '2020-04-01')).toEqual([
      ['21 March 2020', '2020-03-21', ''],
      ['The next day', '2020-03-22', ''],
      ['two days later', '2020-03-24', ''],
      ['That night', '2020-03-24TNI', ''],
    ]);
    expect(values('ISIS seized the city in 2014. A year later it was retaken.')).toEqual([
      ['2014', '2014', ''],
      ['A year later', '2015', ''],
    ]);
  });

  it('reads seasons with a relation or a year', () => {
    expect(values('Last summer the dam broke; in the winter of 2014 it froze.')).toEqual([
      ['Last summer', '2016-SU', ''],
      ['the winter of 2014', '2014-WI', ''],
    ]);
  });

  it('keeps the unit without a publication date', () => {
    expect(values('It happened last week, two years ago.', null)).toEqual([
      ['last week', 'XXXX-WXX', ''],
      ['two years ago', 'XXXX', ''],
    ]);
  });

  it('refuses what is not a date', () => {
    for (const text of ['Two days before the vote, they met.', 'The fall of the city shocked many.', 'So that day-care centre closed.', 'Spring water was scarce.']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
  });

  it('reads a position inside "the" and a season', () => {
    expect(values('Orders rose from the low levels of the early summer and the late spring.')).toEqual([
      ['the early summer', '2016-SU', 'START'],
      ['the late spring', '2016-SP', 'END'],
    ]);
    expect(found('In the early years and the late week.').map((p) => p.text)).toEqual([]);
  });
});
