import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { reference } from './reference.js';

const found = (text: string) => reference.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string) => findTimes(text, '2016-11-12').map((t) => [t.text, t.value]);

describe('reference parser', () => {
  it('reads the present, the past and the future as a whole', () => {
    const text = 'Civilians are now trapped; the current crisis, which recently worsened, recalls the past and worries about the near future.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['now', 'PRESENT_REF'],
      ['current', 'PRESENT_REF'],
      ['recently', 'PAST_REF'],
      ['the past', 'PAST_REF'],
      ['the near future', 'FUTURE_REF'],
    ]);
    expect(values('At the moment, we need help as soon as possible.')).toEqual([
      ['At the moment', 'PRESENT_REF'],
      ['as soon as possible', 'FUTURE_REF'],
    ]);
  });

  it('leaves "the past two years" to the duration parser', () => {
    expect(found('For the past two years they ruled.')).toEqual([]);
  });

  it('refuses currents of water and electricity, and compounds', () => {
    for (const text of ['The current swept the boat away.', 'Electric current was cut.', 'The current account deficit grew.', 'A now-defunct group claimed it.', 'It was a long-term plan.']) {
      expect(found(text)).toEqual([]);
    }
  });

  it('leaves "until" outside "until recently"', () => {
    const text = 'Until recently, the road was open.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([['recently', 'PAST_REF']]);
  });

  it('reads "then current" as the past', () => {
    // Rule "then-current".
    expect(values('Holders may buy shares at half the then current market price.')).toEqual([['then current', 'PAST_REF']]);
    expect(values('Holders may buy shares at half the current market price.')).toEqual([['current', 'PRESENT_REF']]);
  });
});
