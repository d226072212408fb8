import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../../test-support/spans.js';
import { findTimes } from '../index.js';
import { fullScan } from '../scan.js';
import { set } from './set.js';

const found = (text: string) => set.parse(fullScan(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
const values = (text: string) => findTimes(text, '2016-11-12').map((t) => [t.text, t.type, t.value]);

describe('set parser', () => {
  it('reads repeated times', () => {
    const text = 'Aid arrives daily, convoys leave every two weeks, patrols go out every morning and twice a day, and reports come weekly.';
    expectSpansMatch(text, found(text));
    expect(values(text)).toEqual([
      ['daily', 'SET', 'P1D'],
      ['every two weeks', 'SET', 'P2W'],
      ['every morning', 'SET', 'XXXX-XX-XXTMO'],
      ['twice a day', 'SET', 'P1D'],
      ['weekly', 'SET', 'P1W'],
    ]);
    expect(values('Each year the river floods, and every summer it dries.')).toEqual([
      ['Each year', 'SET', 'P1Y'],
      ['every summer', 'SET', 'XXXX-SU'],
    ]);
  });

  it('refuses newspapers and adjectives that are not times', () => {
    for (const text of ['The Communist Party daily Granma printed it.', 'The state daily said so.', 'The board cut its quarterly dividend.']) {
      expect(found(text)).toEqual([]);
    }
  });

  it('leaves out rates: an adverb or "per" after an amount', () => {
    // Rule "rate-of-amount".
    for (const text of ['Revenue should rise 20% annually.', 'The plant makes 10,000 units annually.', 'The chip runs 15 million instructions per second.', 'The deal saves C$17.9 million annually.']) {
      expect(values(text), text).toEqual([]);
    }
    expect(values('Rallies are held here annually, three times per year.')).toEqual([
      ['annually', 'SET', 'P1Y'],
      ['three times per year', 'SET', 'P1Y'],
    ]);
  });
});
