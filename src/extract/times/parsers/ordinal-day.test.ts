import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { ordinalDay } from './ordinal-day.js';

const found = (text: string) => ordinalDay.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));

describe('ordinal-day parser', () => {
  it('reads a day of the month after a preposition, in the month of publication or before', () => {
    const text = 'The convoy left on the 23rd and returned by the 2nd.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(got.map((p) => p.text)).toEqual(['the 23rd', 'the 2nd']);
    expect(findTimes(text, '2016-10-10').map((t) => t.value)).toEqual(['2016-09-23', '2016-10-02']);
    expect(findTimes('The vote will be held on the 23rd.', '2016-10-10').map((t) => t.value)).toEqual(['2016-10-23']);
    expect(findTimes('It happened on the 23rd.', null).map((t) => t.value)).toEqual(['XXXX-XX-23']);
  });

  it('refuses ordinals that name things', () => {
    for (const text of ['Fighters from the 9th armored division arrived.', 'It is the 21st century.', 'He came 3rd in the race.', 'On the 23rd floor, smoke rose.']) {
      expect(found(text)).toEqual([]);
    }
  });
});
