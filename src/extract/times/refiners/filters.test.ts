import { describe, expect, it } from 'vitest';
import { proposal, type Proposal, type RefineContext } from '../proposal.js';
import { filterNames } from './filter-names.js';
import { filterTitles } from './filter-titles.js';
import { keepInText } from './keep-in-text.js';
import { mergeAdjacent } from './merge-adjacent.js';
import { resolveOverlaps } from './resolve-overlaps.js';

const ctx = (text: string, excluded: { start: number; end: number }[] = []): RefineContext => ({ text, excluded });
const at = (text: string, words: string, rule: string, type: Proposal['type'] = 'DATE', from = 0): Proposal => {
  const s = text.indexOf(words, from);
  return proposal(s, s + words.length, type, { kind: 'date', weekday: 5 }, rule);
};
const texts = (text: string, ps: Proposal[]) => ps.map((p) => text.slice(p.start, p.end));

describe('keep-in-text refiner', () => {
  it('drops expressions in page furniture, across blank lines and in addresses', () => {
    const text = 'Updated Friday 10:32\nThey met Friday.\n\nFriday\n\nSee www.site.org/friday-2020 now.';
    const furniture = { start: 0, end: text.indexOf('\n') };
    const ps = [at(text, 'Friday', 'weekday'), at(text, 'Friday.', 'weekday', 'DATE', 21), { ...at(text, 'Friday\n\nSee', 'x') }, at(text, '2020', 'year')];
    expect(texts(text, keepInText.refine(ps, ctx(text, [furniture])))).toEqual(['Friday.']);
  });
});

describe('filter-names refiner', () => {
  it('drops day and month names inside titles and named events', () => {
    const text = 'The Sunday Times, the Mail on Sunday, Bloody Sunday and the Good Friday Agreement; but on Sunday troops moved.';
    const ps = [at(text, 'Sunday', 'weekday'), at(text, 'Sunday,', 'weekday', 'DATE', 20), at(text, 'Sunday and', 'weekday'), at(text, 'Good Friday', 'holiday'), at(text, 'Sunday troops', 'weekday')];
    expect(texts(text, filterNames.refine(ps, ctx(text))).map((t) => t.split(' ')[0])).toEqual(['Sunday']);
    expect(filterNames.refine(ps, ctx(text)).at(-1)!.start).toBe(text.indexOf('Sunday troops'));
  });
});

describe('filter-titles refiner', () => {
  it('drops ordinary time words written as a title mid-sentence', () => {
    const text = 'He spoke on "This Week" and on 60 Minutes. Today he rests; this week too.';
    const ps = [at(text, 'This Week', 'relative-unit'), at(text, '60 Minutes', 'duration'), at(text, 'Today', 'relative-day'), at(text, 'this week', 'relative-unit')];
    expect(texts(text, filterTitles.refine(ps, ctx(text)))).toEqual(['Today', 'this week']);
  });
});

describe('resolve-overlaps refiner', () => {
  it('keeps the longest, then the parser listed first', () => {
    const text = 'more than two years ago';
    const a = proposal(0, 19, 'DURATION', { kind: 'fixed', value: 'P2Y' }, 'duration:amount');
    const b = proposal(0, 23, 'DATE', { kind: 'fixed', value: '2014' }, 'relative-unit:ago');
    const c = proposal(10, 19, 'DURATION', { kind: 'fixed', value: 'P2Y' }, 'duration:amount');
    expect(texts(text, resolveOverlaps(['relative-unit', 'duration']).refine([a, b, c], ctx(text)))).toEqual(['more than two years ago']);
    const tie1 = proposal(0, 4, 'DATE', { kind: 'fixed', value: '1' }, 'year');
    const tie2 = proposal(0, 4, 'DATE', { kind: 'fixed', value: '2' }, 'numeric-date');
    expect(resolveOverlaps(['numeric-date', 'year']).refine([tie1, tie2], ctx('2014'))[0]!.rule).toBe('numeric-date');
  });
});

describe('merge-adjacent refiner', () => {
  it('joins a clock time and its day into one TIME, and only across spaces or a comma', () => {
    const text = '10:35 a.m. Friday; 9 p.m. EST, Nov. 8; Friday at noon';
    const clock = (w: string, from = 0) => {
      const s = text.indexOf(w, from);
      return proposal(s, s + w.length, 'TIME', { kind: 'date', time: { hour: 10, minute: 35 } }, 'clock:am-pm');
    };
    const day = (w: string, m: Meaning, from = 0) => {
      const s = text.indexOf(w, from);
      return proposal(s, s + w.length, 'DATE', m, 'weekday');
    };
    const ps = [clock('10:35 a.m.'), day('Friday', { kind: 'date', weekday: 5 }), clock('9 p.m. EST'), day('Nov. 8', { kind: 'date', month: 11, day: 8 }), day('Friday', { kind: 'date', weekday: 5 }, 30), clock('noon')];
    const merged = mergeAdjacent.refine(ps, ctx(text));
    expect(texts(text, merged)).toEqual(['10:35 a.m. Friday', '9 p.m. EST, Nov. 8', 'Friday', 'noon']);
    expect(merged[0]!.type).toBe('TIME');
    expect(merged[0]!.meaning).toEqual({ kind: 'date', weekday: 5, time: { hour: 10, minute: 35 } });
  });

  it('takes "the week of" and "the night of" into the date they lead', () => {
    const text = 'in the week of March 6 and on the night of Oct. 23';
    const at2 = (w: string, m: Meaning, rule: string) => {
      const s = text.indexOf(w);
      return proposal(s, s + w.length, 'DATE', m, rule);
    };
    const ps = [
      at2('the week', { kind: 'shift', unit: 'week', offset: 0, from: 'ref' }, 'relative-unit:the-week'),
      at2('March 6', { kind: 'date', month: 3, day: 6 }, 'month-date'),
      at2('Oct. 23', { kind: 'date', month: 10, day: 23 }, 'month-date'),
    ];
    const merged = mergeAdjacent.refine(ps, ctx(text));
    expect(texts(text, merged)).toEqual(['the week of March 6', 'the night of Oct. 23']);
    expect(merged.map((p) => p.meaning)).toEqual([
      { kind: 'date', month: 3, day: 6, weekOf: true },
      { kind: 'date', month: 10, day: 23, time: { part: 'NI' } },
    ]);
  });
});

type Meaning = Proposal['meaning'];
