import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { month } from './month.js';

const found = (text: string) => month.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string, published: string | null = '2016-10-23') => findTimes(text, published).map((t) => [t.text, t.value, t.mod ?? '']);

describe('month parser', () => {
  it('reads months with a year, relative months and positions', () => {
    const text = 'The siege began in March 2020 and was lifted in January; talks failed last November, early December, mid-November and the end of October, June last year.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['March 2020', 'January', 'last November', 'early December', 'mid-November', 'the end of October', 'June last year']);
    expect(values(text)).toEqual([
      ['March 2020', '2020-03', ''],
      ['January', '2016-01', ''],
      ['last November', '2015-11', ''],
      ['early December', '2016-12', 'START'],
      ['mid-November', '2016-11', 'MID'],
      ['the end of October', '2016-10', 'END'],
      ['June last year', '2015-06', ''],
    ]);
  });

  it('takes the nearest occurrence when nothing in the clause says, the past counting less', () => {
    expect(values('Elections: January.')).toEqual([['January', '2017-01', '']]);
    expect(values('Elections: May.')).toEqual([]);
    expect(values('Results: August.')).toEqual([['August', '2016-08', '']]);
  });

  it('takes the future when the clause does', () => {
    expect(values('The summit will be held in February.')).toEqual([['February', '2017-02', '']]);
    expect(values('The town fell in February.')).toEqual([['February', '2016-02', '']]);
  });

  it('keeps the month only, in an undated document', () => {
    expect(values('It happened in January.', null)).toEqual([['January', 'XXXX-01', '']]);
  });

  it('reads "May" and "March" only after a word that introduces a date', () => {
    expect(found('Since May the troops have not moved.').map((p) => p.text)).toEqual(['May']);
    for (const text of ['May I ask a question?', 'March on, the officer said.', 'April Smith and June Carter spoke.', 'They may march in June Street.', 'The March for Peace was held.']) {
      expect(found(text).map((p) => p.text)).toEqual([]);
    }
  });

  it('ends a month at the end of the sentence, not at its period', () => {
    const text = 'The visit is planned for September. His trip is on.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['September']);
    expect(values('They read it during April. This year, the club grew.', '2009-03-23')).toEqual([
      ['April', '2009-04', ''],
      ['This year', '2009', ''],
    ]);
  });
});
