import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { year } from './year.js';

const found = (text: string) =>
  year
    .parse(fullScan(text))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string) => findTimes(text, '2016-10-23').map((t) => [t.text, t.value, t.mod ?? '']);

describe('year parser', () => {
  it('reads years, fiscal years and ranges', () => {
    const text = 'In 2014 ISIS seized Mosul; fiscal 1989 results, FY2020 and the 1998-99 season, early 2015 and the year 2000.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['2014', '2014', ''],
      ['fiscal 1989', '1989', ''],
      ['FY2020', '2020', ''],
      ['1998', '1998', ''],
      ['99', '1999', ''],
      ['early 2015', '2015', 'START'],
      ['the year 2000', '2000', ''],
    ]);
  });

  it('reads a year that opens a clause whose subject is a count noun, but not a count', () => {
    expect(found('Although in 2016 militants attacked the post, it held.').map((p) => p.text)).toEqual(['2016']);
    expect(found('Since 2014 troops have held the pass.').map((p) => p.text)).toEqual(['2014']);
    expect(found('Aid reached in 2000 homes across the region.')).toEqual([]);
    expect(found('The storm destroyed 2000 homes.')).toEqual([]);
  });
  it('reads decades and centuries', () => {
    expect(values("In the 1990s, the '80s and the mid-1970s, in the nineties, in the 20th century.")).toEqual([
      ['the 1990s', '199', ''],
      ["the '80s", '198', ''],
      ['the mid-1970s', '197', 'MID'],
      ['the nineties', '199', ''],
      ['the 20th century', '19', ''],
    ]);
  });

  it('reads spelled years only where a year is expected', () => {
    expect(values('It began in nineteen ninety-six and ended in two thousand and one.')).toEqual([
      ['nineteen ninety-six', '1996', ''],
      ['two thousand and one', '2001', ''],
    ]);
    expect(values('Two thousand people fled.')).toEqual([]);
  });

  it('refuses counts, codes, amounts and clock times', () => {
    for (const text of ['About 2000 troops left.', 'He paid $1998 in cash.', 'Resolution 2334 passed.', 'It uses Windows 2000.', 'At 1500 GMT the shelling began.', 'Flight 2014 landed.', 'The index rose 2,014 points.', 'It grew 2014% in a year.', 'The code was 12014.']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
  });
});
