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
