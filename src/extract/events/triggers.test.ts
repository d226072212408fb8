import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { findTriggers } from './triggers.js';

function kinds(text: string) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  return findTriggers(toks).map((t) => `${t.kind}:${toks.slice(t.tokStart, t.tokEnd).map((x) => x.text).join(' ')}${t.passive ? ':P' : ''}`);
}

// Sentences written for these tests.
describe('findTriggers', () => {
  it('tells an air strike from a workers\' strike', () => {
    expect(kinds('An air strike hit the depot.')).toEqual(['air:air strike']);
    expect(kinds('Dock workers went on strike.')).toEqual(['protest:went on strike']);
    expect(kinds('The general strike closed shops.')).toEqual(['protest:general strike']);
    expect(kinds('A drone strike killed two.')).toEqual(['air:drone strike', 'kill:killed']);
  });
  it('reads "fired at" only as a verb', () => {
    expect(kinds('Soldiers fired at the crowd.')).toEqual(['shoot:fired at']);
    expect(kinds('People were hurt by a fire at a factory.')).toEqual(['wound:hurt:P']);
  });
  it('reads "killed and wounded" as one outcome that counts nobody dead', () => {
    expect(kinds('7 policemen were killed and wounded.')).toEqual(['killwound:killed and wounded:P']);
    expect(kinds('2 were killed and 3 were wounded.')).toEqual(['kill:killed:P', 'wound:wounded:P']);
  });
  it('marks a verb joined to a passive one as passive', () => {
    expect(kinds('A policeman was abducted and later beheaded.')).toEqual(['abduct:abducted:P', 'kill:beheaded:P']);
    expect(kinds('Gunmen abducted and killed a teacher.')).toEqual(['abduct:abducted', 'kill:killed']);
  });
  it('finds triggers whose words are apart', () => {
    expect(kinds('Militants took 55 civilians hostage.')).toEqual(['abduct:took']);
    expect(kinds('The militia established a new base nearby.')).toEqual(['base:established']);
    expect(kinds('Police seized a cache of weapons.')).toEqual(['defuse:seized']);
    expect(kinds('Police seized the town.')).toEqual(['seize:seized']);
  });
  it('reads a mine only where it explodes, and "demonstrated" only without an object', () => {
    expect(kinds('Their truck hit a mine near the bridge.')).toEqual(['ied:mine']);
    expect(kinds('It is someone who hates cars like mine.')).toEqual([]);
    expect(kinds('Workers left the abandoned coal mine.')).toEqual([]);
    expect(kinds('Chefs demonstrated new recipes.')).toEqual([]);
    expect(kinds('Students demonstrated outside parliament.')).toEqual(['protest:demonstrated']);
  });
  it('finds nothing in a sentence without an act', () => {
    expect(kinds('The minister spoke about the economy.')).toEqual([]);
  });
});
