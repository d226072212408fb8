import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { findTriggers } from './triggers.js';
import { framed, fled, suchKind, tallyOrGenerality } from './irrealis.js';

/** The irrealis readings of the trigger starting with `word` in a one-sentence text. */
function read(text: string, word: string) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const t = findTriggers(toks).find((x) => toks[x.tokStart]!.text === word);
  if (!t) throw new Error(`no trigger at "${word}" in: ${text}`);
  return { framed: framed(toks, t, 0), tally: tallyOrGenerality(toks, t, 0, toks.length), fled: fled(toks, t), such: suchKind(toks, t) };
}

// Sentences written for these tests.
describe('framed', () => {
  it('reads a clause under a fear, warning, plan or preparation as not told', () => {
    expect(read('Farmers fear that the rebels may soon attack their villages again.', 'attack').framed).not.toBeNull();
    expect(read('Relief workers are preparing for tens of thousands of people to flee once the shelling begins.', 'shelling').framed).not.toBeNull();
    expect(read('The envoy warned that an offensive on the port would cost many civilian lives.', 'offensive').framed).toBe('expectation');
  });
  it('reads a modal as what could happen, and a present-tense "once" clause as a condition', () => {
    expect(read('Officials said the rebels could attack the border towns.', 'attack').framed).toBe('modal');
    expect(read('Thousands will be displaced once fighting reaches the suburbs.', 'fighting').framed).toBe('hypothetical');
  });
  it('keeps what is told as done, even after a frame word in an earlier clause', () => {
    expect(read('Soldiers shelled the ridge on Monday.', 'shelled').framed).toBeNull();
    // a reporting verb opens a new frame
    expect(read('Elders who feared reprisals said gunmen killed four herders.', 'killed').framed).toBeNull();
    // ", and" begins a new clause
    expect(read('Villagers fear the worst, and on Monday militants attacked the market.', 'attacked').framed).toBeNull();
    // "feared dead" hedges a death, it does not frame one
    expect(read('Eleven fishermen are feared dead after the boat was struck.', 'struck').framed).toBeNull();
    // "once" with the past tense tells a sequence
    expect(read('Once the troops withdrew, insurgents attacked the outpost.', 'attacked').framed).toBeNull();
    // "could not verify" is about the report
    expect(read('The agency could not verify that soldiers killed the men.', 'killed').framed).toBeNull();
  });
});

describe('tallyOrGenerality', () => {
  it('reads a count in the perfect over a long period as a tally', () => {
    expect(read('The insurgency has killed more than 3,000 people since 2017.', 'killed').tally).toBe('tally');
    expect(read('Bandits have abducted hundreds of pupils over the past two years.', 'abducted').tally).toBe('tally');
    expect(read('The two armies have conducted joint raids since early 2022.', 'raids').tally).toBe('tally');
  });
  it('reads what is common or usual as a generality, and spreading fighting as a state of affairs', () => {
    expect(read('Kidnappings on the highway have become common.', 'Kidnappings').tally).toBe('generality');
    // A kind of act some group uses, not one act; with a determiner it is one ("The bombs have been used by ...").
    expect(read('Roadside bombs have been used by the rebels in the north.', 'Roadside').tally).toBe('generality');
    expect(read('Ambushes are a tactic of the insurgents.', 'Ambushes').tally).toBe('generality');
    expect(read('The bombs have been used by the rebels to kill 12 soldiers.', 'bombs').tally).toBeNull();
    expect(read('Fighting in the north has spread to three provinces.', 'Fighting').tally).toBe('state-of-affairs');
  });
  it('carries a habit over joined verbs and the acts they govern, and a period summed up over its gerund', () => {
    const s = 'The envoy said the militia had routinely shot farmers and deliberately targeted herders for abduction.';
    expect(read(s, 'targeted').tally).toBe('generality');
    expect(read(s, 'abduction').tally).toBe('generality');
    expect(read('Officials said the militia shot two farmers and targeted a herder on Monday.', 'targeted').tally).toBeNull();
    expect(read('The army has pressed its push on the province in recent weeks after capturing Dilling.', 'capturing').tally).toBe('tally');
    expect(read('The army pressed on after capturing Dilling on Monday.', 'capturing').tally).toBeNull();
    expect(read('Militants frequently attack convoys on this road.', 'attack').tally).toBe('generality');
  });
  it('keeps a single act, also in the perfect', () => {
    // "since" a day is not a long period
    expect(read('Gunmen have killed four guards at a mine since Tuesday night.', 'killed').tally).toBeNull();
    expect(read('Gunmen have killed four guards at a mine, police said.', 'killed').tally).toBeNull();
    expect(read('Rebels killed 30 soldiers in 2019.', 'killed').tally).toBeNull();
    // a generality about another kind of act, or a habit adverb far from the trigger, leaves the act told
    expect(read('Gunmen killed three traders in a district where kidnappings are common.', 'killed').tally).toBeNull();
    expect(read('Two people were frequently seen near the site before the blast.', 'blast').tally).toBeNull();
  });
});

describe('fled', () => {
  it('reads an act people flee as not told there', () => {
    expect(read('Families fleeing the heavy fighting reached the camp.', 'fighting').fled).toBe(true);
    expect(read('They escaped the shelling by boat.', 'shelling').fled).toBe(true);
  });
  it('keeps a verb, and a noun not after flee or escape', () => {
    expect(read('Heavy fighting broke out near the camp.', 'fighting').fled).toBe(false);
    expect(read('Residents fled as militants attacked the town.', 'attacked').fled).toBe(false);
  });
});

describe('suchKind', () => {
  it('reads "such an attack" and "since the offensive began" as no act of their own', () => {
    expect(read('It was the second such attack on the convoy this month.', 'attack').such).toBe(true);
    expect(read('Thousands have left since the offensive began.', 'offensive').such).toBe(true);
  });
  it('keeps a plain noun and a verb', () => {
    expect(read('The attack on the convoy killed two drivers.', 'attack').such).toBe(false);
    expect(read('Such groups attacked the convoy.', 'attacked').such).toBe(false);
  });
});
