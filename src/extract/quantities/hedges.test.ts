import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from './view.js';
import { hedgeAfter, hedgeBefore } from './hedges.js';

function toks(text: string) {
  return sentenceViews(prepared(text))[0]!.toks;
}
const at = (text: string, word: string) => {
  const t = toks(text);
  return { t, i: t.findIndex((x) => x.text === word) };
};

describe('hedgeBefore', () => {
  it('reads floors', () => {
    for (const s of ['at least 50 men', 'more than 40 men', 'over 50 men', 'no fewer than 50 men']) {
      const { t, i } = at(s, s.includes('40') ? '40' : '50');
      expect(hedgeBefore(t, i), s).toMatchObject({ bound: 'low', approx: false, start: 0 });
    }
  });
  it('reads ceilings and prefers the longest phrase', () => {
    const { t, i } = at('no more than 50 men', '50');
    expect(hedgeBefore(t, i)).toMatchObject({ bound: 'high', start: 0 });
    const u = at('up to 5,000 men', '5,000');
    expect(hedgeBefore(u.t, u.i)).toMatchObject({ bound: 'high' });
    const m = at('as many as 48,000 people', '48,000');
    expect(hedgeBefore(m.t, m.i)).toMatchObject({ bound: 'high' });
  });
  it('reads approximations and stacked hedges', () => {
    const { t, i } = at('some 200 fighters', '200');
    expect(hedgeBefore(t, i)).toMatchObject({ bound: null, approx: true });
    const s = at('more than around 100,000 people', '100,000');
    expect(hedgeBefore(s.t, s.i)).toMatchObject({ bound: 'low', approx: true, start: 0 });
  });
  it('finds no hedge where there is none', () => {
    const { t, i } = at('the 284 men', '284');
    expect(hedgeBefore(t, i)).toBeNull();
  });
});

describe('hedgeAfter', () => {
  it('reads "or so" and "or more"', () => {
    const t = toks('50 or so men');
    expect(hedgeAfter(t, 1)).toMatchObject({ n: 2, approx: true });
    expect(hedgeAfter(toks('50 or more men'), 1)).toMatchObject({ bound: 'low' });
  });
  it('reads nothing after a plain figure', () => {
    expect(hedgeAfter(toks('50 men or women'), 1)).toBeNull();
  });
});
