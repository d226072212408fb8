import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

function dead(text: string) {
  const e = analyzed(text, '2021-05-02').get('events')[0];
  return e ? e.fatalities : 'no event';
}

// Reports written for these tests.
describe('fatalities by ACLED conventions', () => {
  it('counts the dead of all sides, not the wounded', () => {
    expect(dead('On 1 May 2021, 4 militia members and 3 militants were killed and 1 was wounded in an attack in Kapisa.')).toMatchObject({ best: 7 });
    expect(dead('On 1 May 2021, 2 civilians and 6 militants were killed, 10 children were wounded when a bomb exploded in Taloqan.')).toMatchObject({ best: 8 });
    expect(dead('On 1 May 2021, 4 civilians including a child were wounded by a missile in Nad Ali.')).toBeNull();
  });
  it('counts nobody dead from "killed and wounded" or "killed or wounded"', () => {
    expect(dead('On 1 May 2021, 7 policemen were killed and wounded in an attack in Garmsir.')).toBeNull();
    expect(dead('On 1 May 2021, 1 policeman was killed or wounded by a sniper in Nahri Saraj.')).toBeNull();
  });
  it('takes the low end of a range and ignores a figure in parentheses', () => {
    expect(dead('On 1 May 2021, at least 5-7 policemen were killed in an attack on a check point in Nijrab.')).toMatchObject({ best: 5 });
    expect(dead('On 1 May 2021, 1 policeman was killed (2 according to other sources) in an ambush in Herat.')).toMatchObject({ best: 1 });
  });
  it('counts no dead from a modifier, a kind of act or an earlier act compared with', () => {
    expect(dead('On 1 May 2021, soldiers killed 30 people in a raid on a rebel training camp, one of the deadliest incidents this year.')).toMatchObject({ best: 30 });
    expect(dead('On 1 May 2021, a rebel-fired rocket killed 6 civilians in a market in Taiz.')).toMatchObject({ best: 6 });
    expect(dead([
      'A car bomb killed 21 people at a bus station in Kirkuk on Saturday.',
      'The bombing was the deadliest in the city since March 2017, when a suicide attacker killed more than 40 people at a wedding.',
    ].join(' '))).toMatchObject({ best: 21 });
    // the wounded of a figure told after the dead are not dead
    expect(dead('On 1 May 2021, a bomb killed 4 soldiers in Kunduz. Besides the 4 soldiers killed, 9 were wounded.')).toMatchObject({ best: 4 });
    expect(dead('On 1 May 2021, 2 herders were abducted and killed by gunmen in Zabul.')).toMatchObject({ best: 2 });
    // a person after the modifier still counts
    expect(dead('On 1 May 2021, gunmen killed a militia commander in Ghazni.')).toMatchObject({ best: 1 });
  });
  it('keeps the dead of an earlier attack, told after "Last week", apart', () => {
    const evs = analyzed([
      'At least eight soldiers died in an ambush near the border, officials said.',
      'The patrol was attacked by a group described as jihadists.',
      'Last week gunmen raided a camp for displaced people in the east. Five people were killed in the attack.',
      'Britain condemned the attack that left eight dead.',
    ].join('\n'), null).get('events');
    const figures = evs.map((e) => e.fatalities?.best ?? null).sort();
    expect(figures).toEqual([5, 8]);
  });
  it('does not count a subset twice', () => {
    expect(dead('On 1 May 2021, 12 militants including 2 commanders were killed when troops repulsed their attack in Balkh.')).toMatchObject({ best: 12 });
  });
  it('reads a vague plural before "of the" and opening a note-style headline as ACLED\'s 10', () => {
    expect(dead('On 1 May 2021, soldiers repelled an attack on Kidira, killing many of the attackers.')).toMatchObject({ best: 10 });
    expect(dead('On 1 May 2021, soldiers took back the village of Toumbi. Several rebels killed.')).toMatchObject({ best: 10 });
  });
  it('reads a quoted vague count opening a note-style sentence of its own as ACLED\'s 10', () => {
    // The note cites the report's word in quotes; the toll told apart still belongs to the act before it.
    expect(dead("On 1 May 2021, soldiers took back the village of Toumbi. 'Several' rebels killed.")).toMatchObject({ best: 10 });
    expect(dead('On 1 May 2021, troops cleared the camps of the Vardo Front near Lessa. "Many" militants killed.')).toMatchObject({ best: 10 });
  });
  it('counts single named people and no apposition twice', () => {
    expect(dead('On 1 May 2021, 1 commander and his guard were killed by a roadside bomb in Sherzad.')).toMatchObject({ best: 2 });
    expect(dead('On 1 May 2021, 1 civilian, a tribal elder, was killed by unknown gunmen in Kandahar.')).toMatchObject({ best: 1 });
    expect(dead('On 1 May 2021, militants ambushed and killed the director of the traffic police in Ghor.')).toMatchObject({ best: 1 });
    // A chain of acts ending on its object is active ("lynched and killed a ..."), and a participle after the
    // victim ("a man abducted the day before") is no noun that makes the victim a modifier.
    expect(dead('On 1 May 2021, a group of youths lynched and killed a presumed burglar in Natitingou.')).toMatchObject({ best: 1 });
    expect(dead('On 1 May 2021, gunmen executed an elderly man abducted the day before near Kandi.')).toMatchObject({ best: 1 });
  });
  it('adds the dead told later with "also", not a perpetrator\'s own claim', () => {
    expect(dead('On 1 May 2021, 2 policemen were killed in an ambush by Taliban militants in Balkh. Local officials said 6 militants were also killed.')).toMatchObject({ best: 8 });
    expect(dead('On 1 May 2021, 1 policeman was killed in an attack by Taliban militants in Balkh. Taliban sources claimed 4 soldiers were killed.')).toMatchObject({ best: 1 });
  });
  it('keeps the lowest figure when sources differ on the same dead', () => {
    expect(dead('Troops and militants fought for days in the town. At least 50 militants were killed in the assault, a general said. Officials claimed that some 200 militants had been killed in the assault.')).toMatchObject({ best: 50 });
  });
  it('lets a coding note win, and reads "no casualties" as 0 and vague plurals as 10', () => {
    expect(dead('On 1 May 2021, 3 soldiers were killed in an ambush in Logar. Fatalities coded as 0 (VoJ reported 3 fatalities).')).toMatchObject({ best: 0 });
    expect(dead('On 1 May 2021, militants fired missiles on a military base in Kabul. No casualties were reported.')).toMatchObject({ best: 0 });
    expect(dead('On 1 May 2021, the army clashed with rebels near Beni. Several rebels were killed.')).toMatchObject({ best: 10 });
  });
  it('gives no figure when the text gives none, and drops deaths that caused the event', () => {
    expect(dead('On 1 May 2021, militants clashed with troops in Khost.')).toBeNull();
    expect(dead('On 1 May 2021, rioters burned tyres in Goma after a young man died in custody.')).toBeNull();
  });
});

describe('fatalities: claims the text disputes and acts after the dead', () => {
  it('adds no dead from a follow-up claim that is denied or could not be confirmed', () => {
    expect(dead('On 1 May 2021, rebels clashed with soldiers near Beni, killing 2 soldiers. The army said it had killed 15 rebels, which the rebels denied.')).toMatchObject({ best: 2 });
    expect(dead('On 1 May 2021, gunmen killed 6 villagers near Gao. The army said it had killed 9 of the attackers, a claim that could not be verified.')).toMatchObject({ best: 6 });
  });
  it('still adds the dead of the other side when nothing disputes them', () => {
    expect(dead('On 1 May 2021, rebels clashed with soldiers near Beni, killing 2 soldiers. The army said it had killed 15 rebels.')).toMatchObject({ best: 17 });
  });
  it('does not count the people of a second act joined by "and" as dead', () => {
    expect(dead('On 1 May 2021, rebels attacked a village near Beni, killing 4 civilians and forcing hundreds of people to flee.')).toMatchObject({ best: 4 });
    expect(dead('On 1 May 2021, gunmen killed 3 farmers and 2 herders near Mopti.')).toMatchObject({ best: 5 });
  });
});

describe('fatalities: objects counted without a noun, groups that are no count', () => {
  it('counts a bare number that is the object of a killing verb', () => {
    expect(dead('On 1 May 2021, soldiers raided a rebel hideout near Beni, kill seven and capture two.')).toMatchObject({ best: 7 });
    expect(dead("On 1 May 2021, troops ambushed rebels near Beni and killed 'several' rebels.")).toMatchObject({ best: 10 });
  });
  it('reads one person in "a suspected thief" and counts nobody twice', () => {
    expect(dead('On 1 May 2021, residents lynched a suspected thief in Kisumu.')).toMatchObject({ best: 1 });
    expect(dead('On 1 May 2021, soldiers killed 6 rebels including a commander near Beni.')).toMatchObject({ best: 6 });
    expect(dead('On 1 May 2021, gunmen killed 9 members of the Hema community near Bunia.')).toMatchObject({ best: 9 });
  });
  it('counts no dead from a body named as one or a clock time', () => {
    expect(dead('On 1 May 2021, rebels clashed with the army near Beni, at least two soldiers and three rebels were killed.')).toMatchObject({ best: 5 });
    expect(dead('On 1 May 2021, a police post near Gao was attacked by gunmen around 21h, 2 policemen killed.')).toMatchObject({ best: 2 });
  });
});

describe('fatalities: "feared dead"', () => {
  it('counts people "feared dead" as dead (a hedge on the deaths, not a fear of them)', () => {
    expect(dead('On 1 May 2021, at least four people were feared dead after herders and farmers clashed near Jos.')).toMatchObject({ best: 4 });
  });
});

describe('fatalities: a singular subject of a passive killing', () => {
  it('counts "a <noun> was shot and killed" as one dead whatever the noun', () => {
    expect(dead('On 1 May 2021, a land rights campaigner was shot and killed by police in Nakuru.')).toMatchObject({ best: 1 });
  });
});

describe('fatalities: what is no dead person, and the dead of each side', () => {
  it('counts no animals, posts or things as dead, nor the owner of what was killed', () => {
    expect(dead('On 1 May 2021, soldiers shot and killed forty cows belonging to a herder near Velgaro.')).toBeNull();
    expect(dead('On 1 May 2021, an attack on two army posts near Velgaro, 1 killed and 3 wounded.')).toMatchObject({ best: 1 });
  });
  it('does not count the people rescued, freed or arrested after "and" as dead', () => {
    expect(dead('On 1 May 2021, soldiers kill 40 rebels and rescue 300 of their captives after a gun battle near Velgaro.')).toMatchObject({ best: 40 });
  });
  it('adds the dead of the side that did the killing, told after it', () => {
    expect(dead('On 1 May 2021, soldiers repelled a rebel attack on Velgaro, killing 14. Five soldiers reported dead.')).toMatchObject({ best: 19 });
  });
});

describe('fatalities: relations, subsets, causes, ranges in words and claims', () => {
  it('counts no relation of a victim, no family as a person, and no subset twice', () => {
    expect(dead('On 1 May 2021, supporters of one candidate stabbed and killed a supporter of another candidate in Velgaro.')).toMatchObject({ best: 1 });
    expect(dead('On 1 May 2021, the assailants killed five members from two families in Velgaro.')).toMatchObject({ best: 5 });
    expect(dead('On 1 May 2021, gunmen killed nine civilians including eight farmers and one trader in Velgaro.')).toMatchObject({ best: 9 });
  });
  it('drops a death told as what the attack avenged', () => {
    expect(dead('On 1 May 2021, herders attacked Velgaro and killed four residents in retaliation to the death of a herder.')).toMatchObject({ best: 4 });
  });
  it('reads "between eight and nine" as a range, not seventeen', () => {
    expect(dead('On 1 May 2021, rebels attacked a police post in Velgaro. Between eight and nine deaths reported.')).toMatchObject({ best: 8 });
  });
  it('lets a lower figure from the other side stand after the perpetrator\'s own claim', () => {
    expect(dead('On 1 May 2021, Taliban fighters attacked an army convoy at Velgaro. The Taliban claimed killing four. The army said only one was killed.')).toMatchObject({ best: 1 });
  });
});

describe('fatalities: vague words alone or in quotes', () => {
  it('reads a vague word standing alone as the dead, quoted or not, as ACLED\'s figure', () => {
    expect(dead("On 1 May 2021, soldiers dislodge the Taliban from Velgaro, killing 'several' and rescuing 16 hostages.")).toMatchObject({ best: 10 });
    expect(dead("On 1 May 2021, soldiers repel a Taliban attack on Velgaro. Soldiers killed 'many' of their attackers.")).toMatchObject({ best: 10 });
  });
  it('reads a vague word before a group named like one person ("several Taliban") as the vague figure', () => {
    expect(dead('On 1 May 2021, soldiers took back Velgaro from the Taliban. Several Taliban killed.')).toMatchObject({ best: 10 });
    expect(dead("On 1 May 2021, soldiers ambushed Taliban fighters at Velgaro. 'Some' Taliban were killed in the attack.")).toMatchObject({ best: 10 });
  });
});
