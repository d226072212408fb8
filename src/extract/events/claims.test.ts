import { describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../analyze/pipeline.js';
import { Doc } from '../../core/document.js';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { count } from '../../test-support/work-counter.js';

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
  it('does not give an event a denial of something else told between two of its mentions', () => {
    // The bombing is told first and last; the denial between is about arrests, three sentences after the
    // bombing's first mention. The look-back covers the two sentences before the cue, not every event that
    // is mentioned again later.
    const t =
      'A car bomb exploded outside the embassy in the capital on Friday, killing 12 people, police said. Investigators questioned more than 50 people in the city. The ambassador met the interior minister on Sunday. Officials gave no further details. A senior police official denied a newspaper report that more arrests had been made. Six people were held for questioning about the bombing, officials said.';
    const [e] = events(t);
    expect(e!.type).toBe('Explosions/Remote violence');
    expect(e!.certainty).toBe('reported');
  });
  it('gives a pronoun source the named speaker it stands for', () => {
    const he = events('Gunmen attacked the mayor\'s office in the town on Monday, said the district governor. The attackers killed 2 guards, he said.');
    expect(he[0]!.sources.map((s) => s.text)).toEqual(['the district governor']);
    const it = events('The army said rebels shelled a camp in the town on Monday. It said 3 soldiers were wounded in the shelling.');
    expect(it[0]!.sources.map((s) => s.text)).toEqual(['The army']);
  });
  it('names no source for a pronoun nobody stands for (a pronoun alone is no source), and does not give "he" an organisation', () => {
    const [e] = events('Gunmen attacked a police post in the town on Monday, killing 2 officers, he said.');
    expect(e!.sources).toEqual([]);
    const [f] = events('The ministry said gunmen attacked a police post in the town on Monday. The attackers killed 2 officers, he said.');
    expect(f!.sources.map((s) => s.text)).not.toContain('he');
    expect(f!.sources.map((s) => s.text)).toContain('The ministry');
  });
});

describe('event claims: the look-back of a certainty cue', () => {
  /** The events component's work (src/test-support/work-counter.ts) on `n` reports, each with a cue in a sentence of its own. */
  function eventsWork(n: number): number {
    // Each report on a day of its own (112 days in turn), so that reports are not grouped as one event.
    const months = ['January', 'February', 'March', 'April'];
    const unit = (i: number) =>
      `Gunmen killed ${(i % 9) + 2} villagers near a market on ${months[Math.floor(i / 28) % 4]} ${(i % 28) + 1}, residents said. The council met later to discuss roads. Officials could not verify the account. `;
    const text = Array.from({ length: n }, (_, i) => unit(i)).join('\n\n');
    const doc = new Doc(text, { id: 'cues', published: '2021-05-02', publishedFrom: 'input' });
    const pipeline = defaultPipeline();
    let work = 0;
    for (const c of pipeline.components) {
      if (c.name === 'events') work = count(() => c.run(doc)).work;
      else c.run(doc);
    }
    const events = doc.get('events');
    expect(events.length).toBeGreaterThanOrEqual(Math.min(n, 112));
    expect(events.every((e) => e.certainty === 'unverified')).toBe(true);
    return work;
  }
  it('stays bounded: ten times the reports and cues cost about ten times the work, not a hundred', () => {
    eventsWork(5); // models loaded outside the counts
    const ratio = eventsWork(400) / eventsWork(40);
    // Each cue once looked through every earlier event (18× here, growing with the length); now through two
    // sentences (11×).
    expect(ratio).toBeLessThanOrEqual(12);
  }, 600_000);
});
