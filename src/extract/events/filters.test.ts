import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { findTriggers } from './triggers.js';
import { barePlural, campaignReference, idleAircraft, mishapToll, smokeScreen, unreal } from './filters.js';

function why(text: string, word: string) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const t = findTriggers(toks).find((x) => toks[x.tokStart]!.text === word)!;
  return { unreal: unreal(toks, t, 0), campaign: campaignReference(toks, t), bare: barePlural(toks, t) };
}

// Sentences written for these tests.
describe('unreal', () => {
  it('drops what may, will or is meant to happen', () => {
    expect(why('Fighting is expected to intensify.', 'Fighting').unreal).toBe('intent');
    expect(why('They will be killed if they talk.', 'killed').unreal).toBe('modal');
    expect(why('An operation to free the city began.', 'free').unreal).toBe('infinitive');
    expect(why('They placed civilians there to deter airstrikes.', 'airstrikes').unreal).toBe('prevented');
    expect(why('The rebels threatened to attack the town.', 'attack').unreal).not.toBeNull();
  });
  it('drops denials, questions and states of affairs', () => {
    expect(why('No one was killed in the blast.', 'killed').unreal).toBe('negated');
    expect(why('Why the public execution of citizens?', 'execution').unreal).toBe('question');
    expect(why('The fight over the city is about a month old.', 'fight').unreal).toBe('state-of-affairs');
    expect(why('They took the town without a fight.', 'fight').unreal).toBe('negated');
    expect(why('The militia denied shelling the camp.', 'shelling').unreal).toBe('negated');
    // a plan, however many nouns stand between the act and it; an act foiled is not done
    expect(why('Detectives uncovered a bomb attack plot in the port.', 'bomb').unreal).toBe('planned');
    expect(why('Guards foiled a grenade attack on the depot.', 'attack').unreal).toBe('prevented');
    expect(why('The mayor spoke, lamenting the shelling of a clinic.', 'shelling').unreal).toBe('prevented');
    expect(why('Sirens and [missile] alerts sounded across the north.', 'missile').unreal).toBe('planned');
    expect(why('Officials deny that troops killed anyone.', 'killed').unreal).toBeNull();
  });
  it('keeps what happened', () => {
    expect(why('Militants attacked a check point on Monday.', 'attacked').unreal).toBeNull();
    expect(why('On 12 May 2020, police defused a bomb.', 'defused').unreal).toBeNull();
    expect(why('The fight lasted an hour and 5 died.', 'fight').unreal).toBeNull();
    // a denial two words or more before the act leaves it told
    expect(why('The army, which denied the report, shelled the camp.', 'shelled').unreal).toBeNull();
  });
});

describe('campaignReference and barePlural', () => {
  it('reads a campaign named by its aim', () => {
    expect(why('It was the opening of the fight to retake the city.', 'fight').campaign).toBe(true);
    expect(why('The battle for the airport began.', 'battle').campaign).toBe(true);
    expect(why('The battle ended at dawn.', 'battle').campaign).toBe(false);
  });
  it('reads a bare plural after a preposition as a kind of act', () => {
    expect(why('They were used as shields against attacks.', 'attacks').bare).toBe(true);
    expect(why('They carried out attacks on two posts.', 'attacks').bare).toBe(false);
  });
  it('reads the acts of a few days or rounds as an incident, of weeks or years as a kind', () => {
    expect(why('Nine people died in two days of clashes between fishermen and traders.', 'clashes').bare).toBe(false);
    expect(why('A night of strikes hit the port.', 'strikes').bare).toBe(false);
    expect(why('The valley has seen years of clashes between the clans.', 'clashes').bare).toBe(true);
  });
});

function idle(text: string, word: string) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const t = findTriggers(toks).find((x) => toks[x.tokStart]!.text === word)!;
  return idleAircraft(toks, t);
}

// Sentences written for these tests.
describe('idleAircraft', () => {
  it('reads aircraft that strike as a strike', () => {
    expect(idle('Warplanes pounded rebel positions overnight.', 'Warplanes')).toBe(false);
    expect(idle('Government helicopters on Monday fired on the convoy.', 'helicopters')).toBe(false);
    expect(idle('Three fishermen were killed by drones near the coast.', 'drones')).toBe(false);
    expect(idle('The village came under strikes from army helicopters.', 'helicopters')).toBe(false);
  });
  it('reads aircraft named without an attack as no strike', () => {
    expect(idle('The rebels burned tyres to hide their trucks from enemy aircraft.', 'aircraft')).toBe(true);
    expect(idle('Residents heard jets overhead all night.', 'jets')).toBe(true);
    expect(idle('The army bought 12 new helicopters, which will arrive next year.', 'helicopters')).toBe(true);
  });
});

// Sentences written for these tests.
describe('smokeScreen', () => {
  const screen = (text: string, word: string) => {
    const toks = sentenceViews(prepared(text))[0]!.toks;
    return smokeScreen(toks, findTriggers(toks).find((x) => toks[x.tokStart]!.text === word)!);
  };
  it('reads fires set for cover as no destruction', () => {
    expect(screen('The fighters set fire to oil pits to conceal their movements from drones.', 'set')).toBe(true);
    expect(screen('Militants torched oil wells to make a smoke screen against jets.', 'torched')).toBe(true);
  });
  it('keeps fires set to destroy', () => {
    expect(screen('Militants set fire to a school in the village.', 'set')).toBe(false);
    expect(screen('Rioters torched two shops; police came to cover the area later.', 'torched')).toBe(false);
  });
});

function mishap(text: string, word: string) {
  const toks = sentenceViews(prepared(text))[0]!.toks;
  const t = findTriggers(toks).find((x) => toks[x.tokStart]!.text === word)!;
  return mishapToll(toks, t, 0, toks.length);
}

// Sentences written for these tests.
describe('mishapToll', () => {
  it('reads deaths an accident or a disaster caused as no event', () => {
    expect(mishap('A stampede at the stadium gate in Velgaro killed 14 fans.', 'killed')).toBe(true);
    expect(mishap('Seven people were killed in a minibus crash near Velgaro.', 'killed')).toBe(true);
    expect(mishap('Nine traders died in a fire at the Velgaro market.', 'died')).toBe(true);
    expect(mishap('Four children were killed when a wall collapsed in Velgaro.', 'killed')).toBe(true);
  });
  it('keeps deaths someone caused, and shots called fire', () => {
    expect(mishap('Army fire killed three farmers near Velgaro.', 'killed')).toBe(false);
    expect(mishap('Nine traders died in a fire set by the gang at the Velgaro market.', 'died')).toBe(false);
    expect(mishap('Seven people were killed in a crash after gunmen opened fire on their minibus.', 'killed')).toBe(false);
  });
});
