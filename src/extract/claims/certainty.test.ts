import { describe, expect, it } from 'vitest';
import { certaintyCues, hedgeSpans } from './certainty.js';
import { expectSpansMatch } from '../../test-support/spans.js';

const cues = (t: string) => certaintyCues(t, 0).map((c) => [c.certainty, c.about]);

// Sentences written for these tests.
describe('certaintyCues', () => {
  it('reads an outlet that could not verify, and what it could not verify', () => {
    expect(cues('The agency could not independently verify accounts of the executions.')).toEqual([['unverified', 'executions']]);
    expect(cues('The paper could not independently confirm the killings.')).toEqual([['unverified', 'killings']]);
    expect(cues('The figures cannot be verified.')).toEqual([['unverified', null]]);
    expect(cues('Reports of the raid remain unconfirmed.')).toEqual([['unverified', null]]);
  });
  it('reads denials, disputes and confirmations, not their negations', () => {
    expect(cues('The army denied that any civilians were killed.')[0]![0]).toBe('denied');
    expect(cues('The rebels deny shelling the camp.')[0]![0]).toBe('denied');
    expect(cues('The army disputed the toll.')[0]![0]).toBe('disputed');
    expect(cues('Police confirmed that 3 people died.')[0]![0]).toBe('confirmed');
    expect(cues('The group has not denied the attack.')).toEqual([]);
    expect(cues('The toll was never confirmed.')).toEqual([]);
  });
  it('does not read a denial of who did it as a denial that it happened', () => {
    expect(cues('The group denied any role in the attack.')).toEqual([]);
    expect(cues('Its spokesman later denied responsibility for the bombing.')).toEqual([]);
    expect(cues('The militia denies having any links to the gunmen.')).toEqual([]);
  });
  it('finds nothing in a plain report', () => {
    expect(cues('Gunmen killed 3 villagers on Monday, officials said.')).toEqual([]);
  });
});

describe('hedgeSpans', () => {
  it('keeps "reportedly", "allegedly" and "said to have" as hedges', () => {
    const t = 'The militants reportedly fled; the killings were said to have taken place Saturday.';
    const h = hedgeSpans(t, 0, t.length);
    expectSpansMatch(t, h);
    expect(h.map((x) => x.text)).toEqual(['reportedly', 'were said to have']);
  });
  it('finds no hedge in a plain sentence', () => {
    const t = 'The militants fled on Saturday.';
    expect(hedgeSpans(t, 0, t.length)).toEqual([]);
  });
});
