import { describe, expect, it } from 'vitest';
import { buildSituation } from './situation.js';
import { latestDevelopments } from './latest.js';
import { CIVILIANS, day, FixtureDoc, IRAQ_ARMY, ISIS, PLACES } from './fixtures.test-support.js';

const docs = () => [
  new FixtureDoc('old', 'Police detained a journalist in Kirkuk on Monday.', { published: '2016-10-10', outlet: 'Old News' })
    .place('Kirkuk', PLACES.kirkuk)
    .event('Police detained a journalist in Kirkuk on Monday', { type: 'Strategic developments', subType: 'Arrests', date: day('2016-10-10'), location: PLACES.kirkuk, actor1: IRAQ_ARMY })
    .build(),
  new FixtureDoc(
    'today-a',
    '- Gunmen killed 12 villagers near Nimrud on Saturday, officials said\n- Ministers met in Erbil to discuss aid on Sunday',
    { published: '2016-10-23', outlet: 'Wire' },
  )
    .place('Nimrud', PLACES.nimrud)
    .place('Erbil', PLACES.erbil)
    .event('Gunmen killed 12 villagers near Nimrud on Saturday', { type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: { ...PLACES.nimrud, precision: 2 }, actor1: ISIS, actor2: CIVILIANS, fatalities: { low: 12, best: 12, high: 12 } })
    .event('Ministers met in Erbil to discuss aid on Sunday', { type: 'Strategic developments', subType: 'Agreement', date: day('2016-10-23'), location: PLACES.erbil })
    .build(),
  new FixtureDoc('today-b', 'Militants shot dead about 15 villagers near Nimrud at the weekend.', { published: '2016-10-23', outlet: 'Paper' })
    .place('Nimrud', PLACES.nimrud)
    .event('Militants shot dead about 15 villagers near Nimrud at the weekend', { type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22', 2, '2016-10-23'), location: { ...PLACES.nimrud, precision: 2 }, actor1: ISIS, actor2: CIVILIANS, fatalities: { low: null, best: 15, high: null } })
    .build(),
];

describe('latest developments', () => {
  it('lists the last day of reporting, most important first, each line quoted from a report with its outlets', () => {
    const s = buildSituation(docs());
    const latest = latestDevelopments(s.events);
    const killing = s.events.find((e) => e.type === 'Violence against civilians')!;
    const meeting = s.events.find((e) => e.subType === 'Agreement')!;
    // The killing (told by two outlets, with deaths) outranks the meeting; last week's arrest is not of this day.
    expect(latest.map((l) => l.eventId)).toEqual([killing.id, meeting.id]);
    expect(latest[1]!.text).toBe('Ministers met in Erbil to discuss aid on Sunday');
    expect(latest[0]!.outlets.sort()).toEqual(['Paper', 'Wire']);
    // Every line is a sentence of one of the documents, word for word apart from the bullet mark.
    const texts = docs().map((d) => d.text);
    for (const l of latest) expect(texts.some((t) => t.includes(l.text))).toBe(true);
  });

  it('takes the period asked for and the limit', () => {
    const s = buildSituation(docs());
    expect(latestDevelopments(s.events, { period: { start: '2016-10-10', end: '2016-10-10' } }).map((l) => l.eventId)).toEqual([
      s.events.find((e) => e.subType === 'Arrests')!.id,
    ]);
    expect(latestDevelopments(s.events, { limit: 1 })).toHaveLength(1);
    expect(latestDevelopments([])).toEqual([]);
  });
});
