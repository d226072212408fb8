import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

// Reports written for these tests; each sentence tells one incident whose sides the parse must read.
function first(text: string) {
  const e = analyzed(text, '2022-06-05').get('events')[0]!;
  return { type: e.type, a1: e.actor1?.name ?? null, a2: e.actor2?.name ?? null, dead: e.fatalities?.best ?? null };
}

describe('event roles from the parse', () => {
  it('passive: the subject of a passive is the side acted on, not the one acting', () => {
    const e = first('On 4 June 2022, four soldiers of the Malian army were shot dead near Boni by jihadists.');
    expect(e.type).toBe('Battles');
    expect(e.a1).not.toBe('Military Forces of Mali');
    expect(e.a2).toBe('Military Forces of Mali');
  });

  it('by-phrase: the agent of a passive is its by-phrase, however far it stands from the verb', () => {
    const e = first('On 4 June 2022, a police patrol was attacked in the early hours of Saturday near the old market of Gao by fighters of the Islamic State.');
    expect(e.a1).toBe('Islamic State');
    expect(e.a2).toMatch(/^Police Forces/);
  });

  it('conjoined agents share the act, and the first named is actor 1', () => {
    const e = first('On 4 June 2022, troops and Koglweogo militiamen killed seven villagers in Barsalogho, Burkina Faso.');
    expect(e.type).toBe('Violence against civilians');
    expect(e.a1).toBe('Military Forces of Burkina Faso');
    expect(e.a2).toBe('Civilians (Burkina Faso)');
  });

  it('an adverbial "killing" clause takes the agent of the clause it hangs on', () => {
    const e = first('On 4 June 2022, fighters of the Islamic State, who arrived on motorcycles, opened fire on a market in Tillaberi, Niger, killing 12 people.');
    expect(e.type).toBe('Violence against civilians');
    expect(e.a1).toBe('Islamic State');
    expect(e.dead).toBe(12);
  });

  it('an apposition names the agent: "the attackers, members of X"', () => {
    const e = first('On 4 June 2022, the attackers, members of Ansaroul Islam, killed four traders at a market near Djibo, Burkina Faso.');
    expect(e.a1).toBe('Ansaroul Islam');
    expect(e.a2).toBe('Civilians (Burkina Faso)');
  });

  it('reported speech: the one who tells it is no side of the act', () => {
    const a = first('On 4 June 2022, the army said jihadists killed six soldiers near Boni, Mali.');
    expect(a.a1).not.toBe('Military Forces of Mali');
    expect(a.a2).toBe('Military Forces of Mali');
    const b = first('On 4 June 2022, police said three farmers were shot dead near Jos, Nigeria.');
    expect(b.a1).not.toMatch(/^Police Forces/);
    expect(b.a2).toBe('Civilians (Nigeria)');
  });
});
