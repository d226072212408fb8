import { describe, expect, it } from 'vitest';
import { parseDay } from '../calendar.js';
import { findTimes } from '../index.js';
import { proposal, type Meaning } from '../proposal.js';
import { anchorAll } from './anchor.js';

/** Text and value of every expression found in `text`, published on `published`. */
const values = (text: string, published: string) => findTimes(text, published).map((t) => [t.text, t.value]);

/** Anchor proposals made by hand over a text, published on `published`. */
function anchor(text: string, published: string | null, ...items: [string, Meaning, ('DATE' | 'TIME' | 'DURATION' | 'SET')?][]) {
  let from = 0;
  const props = items.map(([words, meaning, type]) => {
    const start = text.indexOf(words, from);
    from = start + words.length;
    return proposal(start, start + words.length, type ?? 'DATE', meaning, 'test');
  });
  const whole = { start: 0, end: text.length };
  return anchorAll(props, { text, published: published ? parseDay(published) : null, sentenceAt: () => whole }).map((t) => [t.text, t.value, t.anchor]);
}

describe('anchoring refiner', () => {
  it('resolves weekdays against the publication day, past-biased', () => {
    expect(anchor('It fell on Saturday.', '2016-10-23', ['Saturday', { kind: 'date', weekday: 6 }])).toEqual([['Saturday', '2016-10-22', 'publication']]);
    expect(anchor('It fell on Sunday.', '2016-10-23', ['Sunday', { kind: 'date', weekday: 7 }])).toEqual([['Sunday', '2016-10-23', 'publication']]);
    expect(anchor('It will fall on Monday.', '2016-10-23', ['Monday', { kind: 'date', weekday: 1 }])).toEqual([['Monday', '2016-10-24', 'publication']]);
  });

  it('keeps what is known when the document is undated', () => {
    expect(
      anchor('Friday, March 3, last week, in 2014.', null,
        ['Friday', { kind: 'date', weekday: 5 }],
        ['March 3', { kind: 'date', month: 3, day: 3 }],
        ['last week', { kind: 'shift', unit: 'week', offset: -1, from: 'now' }],
        ['2014', { kind: 'fixed', value: '2014' }]),
    ).toEqual([
      ['Friday', 'XXXX-WXX-5', 'none'],
      ['March 3', 'XXXX-03-03', 'none'],
      ['last week', 'XXXX-WXX', 'none'],
      ['2014', '2014', 'none'],
    ]);
  });

  it('counts anaphoric expressions from the last date mentioned', () => {
    expect(
      anchor('On 21 March 2020 it began; the next day it spread; the previous Friday was calm.', '2020-04-01',
        ['21 March 2020', { kind: 'date', year: 2020, month: 3, day: 21 }],
        ['the next day', { kind: 'shift', unit: 'day', offset: 1, from: 'ref' }],
        ['the previous Friday', { kind: 'date', weekday: 5, dir: 'past', fromRef: true }]),
    ).toEqual([
      ['21 March 2020', '2020-03-21', 'none'],
      ['the next day', '2020-03-22', 'reference'],
      ['the previous Friday', '2020-03-20', 'reference'],
    ]);
  });

  it('dates a clock time by a day in its sentence, after or before it', () => {
    expect(
      anchor('At 10:35 a.m. Friday the blast came.', '1998-08-08',
        ['10:35 a.m.', { kind: 'date', time: { hour: 10, minute: 35 } }, 'TIME'],
        ['Friday', { kind: 'date', weekday: 5 }]),
    ).toEqual([
      ['10:35 a.m.', '1998-08-07T10:35', 'reference'],
      ['Friday', '1998-08-07', 'publication'],
    ]);
  });

  it('reads weekends and weeks as ISO weeks', () => {
    expect(anchor('over the weekend', '2016-10-23', ['the weekend', { kind: 'shift', unit: 'weekend', offset: 0, from: 'now' }])).toEqual([['the weekend', '2016-W42-WE', 'publication']]);
    expect(anchor('over the weekend', '2016-10-26', ['the weekend', { kind: 'shift', unit: 'weekend', offset: 0, from: 'now' }])).toEqual([['the weekend', '2016-W42-WE', 'publication']]);
    expect(anchor('this week', '2021-01-03', ['this week', { kind: 'shift', unit: 'week', offset: 0, from: 'now' }])).toEqual([['this week', '2020-W53', 'publication']]);
  });

  it('reads a year ago as the same quarter a year before, in a report about quarters only', () => {
    expect(
      anchor('Net rose in the third quarter from a year ago.', '1989-10-26',
        ['the third quarter', { kind: 'part', part: 'Q3' }],
        ['a year ago', { kind: 'shift', unit: 'year', offset: -1, from: 'now', context: true }]),
    ).toEqual([
      ['the third quarter', '1989-Q3', 'publication'],
      ['a year ago', '1988-Q3', 'reference'],
    ]);
    expect(anchor('A year ago the town fell.', '1989-10-26', ['A year ago', { kind: 'shift', unit: 'year', offset: -1, from: 'now', context: true }])).toEqual([['A year ago', '1988', 'publication']]);
  });

  it('gives an expression in brackets the clause of the one it glosses', () => {
    expect(values('The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.', '2000-04-05')).toEqual([
      ['4 in the morning', '2000-04-06T04:00'],
      ['4 a.m. EDT Thursday', '2000-04-06T04:00'],
    ]);
    // Not glossing anything: the bracket is its own clause, past-biased.
    expect(values('The father will leave (he arrived Thursday) soon.', '2000-04-05')).toEqual([['Thursday', '2000-03-30']]);
  });

  it('takes last December when the clause of a month after "in" is in the past, however far its verb', () => {
    expect(values('The funeral home operator changed from a fiscal year to a calendar year in December.', '1989-10-27')).toContainEqual(['December', '1988-12']);
    expect(values('The funeral home operator will change from a fiscal year to a calendar year in December.', '1989-10-27')).toContainEqual(['December', '1989-12']);
    expect(values('The bank extended loans to the firm through January.', '1989-10-27')).toEqual([['January', '1990-01']]);
  });

  it('follows the quarter last named, not days and months mentioned in passing', () => {
    const text = 'Sun earned $5 million in the fiscal first quarter. In April it launched a computer, and it shipped 28,000 systems in the quarter. In the 1988 period it earned $20 million.';
    expect(values(text, '1989-10-26')).toEqual([
      ['the fiscal first quarter', '1989-Q1'],
      ['April', '1989-04'],
      ['the quarter', '1989-Q1'],
      ['the 1988 period', '1988-Q1'],
    ]);
    expect(values('It stopped paying in the third quarter of 1984. Now it reported third-quarter net up from a year ago.', '1989-10-27')).toEqual([
      ['the third quarter of 1984', '1984-Q3'],
      ['Now', 'PRESENT_REF'],
      ['third-quarter', '1989-Q3'],
      ['a year ago', '1988-Q3'],
    ]);
  });

  it('compares a stretch of months, not a quarter, once the report turns to one', () => {
    expect(values('In the third quarter net rose. In the first nine months, net was $306 million against a loss in the 1988 period. The year-ago results included a charge.', '1989-11-02')).toEqual([
      ['the third quarter', '1989-Q3'],
      ['the first nine months', 'P9M'],
      ['the 1988 period', '1988'],
      ['year-ago', '1988'],
    ]);
    expect(values('In the third quarter net rose, against a loss in the 1988 period.', '1989-11-02')).toEqual([
      ['the third quarter', '1989-Q3'],
      ['the 1988 period', '1988-Q3'],
    ]);
  });

  it('reads a date opening a sentence told as done as the last occurrence weeks back, not one weeks ahead', () => {
    expect(values('On May 1, dockers staged a march through the port.', '2025-01-10')).toEqual([['May 1', '2024-05-01']]);
    // A few days ahead is a slip in the report's own date; a future clause and a date set inside the clause keep the nearest.
    expect(values('On 12 January, dockers staged a march through the port.', '2025-01-10')).toEqual([['12 January', '2025-01-12']]);
    expect(values('On May 1, dockers will march through the port.', '2025-01-10')).toEqual([['May 1', '2025-05-01']]);
  });

  it('moves a day by "the day before" and "the night after"', () => {
    expect(values("The day before last Tuesday's hearing, he went to the house.", '2000-02-24')).toEqual([['The day before last Tuesday', '2000-02-21']]);
    expect(values('They left the night after Oct. 23.', '1998-11-02')).toEqual([['the night after Oct. 23', '1998-10-24TNI']]);
    expect(values('They met the day before the vote.', '1998-11-02')).toEqual([]);
  });

  it('reads "since year-end" as the end of last year', () => {
    expect(values('Shares are up 5% since year-end, and the deal should close by year-end.', '1989-10-30')).toEqual([
      ['year-end', '1988'],
      ['year-end', '1989'],
    ]);
  });

  it('compares with the latest ended quarter a results report names, not an outlook or a quarter named in passing', () => {
    // Rule "results-quarter": a quarter still ahead is an outlook, not what "the year-ago period" compares with.
    expect(values('Third-quarter net fell. The company expects a loss in the fourth quarter and through the third quarter of 1990. In the year-ago period, it earned $5 million.', '1989-10-26')).toEqual([
      ['Third-quarter', '1989-Q3'],
      ['the fourth quarter', '1989-Q4'],
      ['the third quarter of 1990', '1990-Q3'],
      ['the year-ago period', '1988-Q3'],
    ]);
    // An earlier quarter named as background in its own paragraph does not take over.
    expect(values('Net rose in the third quarter from a year ago. After a weak second quarter, sales recovered.\n\nThe year-earlier period included a charge.', '1989-11-01')).toEqual([
      ['the third quarter', '1989-Q3'],
      ['a year ago', '1988-Q3'],
      ['second quarter', '1989-Q2'],
      ['The year-earlier period', '1988-Q3'],
    ]);
  });

  it('follows the quarter named in the same paragraph of a round-up', () => {
    const text = 'Acme earned $5 million in the third quarter, up from a year ago.\n\nBeta Corp. posted a profit for the fiscal second quarter. The latest period included a gain; a year earlier it lost money.';
    expect(values(text, '1989-10-26')).toEqual([
      ['the third quarter', '1989-Q3'],
      ['a year ago', '1988-Q3'],
      ['the fiscal second quarter', '1989-Q2'],
      ['The latest period', '1989-Q2'],
      ['a year earlier', '1988-Q2'],
    ]);
    // Without a paragraph break between them, the later quarter is still the one spoken of.
    expect(values('Acme earned $5 million in the third quarter. Beta posted a profit for the fiscal second quarter, up from a year earlier.', '1989-10-26')).toContainEqual(['a year earlier', '1988-Q2']);
  });

  it('never reads "last October" or "next October" as the publication month', () => {
    // Rule "strict-month".
    expect(values('The rebels took the town last October; the vote is next October.', '1998-10-26')).toEqual([
      ['last October', '1997-10'],
      ['next October', '1999-10'],
    ]);
    // Other months keep the nearest occurrence in the direction the words give; the grammar alone may name the current month.
    expect(values('Talks resumed last August, and the vote is next November.', '1998-10-26')).toEqual([
      ['last August', '1998-08'],
      ['next November', '1998-11'],
    ]);
    expect(values('The rebels took the town in October.', '1998-10-26')).toEqual([['October', '1998-10']]);
  });

  it('keeps a results report on its quarter for several paragraphs, until a year or a month is named', () => {
    const filler = ' The company cited higher costs for materials and a weaker dollar in its statement.'.repeat(7);
    expect(values(`Net fell in the third quarter.${filler}\n\nA year earlier, net was $2 million.`, '1989-11-02')).toContainEqual(['A year earlier', '1988-Q3']);
    expect(values(`Net fell in the third quarter.${filler} In 1987 it had a loss.\n\nA year earlier, net was $2 million.`, '1989-11-02')).toContainEqual(['A year earlier', '1986']);
  });
});
