import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { quantities } from './index.js';
import type { Quantity } from './types.js';

function qs(text: string): Quantity[] {
  const doc = prepared(text, '2020-03-22', quantities);
  const out = doc.get('quantities');
  expectSpansMatch(text, out);
  for (const q of out) if (q.source) expectSpansMatch(text, [q.source]);
  return out;
}
const one = (text: string) => {
  const out = qs(text);
  expect(out).toHaveLength(1);
  return out[0]!;
};

// Sentences written for these tests.
describe('quantities component', () => {
  it('codes hedges: floor, ceiling, approximation', () => {
    expect(one('At least 50 militants died in the raid.')).toMatchObject({ text: 'At least 50', low: 50, best: 50, high: null, approx: false, what: 'militants' });
    expect(one('Up to 5,000 fighters remain in the city.')).toMatchObject({ low: null, high: 5000, best: 5000, what: 'fighters' });
    expect(one('Some 200 fighters were captured.')).toMatchObject({ low: null, high: null, best: 200, approx: true });
    expect(one('About 900 families left.')).toMatchObject({ best: 900, approx: true });
    expect(one('Around 100,000 people joined.')).toMatchObject({ best: 100000, approx: true, what: 'people' });
    expect(one('More than 40 hideouts were destroyed.')).toMatchObject({ low: 40, best: 40 });
    expect(one('Over 50,000 people have fled.')).toMatchObject({ low: 50000 });
    expect(one('As many as 48,000 people have fled.')).toMatchObject({ high: 48000, best: 48000 });
  });
  it('codes exact counts, ranges and words', () => {
    expect(one('Gunmen shot 284 men and boys.')).toMatchObject({ low: 284, high: 284, best: 284, what: 'men and boys' });
    expect(one('Between 10 and 15 houses burned.')).toMatchObject({ low: 10, high: 15, best: 10 });
    expect(one('The raid left 10 to 15 dead.')).toMatchObject({ low: 10, high: 15, best: 10 });
    expect(one('They killed 15-16 soldiers.')).toMatchObject({ low: 15, high: 16, best: 15 });
    expect(one('Three soldiers were hurt.')).toMatchObject({ best: 3, what: 'soldiers' });
    expect(one('Twenty-one villagers were freed.')).toMatchObject({ best: 21, what: 'villagers' });
    expect(one('On 2 May, 1 religious scholar was shot.')).toMatchObject({ best: 1, what: 'religious scholar' });
  });
  it('codes ACLED vague plurals and shares', () => {
    expect(one('Dozens of people protested.')).toMatchObject({ best: 12, approx: true, what: 'people' });
    expect(one('Hundreds of people gathered.')).toMatchObject({ best: 100 });
    expect(one('Thousands of residents fled.')).toMatchObject({ best: 1000 });
    expect(one('Scores of houses burned.')).toMatchObject({ best: 20 });
    expect(one('A dozen guards stood by.')).toMatchObject({ best: 12, approx: false });
    expect(one('Two-thirds of them went to camps.')).toMatchObject({ best: 0.667, proportion: true, what: 'them' });
  });
  it('reads every figure of a list and the subset after "including"', () => {
    const out = qs('12 Taliban militants including 2 commanders were killed.');
    expect(out.map((q) => [q.best, q.what])).toEqual([[12, 'Taliban militants'], [2, 'commanders']]);
  });
  it('leaves out what counts nothing', () => {
    expect(qs('In 2014 the group took the city, 10 km from the border, at 10:30 on 21/03/2020.')).toEqual([]);
    expect(qs('A 19-year-old paid $5 million, 30 percent more, for the 9th time; call 555-123-4567.')).toEqual([]);
    expect(qs('He has lived at 221 Baker Street for two years.')).toEqual([]);
    expect(qs('No one in the first group saw one another.')).toEqual([]);
    expect(qs('The page ran alert(1) twice.')).toEqual([]);
  });
  it('gives each figure its source as written', () => {
    const [q] = qs('Up to 5,000 ISIS fighters are in the city, a US military official said.');
    expect(q!.source!.text).toBe('a US military official');
    const [r] = qs("The group's supporters put the number at 7,000.");
    expect(r).toMatchObject({ best: 7000, what: null });
    expect(r!.source!.text).toBe("The group's supporters");
    const alt = qs('3 policemen (2 according to local sources) were killed.');
    expect(alt[1]!.source!.text).toBe('local sources');
    expect(alt[0]!.source).toBeUndefined();
  });
  it('never throws on odd text', () => {
    for (const t of ['', '   ', '😀 5 😀', 'قتل 5 جنود', '((( 5 ( 6', '"unbalanced 3 \' quotes']) expect(() => qs(t)).not.toThrow();
  });
});

describe('quantities: figures without a counted noun and hedged shares', () => {
  it('reads a number word that completes a statement of a figure', () => {
    expect(one('Police put the number of dead at eleven.')).toMatchObject({ best: 11, low: 11, high: 11 });
    expect(one('The toll later rose to nine.')).toMatchObject({ best: 9 });
  });
  it('does not read a number word after "at" or "to" without a figure noun', () => {
    expect(qs('They met at nine.')).toHaveLength(0);
    expect(qs('He spoke to one.')).toHaveLength(0);
  });
  it('keeps the hedge before a share', () => {
    expect(one('The group holds about a third of the province.')).toMatchObject({ text: 'about a third', approx: true });
    expect(one('The group holds a third of the province.')).toMatchObject({ text: 'a third', approx: false });
  });
});
