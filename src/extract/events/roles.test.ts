import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

function first(text: string) {
  const e = analyzed(text, '2021-05-02').get('events')[0]!;
  return { sub: e.subType, a1: e.actor1?.name ?? null, a2: e.actor2?.name ?? null, dead: e.fatalities?.best ?? null };
}

// Reports written for these tests.
describe('clauseRoles', () => {
  it('counts the subject of "were reported killed" and of a passive after a reporting verb as the dead', () => {
    expect(first('On 1 May 2021, 15 fighters were reported killed in clashes with the army near Jilib, Somalia.').dead).toBe(15);
    expect(first('On 1 May 2021, an army spokesman said 9 militants had been killed in clashes near Jilib, Somalia.').dead).toBe(9);
  });
  it('does not count people who were reported missing or a speaker as dead', () => {
    expect(first('On 1 May 2021, soldiers clashed with militants near Jilib, Somalia; 4 people were reported missing.').dead).not.toBe(4);
  });
  it('gives a gerund after a preposition the subject of the main clause', () => {
    expect(first('On 1 May 2021, Somali troops entered Jilib after taking the nearby village of Bulo.').a1).toBe('Military Forces of Somalia');
  });
  it('reads the antecedent of "who" as the one who acted', () => {
    const r = first('On 1 May 2021, police in Mogadishu hunted al-Shabaab gunmen who attacked a hotel in the city.');
    expect(r.a1).toMatch(/Shabaab/);
    expect(r.a2).toBe('Police Forces of Somalia');
  });
  it('skips an actor inside a modifier of the subject ("allied against the military")', () => {
    const r = first('On 1 May 2021, rebel groups allied against the Myanmar military seized a town in Shan state.');
    expect(r.sub).toBe('Non-state actor overtakes territory');
    expect(r.a2).toBe('Military Forces of Myanmar');
    expect(first('On 1 May 2021, the Myanmar military seized a town in Shan state.').a1).toBe('Military Forces of Myanmar');
  });
  it('locates an act told in a relative clause at its antecedent, not at another place of the sentence', () => {
    const e = analyzed('On 1 May 2021, aid workers said families were sheltering in Kabul or in villages like Qarabagh and Istalif that were retaken last week.', '2021-05-02').get('events')[0]!;
    expect(e.subType).toBe('Government regains territory');
    expect(e.location?.name).not.toBe('Kabul');
    expect(['Qarabagh', 'Istālif', 'Istalif', 'Qarah Bagh', 'Qarabāgh']).toContain(e.location?.name);
    const f = analyzed('On 1 May 2021, troops retook Istalif, and families returned to Kabul.', '2021-05-02').get('events')[0]!;
    expect(f.location?.name).not.toBe('Kabul');
  });
});

describe('clauseRoles: a generic agent led by a named group', () => {
  it('takes the leading or linked group as the agent', () => {
    expect(first('On 1 May 2021, Hamas-led gunmen stormed a kibbutz near Sderot, killing 4 people.').a1).toBe('Hamas Movement');
    expect(first('On 1 May 2021, ADF-linked militants attacked a village near Beni, killing 6 civilians.').a1).toMatch(/ADF|Allied Democratic Forces/);
  });
  it('does not take a backer for the agent', () => {
    expect(first('On 1 May 2021, Turkish-backed fighters attacked a village near Afrin.').a1).not.toMatch(/Turkey/);
    expect(first('On 1 May 2021, Hamas-backed gunmen stormed a kibbutz near Sderot.').a1).not.toBe('Hamas Movement');
  });
});
