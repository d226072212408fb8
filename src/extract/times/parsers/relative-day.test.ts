import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { relativeDay } from './relative-day.js';

const found = (text: string) => relativeDay.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string, published: string | null = '2016-11-12') => findTimes(text, published).map((t) => [t.text, t.type, t.value, t.mod ?? '']);

describe('relative-day parser', () => {
  it('reads days named from the publication date', () => {
    const text = 'Forces advanced today after clashes yesterday morning; more are expected tomorrow and tonight.';
    const got = found(text);
    expectSpansMatch(text, got);
    expect(values(text)).toEqual([
      ['today', 'DATE', '2016-11-12', ''],
      ['yesterday morning', 'TIME', '2016-11-11TMO', ''],
      ['tomorrow', 'DATE', '2016-11-13', ''],
      ['tonight', 'TIME', '2016-11-12TNI', ''],
    ]);
  });

  it('reads parts of the day and positions', () => {
    expect(values('Shelling resumed last night, eased this morning, and stopped late yesterday; overnight it rained.')).toEqual([
      ['last night', 'TIME', '2016-11-11TNI', ''],
      ['this morning', 'TIME', '2016-11-12TMO', ''],
      ['late yesterday', 'DATE', '2016-11-11', 'END'],
      ['overnight', 'TIME', '2016-11-11TNI', ''],
    ]);
    expect(values('It was the day before yesterday.')).toEqual([['the day before yesterday', 'DATE', '2016-11-10', '']]);
  });

  it('keeps what is known without a publication date', () => {
    expect(values('It happened yesterday.', null)).toEqual([['yesterday', 'DATE', 'XXXX-XX-XX', '']]);
  });

  it('refuses adjectives and programme titles', () => {
    expect(found('They set up an overnight camp.')).toEqual([]);
    expect(values('He told BBC Today that aid was blocked.')).toEqual([]);
  });

  it('leaves out "today\'s world" and "the leaders of tomorrow": the present and the future at large date nothing', () => {
    expect(values("Today's youth face hard times, and the leaders of tomorrow will judge.")).toEqual([]);
    // A day's event is the day: "today's vote", "tomorrow's rally", "the morning of tomorrow" aside.
    expect(values("Today's vote and the results of tomorrow's rally.")).toEqual([
      ['Today', 'DATE', '2016-11-12', ''],
      ['tomorrow', 'DATE', '2016-11-13', ''],
    ]);
  });
});
