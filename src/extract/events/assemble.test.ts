import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

function events(text: string) {
  const doc = analyzed(text, '2021-05-02');
  const evs = doc.get('events');
  expectSpansMatch(text, evs);
  for (const e of evs) expectSpansMatch(text, (e.evidence ?? []).map((s) => ({ ...s, text: text.slice(s.start, s.end) })));
  return evs;
}

// Reports written for these tests.
describe('assemble: one occurrence, one event', () => {
  it('merges a definite reference into the occurrence it names', () => {
    const t = 'Gunmen executed villagers near the river on Saturday. Officials later found the bodies. The executions were condemned.';
    const evs = events(t);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.evidence!.length).toBeGreaterThanOrEqual(2);
  });
  it('merges "they were killed" and "also killed" into the occurrence before', () => {
    const evs = events('Militants shot dead 20 men in the village. They were killed on Thursday, a source said.');
    expect(evs).toHaveLength(1);
    expect(evs[0]!.date).toMatchObject({ start: '2021-04-29' });
    const also = events('On 1 May 2021, 2 policemen were killed in an ambush in Balkh. 3 militants were also killed.');
    expect(also).toHaveLength(1);
    expect(also[0]!.fatalities?.best).toBe(5);
  });
  it('keeps "in another attack" a separate event', () => {
    const evs = events('On 1 May 2021, militants killed 2 soldiers in Logar. In another attack, a sniper killed 1 soldier in the same district.');
    expect(evs).toHaveLength(2);
    expect(evs[0]!.fatalities?.best).toBe(2);
  });
  it('merges the same occurrence told twice in other words', () => {
    const evs = events('Militants execute civilians in the city. The UN reports that the militants are carrying out mass executions of civilians.');
    expect(evs).toHaveLength(1);
    expect(evs[0]!.sources.map((s) => s.text)).toContain('The UN');
  });
  it('keeps two occurrences of one sentence apart when each has its own time', () => {
    const evs = events('Militants launched a dawn attack south of the city Sunday after an attack there Friday.');
    expect(evs).toHaveLength(2);
    expect(evs.map((e) => e.date?.start).sort()).toEqual(['2021-04-30', '2021-05-02']);
  });
  it('drops a campaign named as a state of affairs', () => {
    expect(events('The fight over the city is about a month old at this point.')).toEqual([]);
  });
});

// A report written for this test.
describe('assemble: follow-ups after a side action', () => {
  const text = [
    'Somali troops drove al-Shabaab fighters out of Jilib on Monday, an officer said.',
    '',
    'The town lies about 10 km from the river. Armoured units moved in after air strikes by the US-led coalition, the officer said.',
    '',
    'The militants answered with several car bombs, he said. Three soldiers were killed, according to a medic.',
  ].join('\n');
  const evs = analyzed(text, '2021-05-04').get('events');
  it('gives the fight, not the air strike told in passing, the militants\' bombs and the dead', () => {
    const fight = evs.find((e) => e.type === 'Battles')!;
    const air = evs.find((e) => e.subType === 'Air/drone strike')!;
    expect(fight.fatalities?.best).toBe(3);
    expect(air.fatalities?.best ?? null).toBeNull();
    // the troops moving in after the strikes are not their target
    expect(air.actor2?.name ?? null).not.toBe('Military Forces of Somalia');
  });
  it('keeps a follow-up with the side action when it names the side action or only its targets', () => {
    const t = 'Somali troops drove al-Shabaab fighters out of Jilib on Monday.\n\nLater, coalition jets struck a convoy of trucks near the town. The strikes killed six fighters, the coalition said.';
    const e = analyzed(t, '2021-05-04').get('events');
    const air = e.find((x) => x.subType === 'Air/drone strike')!;
    expect(air.fatalities?.best).toBe(6);
    expect(e.find((x) => x.type === 'Battles')!.fatalities?.best ?? null).toBeNull();
  });
  it('keeps a new occurrence told with "the agency said" in another region apart from a draft without places', () => {
    // A capital-dateline story: the seizure names no place, the killings two paragraphs later name a far region.
    const t = [
      'BAMAKO, May 2 (Wire) - Heavy fighting between the army and rebels went on for a second day on Sunday, a medical union said.',
      '',
      'The rebels said they had captured the main barracks, a claim the army denied.',
      '',
      'The union said dozens of people had been wounded.',
      '',
      'In Kidal, two aid workers were killed on Saturday in clashes near the market, the agency said.',
    ].join('\n');
    const evs = events(t);
    const kidal = evs.find((e) => e.text.startsWith('In Kidal'));
    expect(kidal).toBeDefined();
    expect(kidal!.fatalities?.best).toBe(2);
    expect(kidal!.location?.name).toBe('Kidal');
    const seized = evs.find((e) => e.text.startsWith('The rebels said'));
    expect(seized?.fatalities?.best ?? 0).toBe(0);
  });
  it('still joins a follow-up that names a place near where a placeless draft was told', () => {
    const t = 'KABUL, May 2 - Gunmen stormed a guest house on Saturday night. The attackers killed three guards in Kabul before fleeing.';
    const evs = events(t);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.fatalities?.best).toBe(3);
  });
  it('dates a dateline story by the day in its lead, not by the dateline', () => {
    const t = 'BUNIA, May 2 (Wire) - Militiamen clashed with soldiers near the village of Djugu, north of Bunia, on Friday, killing four soldiers, officials said.';
    const evs = events(t);
    expect(evs[0]!.date).toMatchObject({ start: '2021-04-30', end: '2021-04-30' });
  });
});

