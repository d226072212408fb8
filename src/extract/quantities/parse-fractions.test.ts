import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from './view.js';
import { readFraction } from './parse-fractions.js';

const toks = (t: string) => sentenceViews(prepared(t))[0]!.toks;

describe('readFraction', () => {
  it('reads shares followed by "of"', () => {
    expect(readFraction(toks('two-thirds of them left'), 0)).toMatchObject({ value: 0.667, end: 3 });
    expect(readFraction(toks('one third of people stayed'), 0)).toMatchObject({ value: 0.333 });
    expect(readFraction(toks('half of the fighters'), 0)).toMatchObject({ value: 0.5 });
  });
  it('does not read ordinals or a bare part', () => {
    expect(readFraction(toks('a third attack followed'), 0)).toBeNull();
    expect(readFraction(toks('two third parties'), 0)).toBeNull();
  });
});
