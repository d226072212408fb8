import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { findTriggers } from './triggers.js';
import { definiteNominal, segmentSentence } from './segments.js';

function segs(text: string, timeWords: string[] = [], placeWords: string[] = []) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const out = segmentSentence(toks, findTriggers(toks), (i) => timeWords.includes(toks[i]!.text), (i) => placeWords.includes(toks[i]!.text));
  return out.map((s) => [toks.slice(s.from, s.to).map((t) => t.text).join(' '), s.newMarker]);
}

// Sentences written for these tests.
describe('segmentSentence', () => {
  it('splits off "in another attack"', () => {
    expect(segs('Gunmen killed 1 soldier, and in another attack a sniper shot 2 soldiers.')).toEqual([
      ['Gunmen killed 1 soldier', false],
      [', and in another attack a sniper shot 2 soldiers .', true],
    ]);
  });
  it('marks a clause told as another occurrence', () => {
    expect(segs('3 soldiers were killed in a third attack.')).toEqual([['3 soldiers were killed in a third attack .', true]]);
  });
  it('splits at "after" when both halves carry their own time', () => {
    expect(segs('Militants launched an attack Sunday after an attack Friday', ['Sunday', 'Friday'])).toEqual([
      ['Militants launched an attack Sunday', false],
      ['after an attack Friday', false],
    ]);
    expect(segs('2 soldiers were killed after their vehicle hit a mine Sunday', ['Sunday'])).toHaveLength(1);
  });
  it('splits two coordinated clauses when the second opens on its own time', () => {
    expect(segs('In 2010 rebels seized the port, and in 2015 gunmen attacked a market, killing 9 people.', ['2010', '2015'])).toEqual([
      ['In 2010 rebels seized the port', false],
      [', and in 2015 gunmen attacked a market , killing 9 people .', false],
    ]);
    // a year the time layer missed still opens the clause
    expect(segs('In 2010 rebels seized the port, and in 2015 gunmen attacked a market.', ['2010'])).toHaveLength(2);
  });
  it('does not split coordinated clauses without a time of their own', () => {
    expect(segs('On Monday rebels seized the port, and gunmen attacked a market.', ['Monday'])).toHaveLength(1);
    expect(segs('Rebels seized the port, and in 2015 gunmen attacked a market.', ['2015'])).toHaveLength(1);
  });
  it('splits a clause that opens on a place of its own after a clause told at another place', () => {
    expect(segs('In Tarvel, the governor reported 6 dead, while in Osk four people were killed when a shell hit a school.', [], ['Tarvel', 'Osk'])).toEqual([
      ['In Tarvel , the governor reported 6 dead', false],
      [', while in Osk four people were killed when a shell hit a school .', false],
    ]);
    // the first clause names no place: "while in" only says where the victims were
    expect(segs('Shells killed 6 people, while in Osk four were wounded.', [], ['Osk'])).toHaveLength(1);
    // "while in" followed by no place is a time clause
    expect(segs('In Tarvel, gunmen killed 6 people while in custody guards shot two.', [], ['Tarvel'])).toHaveLength(1);
  });
  it('keeps a sentence about one occurrence whole', () => {
    expect(segs('3 militants were also killed in the clashes.')).toHaveLength(1);
  });
});

describe('definiteNominal', () => {
  const first = (text: string) => {
    const toks = sentenceViews(prepared(text))[0]!.toks;
    return definiteNominal(toks, findTriggers(toks)[0]!);
  };
  it('reads "the (Saturday) executions" as a reference', () => {
    expect(first('The Saturday executions came first.')).toBe(true);
    expect(first('They were killed in the assault.')).toBe(false);
    expect(first('An attack came first.')).toBe(false);
    expect(first('Militants attacked the post.')).toBe(false);
  });
  it('reads a possessive as a determiner ("Friday\'s raid")', () => {
    expect(first('Friday\'s raid was the third this month.')).toBe(true);
    expect(first('Last week’s assault ended at dawn.')).toBe(true);
    // a party's rally is the kind of act, not a reference
    expect(first('Crowds gathered for Labour\'s rally in the square.')).toBe(false);
  });
});
