import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { numericDate } from './numeric-date.js';

const found = (text: string) => numericDate.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));

describe('numeric-date parser', () => {
  it('reads ISO dates, with or without a clock time', () => {
    const text = 'The report, dated 2020-03-21, was updated at 2020-03-22T14:30Z and filed 2020/03/23.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['2020-03-21', '2020-03-22T14:30Z', '2020/03/23']);
    expect(findTimes(text, null).map((t) => t.value)).toEqual(['2020-03-21', '2020-03-22T14:30', '2020-03-23']);
  });

  it('reads day-first dates, and month-first only when the day is over 12', () => {
    expect(findTimes('Filed on 21/03/2020 and 03/21/2020 and 05.04.2019.', null).map((t) => t.value)).toEqual([
      '2020-03-21',
      '2020-03-21',
      '2019-04-05',
    ]);
  });

  it('reads a day and month alone after a word that brings in a date, with the year from the publication date', () => {
    expect(findTimes('Soldiers repelled an attack on 15/01. Fighting went on between 18/01 and 22/01.', '2016-01-24').map((t) => [t.text, t.value])).toEqual([
      ['15/01', '2016-01-15'],
      ['18/01', '2016-01-18'],
      ['22/01', '2016-01-22'],
    ]);
    expect(findTimes('The night of 04/07 was calm.', '2023-07-05').map((t) => t.value)).toEqual(['2023-07-04TNI']);
    for (const text of ['He won 3/4 of the vote.', 'The desk is staffed 24/7.', 'They need a 2/3 majority.', 'It scored 31/02 on the test.']) {
      expect(found(text).filter((p) => p.rule.startsWith('numeric-date:d') || p.rule === 'numeric-date:md')).toEqual([]);
    }
  });

  it('refuses a dotted date after "version"', () => {
    expect(found('Version 2.10.2020 ships today.')).toEqual([]);
    expect(found('It opened on 2.10.2020 downtown.').map((p) => p.text)).toEqual(['2.10.2020']);
  });

  it('refuses impossible dates, versions, phone numbers and scores', () => {
    for (const text of ['Call 2020 1234 now.', 'Call 2020-13-45 now.', 'It was 31/02/2020.', 'Build 1.2.3.4 failed.', 'ID 12020-03-21x']) {
      expect(found(text)).toEqual([]);
    }
  });
});
