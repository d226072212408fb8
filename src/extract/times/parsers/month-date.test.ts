import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { monthDate } from './month-date.js';

const found = (text: string) =>
  monthDate
    .parse(fullScan(text))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string, published: string | null = '2020-03-22') => findTimes(text, published).map((t) => [t.text, t.value]);

describe('month-date parser', () => {
  it('reads the common news formats', () => {
    const text = 'On 21 March 2020, fighting resumed; by March 23, 2020 it spread, and on Oct. 23 and Friday, Oct. 23, 2015 too.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['21 March 2020', 'March 23, 2020', 'Oct. 23', 'Friday, Oct. 23, 2015']);
    expect(values(text)).toEqual([
      ['21 March 2020', '2020-03-21'],
      ['March 23, 2020', '2020-03-23'],
      ['Oct. 23', '2019-10-23'],
      ['Friday, Oct. 23, 2015', '2015-10-23'],
    ]);
  });

  it('leaves the full stop that ends a sentence out of "21 October." but keeps an abbreviation\'s', () => {
    expect(found('The bombing happened on 21 October. Then it was calm.').map((p) => p.text)).toEqual(['21 October']);
    expect(found('The bombing happened on 21 Oct. 2020 at dawn.').map((p) => p.text)).toEqual(['21 Oct. 2020']);
  });
  it('reads ordinals, "the 21st of March" and spelled days', () => {
    expect(values('It began on the 21st of March and closes March 28th; the vote is March eighth.', '2020-03-01').map((v) => v[1])).toEqual([
      '2020-03-21',
      '2020-03-28',
      '2020-03-08',
    ]);
  });

  it('splits ranges into two expressions, as TimeML does', () => {
    const text = 'Talks were held 21-23 March 2020 and again on April 2 to 4.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['21', '23 March 2020', 'April 2', '4']);
    expect(findTimes(text, '2020-04-10').map((t) => t.value)).toEqual(['2020-03-21', '2020-03-23', '2020-04-02', '2020-04-04']);
  });

  it('prefers the nearest year, a date ahead counting double, unless the grammar says', () => {
    expect(values('The deadline is Jan. 14.', '2000-01-07')).toEqual([['Jan. 14', '2000-01-14']]);
    expect(values('The attack on Aug. 6 was claimed.', '1998-02-06')).toEqual([['Aug. 6', '1997-08-06']]);
    expect(values('The talks will open on Aug. 6.', '1998-02-06')).toEqual([['Aug. 6', '1998-08-06']]);
    expect(values('Its fiscal year ended Jan. 31.', '1989-10-31')).toEqual([['Jan. 31', '1989-01-31']]);
  });

  it('lets a written weekday settle the year', () => {
    expect(values('The blast came on Friday, Oct. 23.', '2016-10-01')).toEqual([['Friday, Oct. 23', '2015-10-23']]);
  });

  it('refuses lower-case months, names, and impossible days', () => {
    for (const text of ['They may 5 times refuse.', 'Protesters march 21 miles.', 'Jan Smith 5 said so.', 'Born on February 30.', 'Room 12 March Street']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
  });
});
