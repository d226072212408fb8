import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from './view.js';
import { readNumber } from './number-words.js';
import { nonCountReason } from './not-a-count.js';

/** The reason the first number in the text is not a count (null: it may be one). */
function reason(text: string, word: string): string | null {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const i = toks.findIndex((t) => t.text === word);
  const r = readNumber(toks, i)!;
  return nonCountReason(toks, { start: i, end: r.end, low: r.low, high: r.high, words: r.words });
}

describe('nonCountReason', () => {
  it('refuses years and dates', () => {
    expect(reason('In 2014 ISIS seized the city.', '2014')).toBe('year');
    expect(reason('On 21 March 2020, troops arrived.', '21')).toBe('date');
    expect(reason('On 21 March 2020, troops arrived.', '2020')).toBe('date');
  });
  it('refuses measures, money, percentages and durations', () => {
    expect(reason('a town 10 km north of Mosul', '10')).toBe('measure');
    expect(reason('prices rose 30 percent', '30')).toBe('measure');
    expect(reason('a loss of $5 million', '5')).toBe('money');
    expect(reason('after two years of rule', 'two')).toBe('measure');
  });
  it('refuses ages, ordinals, phones, addresses and identifiers', () => {
    expect(reason('a 19-year-old student', '19')).toBe('measure-adjective');
    expect(reason('the man, aged 19, was', '19')).toBe('age');
    expect(reason('John Smith, 45, said', '45')).toBe('age');
    expect(reason('call 555-1234 now', '555-1234')).toBe('phone');
    expect(reason('they live at 221 Baker Street', '221')).toBe('address');
    expect(reason('under Resolution 2334 of the council', '2334')).not.toBeNull();
  });
  it('lets counts through', () => {
    expect(reason('284 men and boys were shot', '284')).toBeNull();
    expect(reason('On 19 March 2020, 3 local policemen were killed.', '3')).toBeNull();
    expect(reason('In Kabul 5 people died', '5')).toBeNull();
    expect(reason('the 2000 people who fled', '2000')).not.toBe('measure');
  });
});
