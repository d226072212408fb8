import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { holiday } from './holiday.js';

const found = (text: string) => holiday.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string, published: string | null = '2016-04-10') => findTimes(text, published).map((t) => [t.text, t.value]);

describe('holiday parser', () => {
  it('reads fixed and movable holidays, past-biased', () => {
    const text = 'Fighting paused on Christmas Day, resumed after New Year\'s Day, and stopped again at Easter.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['Christmas Day', '2015-12-25'],
      ["New Year's Day", '2016-01-01'],
      ['Easter', '2016-03-27'],
    ]);
    expect(values('Families met on Thanksgiving Day.', '1998-12-01')).toEqual([['Thanksgiving Day', '1998-11-26']]);
    expect(values('Celebrations on Nowruz drew crowds.', '2020-03-25')).toEqual([['Nowruz', '2020-03-21']]);
  });

  it('reads the holiday ahead when the grammar does', () => {
    expect(values('Talks will resume after Christmas.', '2016-11-01')).toEqual([['Christmas', '2016-12-25']]);
  });

  it('refuses holiday names used as modifiers', () => {
    for (const text of ['A Christmas tree stood in the square.', 'Easter eggs were sold.', 'The Thanksgiving dinner was cancelled.']) expect(found(text)).toEqual([]);
  });
});
