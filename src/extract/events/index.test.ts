import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { toAnalysis } from '../../analyze/output.js';

// A wire-style report written for this test.
const REPORT = [
  'Militants kill 12 villagers in night raid',
  'Gunmen attacked the village of Kachia late on Saturday, killing 12 villagers and abducting 4 others, a local official said.',
  'The police could not independently verify the toll.',
  'In 2014 the same group seized the town of Gwoza.',
  'Separately, the defence ministers of two neighbouring countries met on Sunday to discuss border security.',
].join('\n');

describe('events component', () => {
  const doc = analyzed(REPORT, '2021-05-03');
  const evs = doc.get('events');

  it('keeps every span on the text', () => {
    expectSpansMatch(REPORT, evs);
    for (const e of evs) {
      expectSpansMatch(REPORT, e.sources);
      for (const s of e.evidence ?? []) expect(s.end).toBeGreaterThan(s.start);
    }
    const json = JSON.parse(JSON.stringify(toAnalysis(doc)));
    expect(json.events.length).toBe(evs.length);
  });
  it('puts the main event first, with its date, fatalities, source and certainty', () => {
    const e = evs[0]!;
    expect(`${e.type} / ${e.subType}`).toBe('Violence against civilians / Attack');
    expect(e.fatalities?.best).toBe(12);
    expect(e.date).toMatchObject({ start: '2021-05-01' });
    expect(e.sources.map((s) => s.text)).toContain('a local official');
    expect(e.certainty).toBe('unverified');
    expect(e.evidence!.length).toBeGreaterThanOrEqual(2);
  });
  it('codes no event for background older than the reporting window (a year)', () => {
    expect(evs.find((e) => e.subType === 'Non-state actor overtakes territory')).toBeUndefined();
    expect(evs.some((e) => e.date && e.date.end < '2020-05-03')).toBe(false);
  });
  it('codes the past act of a short note that tells nothing newer (an archive note)', () => {
    const note = analyzed('In 2014 militants seized the town of Gwoza in Borno state.', '2021-05-03').get('events');
    expect(note.map((e) => [e.subType, e.date?.start])).toEqual([['Non-state actor overtakes territory', '2014-01-01']]);
  });
  it('tells one incident once: headline, lead and a later retelling are one event', () => {
    const text = [
      'Gunmen kill 9 in market attack',
      'Gunmen on motorbikes opened fire on a crowded market in the town of Bama on Tuesday, killing nine traders, a local official said.',
      'Residents said the attackers set several stalls on fire before fleeing.',
      'The attack was the second on the town this month, the official added.',
    ].join('\n\n');
    const got = analyzed(text, '2021-05-05').get('events');
    expect(got.length).toBe(1);
    expect(got[0]!.fatalities?.best).toBe(9);
    expect(got[0]!.evidence!.length).toBeGreaterThanOrEqual(3);
  });
  it('codes a meeting of ministers as a strategic development at most, and last', () => {
    const m = evs.filter((e) => /met on Sunday/.test(e.text));
    for (const e of m) expect(e.type).toBe('Strategic developments');
    if (m.length) expect(evs.indexOf(m[0]!)).toBe(evs.length - 1);
  });
  it('never throws on odd text', () => {
    for (const t of ['', '  \n ', '😀 killed 😀', 'قتل 5 جنود في كابل.', '"(( attacked ) killed 3 \' soldiers', 'killed. '.repeat(500)]) {
      expect(() => analyzed(t, '2021-05-03').get('events')).not.toThrow();
    }
  });
  it('codes nothing in an undated text without acts', () => {
    expect(analyzed('The committee discussed the budget.', null).get('events')).toEqual([]);
  });
});

describe('events: a note dated after its own publication', () => {
  it('keeps an act told as done and dates it by the publication; drops one announced', () => {
    const done = analyzed('On 9 June 2021, workers in Velgaro staged a march to demand higher wages. [size=no report]', '2021-01-06').get('events');
    expect(done.map((e) => `${e.type} ${e.date?.start} ${e.date?.end}`)).toEqual(['Protests 2021-01-05 2021-01-06']);
    expect(analyzed('Unions said workers will march in Velgaro on 9 June 2021.', '2021-01-06').get('events')).toEqual([]);
  });
});
