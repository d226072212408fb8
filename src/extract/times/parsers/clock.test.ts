import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { clockTime } from './clock.js';

const found = (text: string) =>
  clockTime
    .parse(fullScan(text))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
// 1998-08-08 was a Saturday.
const values = (text: string, published: string | null = '1998-08-08') => findTimes(text, published).map((t) => [t.text, t.type, t.value]);

describe('clock parser', () => {
  it('reads clock times in news formats', () => {
    const text = 'The blast came at 10:35 a.m. (0735 GMT); a second at 5 pm, another at 16:45 local time and one at seven o\'clock.';
    const got = found(text);
    expectSpansMatch(text, got);
    // Patterns overlap ("10:35" inside "10:35 a.m."); the overlap refiner keeps the longest.
    expect(got.map((p) => p.text)).toEqual(expect.arrayContaining(['10:35 a.m.', '0735 GMT', '5 pm', '16:45 local time', "seven o'clock"]));
    expect(findTimes(text, '1998-08-08').map((t) => t.text)).toEqual(['10:35 a.m.', '0735 GMT', '5 pm', '16:45 local time', "seven o'clock"]);
  });

  it('dates a time by the day named in its sentence, else the publication day', () => {
    expect(values('The blast came at about 10:35 a.m. (0735 GMT) Friday.')).toEqual([
      ['10:35 a.m.', 'TIME', '1998-08-07T10:35'],
      ['0735 GMT', 'TIME', '1998-08-07T07:35'],
      ['Friday', 'DATE', '1998-08-07'],
    ]);
    expect(values('A car bomb exploded at 9 p.m.')).toEqual([['9 p.m.', 'TIME', '1998-08-08T21:00']]);
  });

  it('makes one expression of a time and its day', () => {
    expect(values('The deadline will expire at 9 a.m. EDT Thursday; noon Friday was the last one.', '1998-08-05')).toEqual([
      ['9 a.m. EDT Thursday', 'TIME', '1998-08-06T09:00'],
      ['noon Friday', 'TIME', '1998-07-31T12:00'],
    ]);
  });

  it('reads parts of the day after a preposition', () => {
    expect(values('On Saturday, ISIS attacked at dawn.')).toEqual([
      ['Saturday', 'DATE', '1998-08-08'],
      ['dawn', 'TIME', '1998-08-08TMO'],
    ]);
  });

  it('never reads a bare number as a time', () => {
    for (const text of ['The enemy stood at 7,000 men.', 'The score was 3:21 at half time.', 'Read John 3:16 aloud.', 'They met at 7 and left.', 'Call 1500 people.']) {
      expect(found(text)).toEqual([]);
    }
  });
});
