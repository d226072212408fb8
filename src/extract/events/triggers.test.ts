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
    expect(kinds('The rocket strike hit a school.').some((k) => k.startsWith('air'))).toBe(false);
  });
  it('reads "fired at" only as a verb', () => {
    expect(kinds('Soldiers fired at the crowd.')).toEqual(['shoot:fired at']);
    expect(kinds('People were hurt by a fire at a factory.')).toEqual(['wound:hurt:P']);
  });
  it('reads "killed and wounded" as one outcome that counts nobody dead', () => {
    expect(kinds('7 policemen were killed and wounded.')).toEqual(['killwound:killed and wounded:P']);
    expect(kinds('2 were killed and 3 were wounded.')).toEqual(['kill:killed:P', 'wound:wounded:P']);
  });
  it('reads a note-style attack with no auxiliary as a passive, not a bare plural subject\'s act', () => {
    expect(kinds('Army post attacked in Gao, 1 dead.')[0]).toBe('attack:attacked:P');
    expect(kinds('Police patrol ambushed near Mopti.')[0]).toBe('attack:ambushed:P');
    expect(kinds('Gunmen attacked in Gao overnight.')[0]).toBe('attack:attacked');
    expect(kinds('The army attacked in the early hours.')[0]).toBe('attack:attacked');
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

// Sentences written for these tests.
describe('findTriggers: expelling, taking ground, stopping weapons', () => {
  it('reads a force driven out of a place as ground regained', () => {
    expect(kinds('Troops drove the rebels out of Kidal.')).toContain('regain:drove');
    expect(kinds('The militants were pushed from the town.')).toContain('regain:pushed:P');
  });
  it('does not read driving or pushing without a place after "from" / "out of"', () => {
    expect(kinds('Farmers drove their cattle out of reach.').filter((k) => k.startsWith('regain'))).toEqual([]);
    expect(kinds('Prices pushed families from poverty into hunger.').filter((k) => k.startsWith('regain'))).toEqual([]);
    expect(kinds('He drove to work, then out of habit stopped.').filter((k) => k.startsWith('regain'))).toEqual([]);
  });
  it('reads "take" with a territory noun as taking ground, not with hostages or other objects', () => {
    expect(kinds('Rebels took two villages near the border.')).toContain('seize:took');
    expect(kinds('The army said it had taken the strategic hill.')).toContain('seize:taken');
    expect(kinds('It will take time.').filter((k) => k.startsWith('seize'))).toEqual([]);
    expect(kinds('Officials took part in the talks.').filter((k) => k.startsWith('seize'))).toEqual([]);
  });
  it('reads weapons shot down or intercepted as stopped, and drops the strike words among them', () => {
    expect(kinds('Air defences shot down 14 drones overnight.')).toEqual(['defuse:shot down']);
    expect(kinds('The navy intercepted two missiles.')).toEqual(['defuse:intercepted']);
    expect(kinds('Police intercepted a truck of cigarettes.').filter((k) => k.startsWith('defuse'))).toEqual([]);
  });
  it('reads a device neutralised as defused, not people neutralised', () => {
    expect(kinds('Engineers neutralised an explosive device on the road.')).toContain('defuse:neutralised');
    expect(kinds('Soldiers neutralized 12 assailants.').filter((k) => k.startsWith('defuse'))).toEqual([]);
  });
  it('reads an explosive vest as a suicide attack', () => {
    expect(kinds('A man wearing an explosive vest blew up at the gate.').some((k) => k.startsWith('suicide'))).toBe(true);
    expect(kinds('The bomber wore a vest.').some((k) => k.startsWith('suicide'))).toBe(false);
  });
  // ACLED: fire in both directions is a battle whatever the weapon (artillery duels are armed clashes).
  it('reads an exchange of fire as a clash, whatever the weapon', () => {
    expect(kinds('Border guards traded fire overnight.')).toEqual(['clash:traded fire']);
    expect(kinds('The two units exchanged heavy gunfire near the bridge.')).toEqual(['clash:exchanged heavy gunfire']);
    expect(kinds('Both armies exchanged artillery fire along the front.')).toEqual(['clash:exchanged artillery fire']);
    expect(kinds('The rival militias traded mortar fire across the river.')).toEqual(['clash:traded mortar fire']);
    expect(kinds('The sides exchanged heavy artillery fire at dawn.')).toEqual(['clash:exchanged heavy artillery fire']);
  });
  it('does not read traded goods, words or prisoners as fire', () => {
    expect(kinds('The two leaders traded accusations on television.')).toEqual([]);
    expect(kinds('Farmers traded rockets of lettuce at the market.')).not.toContain('shell:traded rockets');
    expect(kinds('Merchants exchanged heavy goods at the border.')).toEqual([]);
  });
});

describe('findTriggers memo', () => {
  it('reads a sentence once for every caller, and a new sentence afresh', () => {
    const toks = sentenceViews(prepared('Gunmen attacked a convoy near the bridge.'))[0]!.toks;
    const first = findTriggers(toks);
    expect(findTriggers(toks)).toBe(first);
    const other = sentenceViews(prepared('Gunmen attacked a convoy near the bridge.'))[0]!.toks;
    expect(findTriggers(other)).not.toBe(first);
    expect(findTriggers(other)).toEqual(first);
  });
});
