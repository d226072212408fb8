import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

function events(text: string) {
  const evs = analyzed(text, '2021-05-02').get('events');
  for (const e of evs) expectSpansMatch(text, e.sources);
  return evs;
}

// Reports written for these tests.
describe('event claims: sources and certainty', () => {
  it('gives the attribution as written', () => {
    const [e] = events('Militants shot dead 284 men in the city, an intelligence source told the paper.');
    expect(e!.sources.map((s) => s.text)).toEqual(['an intelligence source']);
    expect(e!.certainty).toBe('reported');
  });
  it('reads "could not verify" two sentences later for the killings it names', () => {
    const t = 'Militants shot dead 284 men in the city, an intelligence source said. The bodies were dumped in a grave. The paper could not independently confirm the killings.';
    expect(events(t)[0]!.certainty).toBe('unverified');
  });
  it('reads denials and keeps hedges as hedges', () => {
    const [d] = events('Gunmen attacked a police post in the town on Monday. The police denied that the attack took place.');
    expect(d!.certainty).toBe('denied');
    const [h] = events('Militants reportedly killed 3 soldiers at a check point on Monday.');
    expect(h!.certainty).toBe('reported');
    expect(h!.hedges!.map((x) => x.text)).toEqual(['reportedly']);
  });
  it('does not carry a doubt over to an unrelated event far away', () => {
    const t = 'Militants attacked a police post on Monday. Police arrested 3 men in another town. Officials met on Tuesday. The council met again. Protesters marched in the capital on Friday. The paper could not verify the figures.';
    expect(events(t)[0]!.certainty).toBe('reported');
  });
  it('gives a pronoun source the named speaker it stands for', () => {
    const he = events('Gunmen attacked the mayor\'s office in the town on Monday, said the district governor. The attackers killed 2 guards, he said.');
    expect(he[0]!.sources.map((s) => s.text)).toEqual(['the district governor']);
    const it = events('The army said rebels shelled a camp in the town on Monday. It said 3 soldiers were wounded in the shelling.');
    expect(it[0]!.sources.map((s) => s.text)).toEqual(['The army']);
  });
  it('keeps a pronoun nobody stands for, and does not give "he" an organisation', () => {
    const [e] = events('Gunmen attacked a police post in the town on Monday, killing 2 officers, he said.');
    expect(e!.sources.map((s) => s.text)).toEqual(['he']);
    const [f] = events('The ministry said gunmen attacked a police post in the town on Monday. The attackers killed 2 officers, he said.');
    expect(f!.sources.map((s) => s.text)).not.toContain('he');
    expect(f!.sources.map((s) => s.text)).toContain('The ministry');
  });
});
