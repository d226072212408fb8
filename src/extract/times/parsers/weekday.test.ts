import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { weekday } from './weekday.js';

const found = (text: string) => weekday.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
// 2016-10-23 was a Sunday.
const values = (text: string, published: string | null = '2016-10-23') => findTimes(text, published).map((t) => [t.text, t.type, t.value]);

describe('weekday parser', () => {
  it('reads weekdays with their leads and parts of the day', () => {
    const text = 'They left on Saturday, returned last Friday, meet next Monday, celebrated Tuesday night and early Wednesday.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['Saturday', 'last Friday', 'next Monday', 'Tuesday night', 'early Wednesday']);
  });

  it('resolves a bare weekday to the latest one on or before publication (past bias)', () => {
    expect(values('Troops entered the town on Saturday.')).toEqual([['Saturday', 'DATE', '2016-10-22']]);
    expect(values('Carter arrived on Sunday.')).toEqual([['Sunday', 'DATE', '2016-10-23']]);
    expect(values('The push has gone on since Monday.')).toEqual([['Monday', 'DATE', '2016-10-17']]);
    expect(values('They celebrated Tuesday night.')).toEqual([['Tuesday night', 'TIME', '2016-10-18TNI']]);
  });

  it('looks ahead when the grammar does', () => {
    expect(values('The minister will visit Mosul on Monday.')).toEqual([['Monday', 'DATE', '2016-10-24']]);
    expect(values('Talks are scheduled to resume Friday.')).toEqual([['Friday', 'DATE', '2016-10-28']]);
    expect(values('He said on Friday that he will resign.')).toEqual([['Friday', 'DATE', '2016-10-21']]);
    expect(values('He will resign, he said Friday.')).toEqual([['Friday', 'DATE', '2016-10-21']]);
    expect(values('They would look at Wednesday\'s ruling.')).toEqual([['Wednesday', 'DATE', '2016-10-19']]);
  });

  it('reads the weekday before last ("penultimate Friday", "Friday before last")', () => {
    // 2016-10-23 is a Sunday: last Friday was the 21st, the one before it the 14th.
    expect(values('Penultimate Friday, gunmen raided the market.')).toEqual([['Penultimate Friday', 'DATE', '2016-10-14']]);
    expect(values('They met on the Friday before last, and again on Sunday.')).toEqual([
      ['Friday before last', 'DATE', '2016-10-14'],
      ['Sunday', 'DATE', '2016-10-23'],
    ]);
    // "before last year's vote" is not the weekday before last
    expect(values('They met on Friday before last year\'s vote.').map((v) => v[0])).toContain('Friday');
  });

  it('counts last/next from the publication day, never the day itself', () => {
    expect(values('It rained last Sunday and will again next Sunday.')).toEqual([
      ['last Sunday', 'DATE', '2016-10-16'],
      ['next Sunday', 'DATE', '2016-10-30'],
    ]);
  });

  it('keeps only the weekday in an undated document', () => {
    expect(values('The convoy was hit on Friday.', null)).toEqual([['Friday', 'DATE', 'XXXX-WXX-5']]);
  });

  it('reads repeated weekdays as sets', () => {
    expect(values('Markets close every Friday and on Tuesday nights.')).toEqual([
      ['every Friday', 'SET', 'XXXX-WXX-5'],
      ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
    ]);
  });

  it('refuses lower-case words and titles', () => {
    expect(found('a sunday drive')).toEqual([]);
    expect(values('The Sunday Times and Saturday Night Live said so.')).toEqual([]);
  });

  it('reads "Monday and Tuesday nights" as two repeated nights', () => {
    expect(values('New flights leave on Monday and Tuesday nights.')).toEqual([
      ['Monday', 'SET', 'XXXX-WXX-1TNI'],
      ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
    ]);
    expect(values('Troops attacked on Monday and Tuesday night.')).toEqual([
      ['Monday', 'DATE', '2016-10-17'],
      ['Tuesday night', 'TIME', '2016-10-18TNI'],
    ]);
  });

  it('takes a part of the day written before the day as one expression', () => {
    expect(values('Police arrested him in the early hours of Thursday, and on the morning of Friday he spoke.')).toEqual([
      ['the early hours of Thursday', 'TIME', '2016-10-20TNI'],
      ['the morning of Friday', 'TIME', '2016-10-21TMO'],
    ]);
  });
});
