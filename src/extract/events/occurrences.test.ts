import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

// Stories written for these tests: one incident told several times, in words that must not make it two.

function events(text: string, published: string) {
  return analyzed(text, published).get('events');
}

describe('one incident once per article', () => {
  it('joins a rocket strike told again with the region it hit and where it was fired from', () => {
    const evs = events([
      'Six people were killed on Sunday when a Hezbollah rocket struck a market in the town of Majdal Shams.',
      '',
      'According to the army, the rocket strike in the Golan Heights was one of four barrages fired from Lebanon.',
      '',
      'Ambulances took the wounded to hospitals in Safed.',
    ].join('\n'), '2024-07-28');
    const violent = evs.filter((e) => e.type !== 'Strategic developments');
    expect(violent).toHaveLength(1);
    expect(violent[0]!.subType).toBe('Shelling/artillery/missile attack');
  });

  it('joins the perpetrator\'s own account, which names no place, to the incident', () => {
    const evs = events([
      'Paramilitaries killed at least 40 villagers in an attack on a village in Gezira State on Wednesday, activists said.',
      '',
      'The war began in April 2023, and the paramilitary has held most of Khartoum since its first weeks.',
      '',
      'The paramilitary said in a statement that it had targeted army positions and denied harming civilians.',
      '',
      'Activists accused the fighters of looting homes and of shelling families who fled to the nearby town of Managil.',
    ].join('\n'), '2024-06-06');
    expect(evs.filter((e) => e.type !== 'Strategic developments')).toHaveLength(1);
  });

  it('reads "Tuesday\'s strike" as the strike already told, and lasting fighting as no event', () => {
    const evs = events([
      'An air strike on Tuesday hit a shelter in the city of Idlib, killing at least 9 people, rescuers said.',
      '',
      'The army said it had struck a command post of the armed group.',
      '',
      'Tuesday\'s strike was the deadliest this month in the province, where fighting has raged for more than two years.',
    ].join('\n'), '2023-05-10');
    const violent = evs.filter((e) => e.type !== 'Strategic developments');
    expect(violent).toHaveLength(1);
    expect(violent[0]!.fatalities?.best).toBe(9);
  });

  it('keeps the act a reference "came after" apart, with its own dead', () => {
    const evs = events([
      'A rocket hit a wedding hall in the town of Harib on Friday, killing 11 guests, officials said.',
      '',
      'The rocket attack came after the army announced that 40 rebels had been killed in operations on Friday near the town.',
    ].join('\n'), '2022-03-05');
    expect(evs).toHaveLength(2);
    expect(evs.map((e) => e.fatalities?.best).sort()).toEqual([11, 40]);
  });

  it('gives each town in "in X ..., while in Y ..." its own dead', () => {
    const evs = events([
      'Missiles struck several towns on Monday.',
      '',
      'In Kharkiv, the mayor reported 4 dead, while in Sumy three people were killed when a missile hit a depot, the regional governor said.',
    ].join('\n'), '2024-02-06');
    const sumy = evs.find((e) => e.location?.name === 'Sumy');
    expect(sumy?.fatalities?.best).toBe(3);
    expect(evs.every((e) => e.fatalities?.best !== 7)).toBe(true);
  });

  it('keeps a warning and a foiled plot from becoming events', () => {
    const evs = events([
      'Police foil grenade attack on Mombasa port; three held',
      '',
      'Police arrested three men on Tuesday in the port city of Mombasa and seized four grenades, officers said.',
      '',
      '"There were [rocket] alerts in the north during the operation," a spokesman said.',
    ].join('\n'), '2023-03-01');
    // one event, the arrests and seizure (not a grenade attack, not a shelling)
    expect(evs.map((e) => e.type)).toEqual(['Strategic developments']);
  });
});
