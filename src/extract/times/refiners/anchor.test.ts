import { describe, expect, it } from 'vitest';
import { parseDay } from '../calendar.js';
import { proposal, type Meaning } from '../proposal.js';
import { anchorAll } from './anchor.js';

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
});
