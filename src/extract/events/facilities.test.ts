import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { facilityAt } from './facilities.js';

function site(text: string, word: string, min = 0) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  return facilityAt(toks, toks.findIndex((t) => t.text === word), min);
}

// Phrases written for these tests.
describe('facilityAt', () => {
  it('reads military and police sites', () => {
    expect(site('They attacked a check point.', 'check')).toMatchObject({ owner: 'military', tokEnd: 5 });
    expect(site('They attacked a police post.', 'post')).toMatchObject({ owner: 'police' });
    expect(site('A bomb hit an Afghan military vehicle.', 'vehicle')).toMatchObject({ owner: 'military' });
  });
  it('needs a modifier for common words, taken after the verb', () => {
    expect(site('A bomb hit a vehicle.', 'vehicle')).toBeNull();
    expect(site('Turkish forces shelled positions near the town.', 'positions', 3)).toBeNull();
    expect(site('They saw the market.', 'market')).toBeNull();
  });
});
