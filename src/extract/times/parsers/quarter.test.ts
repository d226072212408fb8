import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { quarter } from './quarter.js';

const found = (text: string) => quarter.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string, published: string | null = '1989-10-26') => findTimes(text, published).map((t) => [t.text, t.value]);

describe('quarter parser', () => {
  it('reads ordinal quarters and halves, with or without a year', () => {
    const text = 'Profit fell in the third quarter and third-quarter sales rose; the fourth quarter of 1998, the 1988 second quarter, Q3 2020 and the first half.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['the third quarter', '1989-Q3'],
      ['third-quarter', '1989-Q3'],
      ['the fourth quarter of 1998', '1998-Q4'],
      ['the 1988 second quarter', '1988-Q2'],
      ['Q3 2020', '2020-Q3'],
      ['the first half', '1989-H1'],
    ]);
  });

  it('takes last year\'s quarter when it is still ahead, unless the clause looks ahead', () => {
    expect(values('Profits dropped in the fourth quarter.', '1998-01-26')).toEqual([['the fourth quarter', '1997-Q4']]);
    expect(values('Profits will drop in the fourth quarter.', '1998-01-26')).toEqual([['the fourth quarter', '1998-Q4']]);
  });

  it('follows the quarter under discussion, and compares with a year before', () => {
    expect(values('Net rose in the third quarter. In the quarter, sales grew 5% from a year earlier. The year-ago period had a loss.')).toEqual([
      ['the third quarter', '1989-Q3'],
      ['the quarter', '1989-Q3'],
      ['a year earlier', '1988-Q3'],
      ['The year-ago period', '1988-Q3'],
    ]);
    expect(values('For the quarter ended July 31, net rose.')).toEqual([
      ['the quarter', '1989-Q2'],
      ['July 31', '1989-07-31'],
    ]);
    expect(values('In the latest quarter, sales fell.')).toEqual([['the latest quarter', '1989-Q3']]);
  });

  it('refuses fractions and bare periods', () => {
    for (const text of ['A quarter of the town fled.', 'The period of mourning ended.', 'Three quarters of voters agreed.']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
  });

  it('leaves out the determiner of the noun a quarter modifies, and possessives', () => {
    const text = 'Citadel posted a third-quarter loss, its fiscal second-quarter profit rose and its fourth quarter ended Sept. 30; the third quarter was weak.';
    const q = found(text).filter((p) => p.rule.startsWith('quarter:quarter'));
    expectSpansMatch(text, q);
    expect(q.map((p) => p.text)).toEqual(['third-quarter', 'fiscal second-quarter', 'fourth quarter', 'the third quarter']);
    // A determiner of the quarter itself stays: "the third-quarter" standing for the quarter, "the quarter".
    expect(found('Profit fell in the third-quarter of 1989 and in the quarter.').map((p) => p.text)).toEqual(['the third-quarter of 1989', 'the quarter']);
  });

  it('reads a part of the year, last year or next year as one expression', () => {
    // Rule "part-of-year".
    expect(values('Casualties rose in the second half of the year, exports fell in the first quarter of next year and grew in the last quarter of last year.', '1998-10-26')).toEqual([
      ['the second half of the year', '1998-H2'],
      ['the first quarter of next year', '1999-Q1'],
      ['the last quarter of last year', '1997-Q4'],
    ]);
    // A possessive year is the year of the noun after it: no merge.
    expect(values("The first half of the year's budget was spent.", '1998-10-26').map(([t]) => t)).toEqual(['The first half', 'the year']);
  });

  it('refuses halves and quarters of things other than a year', () => {
    // Rule "part-of-thing".
    for (const text of ['The team led in the first half of the game.', 'The third quarter of the match was dull.', 'She spent the second half of her budget.', 'The first half of the season was cancelled.']) {
      expect(found(text).map((p) => p.text), text).toEqual([]);
    }
    expect(values('Sales rose in the first half of its fiscal year and the second half of 1998.', '1998-10-26')).toContainEqual(['the second half of 1998', '1998-H2']);
  });
});
