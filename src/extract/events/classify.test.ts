import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

/** Type / sub-type of the first event of a short report. */
function code(text: string): string {
  const doc = analyzed(text, '2021-05-02');
  const evs = doc.get('events');
  expectSpansMatch(text, evs);
  const e = evs[0];
  return e ? `${e.type} / ${e.subType}` : 'none';
}

// Reports written for these tests, in the style of event notes and of wire copy.
describe('classify: the weapon decides explosions and remote violence', () => {
  it('codes IEDs, suicide bombs, air strikes, shelling and grenades', () => {
    expect(code('On 1 May 2021, 3 soldiers were killed when their vehicle hit a roadside bomb in Kandahar.')).toBe('Explosions/Remote violence / Remote explosive/landmine/IED');
    expect(code('On 1 May 2021, a suicide bomber blew himself up at a market in Maiduguri, killing 7 people.')).toBe('Explosions/Remote violence / Suicide bomb');
    expect(code('On 1 May 2021, an airstrike killed 5 militants near Idlib.')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(code('On 1 May 2021, rebels shelled a village near Beni, killing 2 civilians.')).toBe('Explosions/Remote violence / Shelling/artillery/missile attack');
    expect(code('On 1 May 2021, a grenade was thrown at a bar in Bujumbura.')).toBe('Explosions/Remote violence / Grenade');
  });
  it('codes rockets fired during an attack on a post as a battle', () => {
    expect(code('On 1 May 2021, militants fired a rocket at a Humvee during an attack on a check point in Kunduz.')).toBe('Battles / Armed clash');
  });
  it('codes a defused or early-exploding bomb as disrupted weapons use', () => {
    expect(code('On 1 May 2021, police defused an IED planted on a road in Mogadishu.')).toBe('Strategic developments / Disrupted weapons use');
    expect(code('On 1 May 2021, a bomb carried by militants detonated prematurely in Kandahar, killing 2 of them.')).toBe('Strategic developments / Disrupted weapons use');
    expect(code('On 1 May 2021, gendarmes foiled an attempt to plant a bomb on the road to Dorvalle.')).toBe('Strategic developments / Disrupted weapons use');
  });
  it('codes an attack foiled by forces who neutralised or shot the attackers as a battle', () => {
    expect(code('On 1 May 2021, soldiers thwarted an attack by gunmen on the village of Mirelle and neutralised six of them.')).toBe('Battles / Armed clash');
    // The attackers stopped are told in a sentence of their own, joined to the foiled attack as one occurrence.
    expect(code('On 1 May 2021, the army foiled an attempt by two suicide bombers to attack a market in Vosta. One of the bombers was shot while the other blew himself up when chased by soldiers.')).toBe('Battles / Armed clash');
    // A bomb neutralised is a defusal, not a fight.
    expect(code('On 1 May 2021, police thwarted an attack on a church in Dorvalle and neutralised an explosive device.')).toBe('Strategic developments / Disrupted weapons use');
  });
  it('does not take a killed suicide bomber for a suicide bombing', () => {
    expect(code('On 1 May 2021, soldiers shot and killed a suicide bomber before he reached the gate in Zhari.')).toBe('Battles / Armed clash');
  });
});

describe('classify: who is hit decides battles and violence against civilians', () => {
  it('codes armed against armed as a battle', () => {
    expect(code('On 1 May 2021, Taliban militants ambushed and killed 2 policemen in Herat.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, 1 soldier was killed by unknown gunmen in Kabul.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, militants attacked a check point in Logar.')).toBe('Battles / Armed clash');
    // Note style drops the auxiliary: the post or patrol before the participle is what was attacked, not who
    // attacked (the place after it is no civilian target).
    expect(code('Army post attacked in Gao overnight, 1 dead and 4 wounded.')).toBe('Battles / Armed clash');
    expect(code('Police patrol ambushed near Mopti, two wounded.')).toBe('Battles / Armed clash');
  });
  it('codes armed against unarmed as violence against civilians', () => {
    expect(code('On 1 May 2021, 1 civilian was killed by unknown gunmen in Kabul.')).toBe('Violence against civilians / Attack');
    expect(code('On 1 May 2021, militants executed 2 men accused of spying in Jilib.')).toBe('Violence against civilians / Attack');
    expect(code('On 1 May 2021, gunmen abducted 12 passengers near Kaduna.')).toBe('Violence against civilians / Abduction/forced disappearance');
    expect(code('On 1 May 2021, a woman was raped by soldiers in Bukavu.')).toBe('Violence against civilians / Sexual violence');
  });
  it('keeps an abducted and killed policeman a battle, a kidnapped and killed civilian an attack', () => {
    expect(code('On 1 May 2021, 1 policeman was abducted and later beheaded by militants in Wardak.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, 1 civilian was kidnapped and killed by militants in Herat.')).toBe('Violence against civilians / Attack');
  });
});

describe('classify: territory', () => {
  it('codes a town retaken by the state or taken by a group', () => {
    expect(code('On 1 May 2021, the army recaptured the town of Mansila from militants.')).toBe('Battles / Government regains territory');
    expect(code('On 1 May 2021, Islamic State militants seized the town of Mocimboa da Praia.')).toBe('Battles / Non-state actor overtakes territory');
  });
  it('does not read a person captured or a ranking fallen as territory', () => {
    expect(code('A man charged in a recent Indiana homicide has been captured by police.')).not.toMatch(/territory/);
    expect(code('The county fell to 18th place in population growth.')).toBe('none');
    expect(code('Two towns -- Hamdaniya and Bartella -- were freed over the weekend, officials said.')).toBe('Battles / Government regains territory');
  });
  it('codes a post overrun as a battle, and a town given up without a fight as a transfer', () => {
    expect(code('On 1 May 2021, Taliban militants overtook a military unit in Mahmud-e-Raqi city.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, government forces withdrew from the district centre without a fight.')).toBe('Strategic developments / Non-violent transfer of territory');
  });
  it('codes people freed and weapons seized as strategic developments', () => {
    expect(code('On 1 May 2021, police freed 92 civilians from a prison in Tarinkot.')).toBe('Strategic developments / Other');
    expect(code('On 1 May 2021, soldiers seized a large cache of weapons in Tillaberi.')).toBe('Strategic developments / Disrupted weapons use');
  });
});

describe('classify: demonstrations', () => {
  it('tells peaceful protest, intervention, riot and excessive force apart', () => {
    expect(code('On 1 May 2021, around 300 teachers demonstrated in Nairobi to demand their salaries. [size=around 300]')).toBe('Protests / Peaceful protest');
    expect(code('On 1 May 2021, police used tear gas to disperse protesters in Harare.')).toBe('Protests / Protest with intervention');
    expect(code('On 1 May 2021, students clashed with police during a protest in Dhaka.')).toBe('Riots / Violent demonstration');
    expect(code('On 1 May 2021, police shot dead 2 protesters during a demonstration in Conakry.')).toBe('Protests / Excessive force against protesters');
    expect(code('On 1 May 2021, a mob lynched a man accused of theft in Kampala.')).toBe('Riots / Mob violence');
  });
  it('reads the police\'s answer told in the next sentence as an intervention in the demonstration', () => {
    expect(coded('On 1 May 2021, nurses staged a protest in Kisumu over unpaid wages. Police dispersed the nurses.')).toBe('Protests / Protest with intervention / 1,6');
    expect(coded('On 1 May 2021, market women protested in Lokossa. Police forces intervened and broke up the march.')).toBe('Protests / Protest with intervention / 1,6');
    // An act with no subject of its own after the demonstrators are named is theirs.
    expect(coded('On 1 May 2021, hundreds marched against the new tax in Parakou. The demonstrators blocked roads and beat a bus driver.')).toBe('Riots / Violent demonstration / 5,7');
    // A mob's violence is no demonstration: what is told after it stays mob violence.
    expect(coded('On 1 May 2021, a mob lynched a man accused of theft in Kampala. Police dispersed the crowd.')).toBe('Riots / Mob violence / 5,7');
  });
  it('reads a labour strike as a protest and an air strike not', () => {
    expect(code('On 1 May 2021, teachers went on strike in Accra.')).toBe('Protests / Peaceful protest');
    expect(code('On 1 May 2021, an air strike hit a depot in Accra.')).not.toMatch(/^Protests/);
  });
});

describe('classify: strategic developments', () => {
  it('codes arrests, agreements, defections, bases and looting', () => {
    expect(code('On 1 May 2021, police arrested 15 members of an opposition party in Minsk.')).toBe('Strategic developments / Arrests');
    expect(code('On 1 May 2021, 30 IS militants surrendered to Afghan forces in Laghman.')).toBe('Strategic developments / Agreement');
    expect(code('On 1 May 2021, 25 soldiers switched sides and joined the Taliban in Badakhshan.')).toBe('Strategic developments / Change to group/activity');
    expect(code('On 1 May 2021, the militia established a new base in the hills near Bunia.')).toBe('Strategic developments / Headquarters or base established');
    expect(code('On 1 May 2021, fighters looted shops and burned homes in a village in West Darfur.')).toBe('Strategic developments / Looting/property destruction');
  });
  it('codes a meeting of ministers as a strategic development at most', () => {
    expect(code('The defence ministers of both countries met in Ankara on Monday.')).toMatch(/^(Strategic developments \/ Other|none)$/);
  });
  it('codes nothing from a sentence without an act', () => {
    expect(code('The minister spoke about the economy on Monday.')).toBe('none');
  });
});

describe('classify: an exchange of fire has both forces as sides', () => {
  const sides = (text: string) => {
    const e = analyzed(text, '2021-05-02').get('events')[0]!;
    return `${e.type} / ${e.subType} | ${e.actor1?.name ?? '-'} | ${e.actor2?.name ?? '-'}`;
  };
  // ACLED: fire in both directions, even long-range, is a battle; artillery duels are armed clashes.
  it('codes artillery or mortar fire exchanged by two forces as an armed clash between both', () => {
    expect(sides('On 1 May 2021, Indian and Pakistani troops exchanged artillery fire along the Line of Control in Kupwara district.'))
      .toBe('Battles / Armed clash | Military Forces of India | Military Forces of Pakistan');
    expect(sides('On 1 May 2021, Israeli forces and Hezbollah traded mortar fire near Metula.'))
      .toBe('Battles / Armed clash | Military Forces of Israel | Hezbollah');
  });
  it('codes gunfire exchanged by two forces as an armed clash', () => {
    expect(sides('On 1 May 2021, Tajik and Kyrgyz border guards exchanged heavy gunfire near Batken.'))
      .toBe('Battles / Armed clash | Police Forces of Tajikistan | Police Forces of Kyrgyzstan');
  });
  it('keeps one side when only one fires', () => {
    expect(sides('On 1 May 2021, Pakistani troops fired mortars at a village in Kupwara district.'))
      .toMatch(/^Explosions\/Remote violence \/ Shelling\/artillery\/missile attack \| Military Forces of Pakistan/);
  });
});

describe('classify: a withdrawal after a capture', () => {
  it('codes "seized X before withdrawing" as the capture', () => {
    expect(code('In 2012 the rebels briefly seized the town of Bunia before withdrawing under pressure.')).toBe('Battles / Non-state actor overtakes territory');
  });
  it('still codes a withdrawal told alone as a transfer of territory', () => {
    expect(code('On 1 May 2021, the rebels withdrew from the town of Bunia.')).toBe('Strategic developments / Non-violent transfer of territory');
  });
});


/** Type / sub-type and the set of inter codes of the first event. */
function coded(text: string): string {
  const doc = analyzed(text, '2021-05-02');
  const evs = doc.get('events');
  expectSpansMatch(text, evs);
  const e = evs[0];
  if (!e) return 'none';
  const inters = [...new Set([e.actor1?.inter, e.actor2?.inter].filter((x): x is number => !!x))].sort();
  return `${e.type} / ${e.subType} / ${inters.join(',')}`;
}

describe('classify: crowds and communities that do the violence themselves', () => {
  it('codes unorganised people who lynch, beat or attack someone as mob violence (rioters against civilians)', () => {
    expect(coded('On 1 May 2021, a number of villagers lynched a suspected cattle thief in Kalale.')).toBe('Riots / Mob violence / 5,7');
    expect(coded('On 1 May 2021, residents of a market town beat up a man accused of theft in Djougou.')).toBe('Riots / Mob violence / 5,7');
    expect(coded('On 1 May 2021, youths attacked polling clerks at a school in Kisumu.')).toBe('Riots / Mob violence / 5,7');
  });
  it('reads "a separate group" or "another group" as a group already named, not as a crowd', () => {
    // The bundled Kirkuk story: gunmen attack the city, "a separate group" attacks a power station nearby.
    const text = readFileSync(new URL('../../../examples/tigris-post-kirkuk.txt', import.meta.url), 'utf8');
    const evs = analyzed(text, '2016-10-22').get('events');
    expectSpansMatch(text, evs);
    expect(evs.length).toBeGreaterThan(0);
    expect(evs.map((e) => e.type)).not.toContain('Riots');
  });
  it('codes two crowds fighting each other as mob violence between rioters', () => {
    expect(coded('On 1 May 2021, supporters of two rival candidates clashed in Kakamega, injuring four people.')).toBe('Riots / Mob violence / 5');
  });
  it('codes herders, farmers and other communities that fight as identity militias', () => {
    expect(coded('On 1 May 2021, herders and farmers clashed over a water point near Tillaberi, killing 3.')).toBe('Battles / Armed clash / 4');
    expect(coded('On 1 May 2021, Fulani herdsmen attacked a farming village near Makurdi, killing 5 residents.')).toBe('Violence against civilians / Attack / 4,7');
    expect(coded('On 1 May 2021, ethnic clashes broke out between two communities in Moyale, leaving 6 dead.')).toBe('Battles / Armed clash / 4');
    expect(coded('On 1 May 2021, Borana and Gabra militias fought near Marsabit, killing 2.')).toBe('Battles / Armed clash / 4');
  });
  it('codes a clash between two peoples the lexicon does not know as their militias\' battle, not the dead\'s brawl', () => {
    expect(coded('On 1 May 2021, four people were killed in a clash between the Abirans and Oduvis in a market town.')).toBe('Battles / Armed clash / 4');
    // Places after "between" are not peoples.
    expect(coded('On 1 May 2021, heavy fighting between Goma and Sake killed 3 soldiers.')).not.toBe('Battles / Armed clash / 4');
    // Nor are days: "between Saturday and Sunday" is when, not who.
    expect(coded('On 1 May 2021, four people were killed in clashes between Saturday and Sunday in a market town.')).not.toBe('Battles / Armed clash / 4');
  });
  it('codes unknown men with weapons as an unidentified armed group, not a crowd', () => {
    expect(coded('On 1 May 2021, unknown individuals with machetes killed a herder near Nikki.')).toBe('Violence against civilians / Attack / 3,7');
    expect(coded('On 1 May 2021, two men shot dead a shopkeeper in Lamu.')).toBe('Violence against civilians / Attack / 3,7');
  });
  it('codes people who are no armed group fighting the police with stones or bricks as rioters against the police', () => {
    expect(coded('On 1 May 2021, police clashed with market traders who threw stones in Eldoret.')).toBe('Riots / Mob violence / 1,5');
    expect(coded('On 1 May 2021, supporters of a ward councillor assaulted police officers with bricks in Bungoma.')).toBe('Riots / Mob violence / 1,5');
    // The police's own batons are not the crowd's violence; armed men with stones and rifles fight a battle.
    expect(coded('On 1 May 2021, police charged with batons and assaulted students in Dhaka.')).not.toBe('Riots / Mob violence / 1,5');
    expect(coded('On 1 May 2021, gunmen attacked police with stones and rifles in Kakamega.')).toBe('Battles / Armed clash / 1,3');
  });
  it('codes stones thrown by a crowd at police as a violent demonstration, whoever else acts in the sentence', () => {
    expect(coded('On 1 May 2021, residents threw stones at customs officers conducting a search in Seme.')).toBe('Riots / Violent demonstration / 1,5');
  });
});

describe('classify: an armed group against a village or people with no armed opponent', () => {
  it('codes violence against civilians', () => {
    expect(coded('On 1 May 2021, JNIM militants attacked the village of Kombori, burning houses and killing 4 people.')).toBe('Violence against civilians / Attack / 2,7');
    expect(coded('On 1 May 2021, police shot dead a student in Meru.')).toBe('Violence against civilians / Attack / 1,7');
    expect(coded('On 1 May 2021, a local councillor was killed in Kibera.')).toBe('Violence against civilians / Attack / 3,7');
  });
  it('keeps a battle when the dead are combatants or an armed opponent is named', () => {
    expect(coded('On 1 May 2021, JNIM militants attacked Djibo, killing two soldiers.')).toBe('Battles / Armed clash / 1,2');
    expect(coded('On 1 May 2021, police in Garissa hunted al-Shabaab gunmen who attacked a hotel in the town.')).toBe('Battles / Armed clash / 1,2');
  });
});

describe('classify: blocking and barricades', () => {
  it('codes a road blocked without violence as a peaceful protest, and burning barricades as a violent demonstration', () => {
    expect(coded('On 1 May 2021, residents blocked the main road to Thika to demand speed bumps.')).toBe('Protests / Peaceful protest / 6');
    expect(coded('On 1 May 2021, residents blocked the main road to Thika with burning tyres to demand speed bumps.')).toBe('Riots / Violent demonstration / 5');
  });
  it('does not take soldiers who block a road for protesters', () => {
    expect(code('On 1 May 2021, soldiers blocked the road to Djibo after militants attacked a convoy.')).not.toMatch(/^Protests/);
  });
});

describe('classify: an organised group attacks, a crowd riots (ACLED: attack or mob violence?)', () => {
  it('codes a lynching and a beating with sticks or stones by people no armed group is named for as mob violence', () => {
    expect(code('On 1 May 2021, residents of a village near Kisumu lynched a man suspected of stealing a goat.')).toBe('Riots / Mob violence');
    expect(code('On 1 May 2021, a group of men beat a shopkeeper with iron rods and sticks over a debt in Natore.')).toBe('Riots / Mob violence');
    expect(code('On 1 May 2021, at least ten assailants assaulted and killed a farmer with sticks and hammers over a land dispute near Natore.')).toBe('Riots / Mob violence');
    expect(code('On 1 May 2021, supporters of two candidates clashed with bricks and sticks in Bogra.')).toBe('Riots / Mob violence');
  });
  it('keeps an organised group that beats people an attacker, and a gunfight a battle', () => {
    expect(code('On 1 May 2021, soldiers beat villagers with sticks in a village near Djibo.')).toBe('Violence against civilians / Attack');
    expect(code('On 1 May 2021, gunmen and vigilantes exchanged fire near Zamfara; two vigilantes were killed.')).toBe('Battles / Armed clash');
  });
});

describe('classify: people killed as what they were taken for', () => {
  it('codes people killed by forces who took them for militants as civilians attacked, not a battle', () => {
    expect(coded('On 1 May 2021, soldiers shot dead a herder mistaken for a militant near Kandi.')).toBe('Violence against civilians / Attack / 1,7');
    expect(coded('On 1 May 2021, the army killed two farmers suspected of being jihadists in Banikoara.')).toBe('Violence against civilians / Attack / 1,7');
    // Said of the attackers before the act, it names who attacked.
    expect(coded('On 1 May 2021, gunmen believed to be al-Shabaab militants attacked a police post in Mandera.')).toBe('Battles / Armed clash / 1,2');
  });
});

describe('classify: people harmed with no armed opponent in sight', () => {
  it('codes a person shot by someone unnamed as an attack on a civilian', () => {
    expect(code('On 1 May 2021, a local councillor was shot at while he was campaigning in Nairobi.')).toBe('Violence against civilians / Attack');
  });
  it('codes the dead a non-state group kills, told only by their number, as civilians', () => {
    expect(code('On 1 May 2021, four people were killed by armed men in a village near Tillaberi, Niger.')).toBe('Violence against civilians / Attack');
    expect(code('On 1 May 2021, 4 were killed by unknown gunmen near Garissa.')).toBe('Violence against civilians / Attack');
  });
});

describe('classify: fire both ways is a battle; property seized or burned is looting', () => {
  it('codes an exchange of artillery fire and a bomb met by an armed assault on a post as battles', () => {
    expect(code('On 1 May 2021, the two armies exchanged artillery fire across the border near Kurram.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, militants attacked the gendarmerie in Kaya with rockets, and the gendarmes repelled the attack.')).toBe('Battles / Armed clash');
  });
  it('keeps a bomb that hits a patrol with no fire in return an explosion', () => {
    expect(code('On 1 May 2021, an army vehicle struck a landmine planted by militants near Kaya, wounding four soldiers.')).toBe('Explosions/Remote violence / Remote explosive/landmine/IED');
  });
  it('codes a school burned or an ambulance seized by an armed group, with nobody hurt, as looting/property destruction', () => {
    expect(code('On 1 May 2021, militants burned the primary school in a village near Kaya.')).toBe('Strategic developments / Looting/property destruction');
    expect(code('On 1 May 2021, militants seized an ambulance near Kaya.')).toBe('Strategic developments / Looting/property destruction');
  });
  it('keeps an abduction with a vehicle seized an abduction', () => {
    expect(code('On 1 May 2021, militants seized a truck and abducted its driver near Kaya.')).toBe('Violence against civilians / Abduction/forced disappearance');
  });
});

describe('partisans and the people they harm', () => {
  const first = (text: string) => {
    const e = analyzed(text, '2021-05-02').get('events')[0];
    return e ? { type: e.type, subType: e.subType, inters: [e.actor1?.inter, e.actor2?.inter] } : null;
  };
  it('codes members of a party who beat people without firearms as a mob, not an armed group', () => {
    expect(first('On 1 May 2021, members of the ruling party youth wing assaulted and injured two traders at a market in Tamale.')).toMatchObject({ type: 'Riots', subType: 'Mob violence' });
  });
  it('keeps members of a party who fire guns, and named armed groups, as armed actors', () => {
    expect(first('On 1 May 2021, members of the ruling party opened fire on a rival rally in Tamale, killing one.')?.type).not.toBe('Riots');
  });
  it('codes an armed group shooting a named non-combatant as violence against civilians', () => {
    expect(first('On 1 May 2021, gunmen shot a parliamentary aspirant at his home in Kisumu.')).toMatchObject({ type: 'Violence against civilians' });
  });
  it('codes farmers of two communities fighting as both sides identity militias', () => {
    expect(first('On 1 May 2021, Tiv and Jukun farmers clashed over farmland near Wukari, leaving three dead.')).toMatchObject({ type: 'Battles', inters: [4, 4] });
  });
});

describe('a battle has two sides', () => {
  const sides = (text: string) => {
    const e = analyzed(text, '2021-05-02').get('events')[0];
    return e ? [e.actor1?.inter ?? null, e.actor2?.inter ?? null] : null;
  };
  it('gives state forces fighting an unnamed side an unidentified armed group as opponent', () => {
    expect(sides('On 1 May 2021, soldiers on patrol came under fire near Tillaberi and fought back for two hours.')).toEqual([1, 3]);
  });
});

describe('spoils of a fight', () => {
  it('codes a clearing operation that kills fighters and frees captives as the fight', () => {
    const e = analyzed('On 1 May 2021, soldiers cleared several hamlets near Gwoza, killing 12 of the militants and freeing nine captives.', '2021-05-02').get('events')[0]!;
    expect(e.type).toBe('Battles');
  });
});

describe('an arrest a protest is about', () => {
  it('keeps a protest demanding the release of detained people peaceful', () => {
    expect(code('On 1 May 2021, hundreds of students staged a sit-in in front of the court in Kumasi, demanding the release of classmates detained by police last week.')).toBe('Protests / Peaceful protest');
  });
  it('still codes protesters arrested at the protest as an intervention', () => {
    expect(code('On 1 May 2021, students protesting fee increases in Kumasi were arrested by police.')).toBe('Protests / Protest with intervention');
  });
});

describe('classify: a blast or a barrage fought on the ground, a bomber stopped by fire', () => {
  it('codes a bomber shot or gunned down by forces as their clash, not a suicide bombing', () => {
    expect(code('On 1 May 2021, a military sniper shoots a suspected suicide bomber near a camp in Velgaro.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, soldiers shot three Red Hand suicide bombers in Velgaro.')).toBe('Battles / Armed clash');
    // a bomber who strikes stays a suicide bombing
    expect(code('On 1 May 2021, a suicide bomber blew himself up at a market in Velgaro, killing 7 people.')).toBe('Explosions/Remote violence / Suicide bomb');
  });
  it('codes a complex attack, a blast followed by gunfire or an assault after a barrage as a battle', () => {
    expect(code('On 1 May 2021, a UN convoy was subjected to a complex attack (IED + armed assault) near Velgaro.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, an IED attack followed by gunfire was reported in Velgaro.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, rebels launched four mortar shells against the army camp at Velgaro, about ten assailants also attempted to breach the camp perimeter and opened fire against the personnel.')).toBe('Battles / Armed clash');
    expect(code('On 1 May 2021, a suicide bomber detonated a vehicle at the army headquarters in Velgaro, the detonation was followed by an armed assault by two militants.')).toBe('Battles / Armed clash');
    // a bomb at a market with no fight stays an explosion
    expect(code('On 1 May 2021, a bomb exploded at a market in Velgaro, killing 4 civilians.')).toBe('Explosions/Remote violence / Remote explosive/landmine/IED');
  });
});

describe('classify: an attack the same occurrence tells as fought back is a battle', () => {
  it('codes an attack met by the police who shoot the attackers as one battle', () => {
    expect(code('On 1 May 2021, five gunmen armed with knives attacked a polling station in Velgaro, stabbing one person. Police intervened, shooting dead two of the assailants.')).toBe('Battles / Armed clash');
    // arrests after the attack are no fight
    expect(code('On 1 May 2021, gunmen attacked a household in Velgaro, killing two people. Police later arrested three suspects.')).toBe('Violence against civilians / Attack');
  });
});

describe('classify: one person of a community is no organised group', () => {
  it('codes a farmer or a herder who kills or wounds without a firearm as mob violence', () => {
    expect(code('On 1 May 2021, a farmer killed a Kessaba pastoralist during a dispute in Velgaro.')).toBe('Riots / Mob violence');
    expect(code('On 1 May 2021, a herder attacked two people with his machete in Velgaro.')).toBe('Riots / Mob violence');
    // a soldier or a gunman is armed
    expect(code('On 1 May 2021, a gunman killed a farmer in Velgaro.')).toBe('Violence against civilians / Attack');
  });
});
