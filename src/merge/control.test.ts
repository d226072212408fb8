import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { scanControl } from '../extract/control/triggers.js';
import { viewOf } from './derive.js';
import { buildSituation } from './situation.js';
import { day, FixtureDoc, IRAQ_ARMY, ISIS, PLACES } from './fixtures.test-support.js';

function claims(text: string, places: [string, keyof typeof PLACES][], published = '2016-10-23') {
  const f = new FixtureDoc('c', text, { published, outlet: 'Desk' });
  for (const [phrase, key] of places) f.place(phrase, PLACES[key]);
  const d = f.build();
  const out = scanControl(viewOf(d));
  for (const c of out) expectSpansMatch(d.text, [c.trigger, ...(c.holder ? [c.holder] : []), ...(c.previous ? [c.previous] : [])]);
  return out.map((c) => ({ place: c.place.name, how: c.trigger.text, holder: c.holder?.text ?? null, previous: c.previous?.text ?? null }));
}

describe('territory changes in sentences', () => {
  it('reads an active capture with its subject and the side it was taken from', () => {
    expect(claims('Iraqi troops recaptured Bartella from ISIS on Sunday.', [['Bartella', 'bartella']])).toEqual([
      { place: 'Bartella', how: 'recaptured', holder: 'Iraqi troops', previous: 'ISIS' },
    ]);
  });

  it('steps over an aside to find the subject, and says when only part of a place changed hands', () => {
    const d = new FixtureDoc('p', "The ministry says its troops, with allied support, reclaimed two districts in Mosul from the militants.", { published: '2016-11-12' })
      .place('Mosul', PLACES.mosul)
      .build();
    const [c] = scanControl(viewOf(d));
    expect(c?.holder?.text).toBe('its troops');
    expect(c?.previous?.text).toBe('the militants');
    expect(c?.part).toBe(true);
    const whole = new FixtureDoc('w', 'Troops retook Mosul.', { published: '2016-11-12' }).place('Mosul', PLACES.mosul).build();
    expect(scanControl(viewOf(whole))[0]?.part).toBe(false);
  });

  it('steps over a time phrase before the subject, and names no holder for a pronoun', () => {
    expect(claims('Early on Sunday Kurdish fighters took back Bartella.', [['Bartella', 'bartella']])[0]?.holder).toBe('Kurdish fighters');
    expect(claims('The army said on Sunday they took back Bartella.', [['Bartella', 'bartella']])[0]?.holder).toBeNull();
  });

  it('takes the places a passive is about, not every place before it, and not reference points', () => {
    expect(claims('Families live in Erbil or in towns like Qaraqosh and Bartella that were retaken last month.', [['Erbil', 'erbil'], ['Qaraqosh', 'qaraqosh'], ['Bartella', 'bartella']]).map((c) => c.place)).toEqual(['Qaraqosh', 'Bartella']);
    expect(claims('In Kirkuk, police said they had killed or captured the last of the gunmen.', [['Kirkuk', 'kirkuk']])).toEqual([]);
    expect(claims('Troops took back Qaraqosh east of Mosul on Sunday.', [['Qaraqosh', 'qaraqosh'], ['Mosul', 'mosul']]).map((c) => c.place)).toEqual(['Qaraqosh']);
  });

  it('reads passives and headline participles, with the agent when given', () => {
    expect(claims('The town of Qaraqosh had been liberated by the army, a general said.', [['Qaraqosh', 'qaraqosh']])).toEqual([
      { place: 'Qaraqosh', how: 'liberated', holder: 'the army', previous: null },
    ]);
    expect(claims('- Two towns, Qaraqosh and Bartella, freed over the weekend', [['Qaraqosh', 'qaraqosh'], ['Bartella', 'bartella']]).map((c) => c.place)).toEqual([
      'Qaraqosh',
      'Bartella',
    ]);
  });

  it('reads militants returning after forces left', () => {
    expect(claims('Jihadist militants hid near Nimrud and returned after the soldiers left.', [['Nimrud', 'nimrud']])).toEqual([
      { place: 'Nimrud', how: 'returned', holder: 'Jihadist militants', previous: 'the soldiers' },
    ]);
  });

  it('reads "fell to"', () => {
    expect(claims('Mosul fell to the Islamic State in June 2014.', [['Mosul', 'mosul']])).toEqual([
      { place: 'Mosul', how: 'fell to', holder: 'the Islamic State', previous: null },
    ]);
  });

  it('ignores intentions, plans, negations and places not named', () => {
    expect(claims('The operation aims to free Mosul from the militants.', [['Mosul', 'mosul']])).toEqual([]);
    expect(claims('Commanders hope to retake Mosul by the end of the year.', [['Mosul', 'mosul']])).toEqual([]);
    expect(claims('Troops have not yet captured Mosul.', [['Mosul', 'mosul']])).toEqual([]);
    expect(claims('Reporters saw forces freeing villages and moving on.', [])).toEqual([]);
  });
});

describe('control history', () => {
  it('does not count a coded takeover that its report only states as an aim', () => {
    const d = new FixtureDoc('aim', 'Thousands of troops are in an operation to free Mosul from the group.', { published: '2016-10-23', outlet: 'W' })
      .place('Mosul', PLACES.mosul)
      .event('an operation to free Mosul from the group', {
        type: 'Battles', subType: 'Government regains territory', date: day('2016-10-23'), location: PLACES.mosul, actor1: IRAQ_ARMY, actor2: ISIS,
      });
    const s = buildSituation([d.build()]);
    expect([...s.control.values()].flat()).toEqual([]);
    expect(s.events).toHaveLength(1);
  });


  it('orders a place\'s changes in time, coded events and sentences combined, with sources', () => {
    const old = new FixtureDoc('hist', 'The group seized Qaraqosh two years ago, residents recall.', { published: '2016-10-20', outlet: 'Paper' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .time('two years', 'DURATION', 'P2Y');
    const now = new FixtureDoc('now', 'Iraqi forces retook Qaraqosh on Saturday. Residents said Qaraqosh was freed by the army.', { published: '2016-10-23', outlet: 'Wire' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .place('Qaraqosh', PLACES.qaraqosh, 2)
      .time('Saturday', 'DATE', '2016-10-22')
      .event('Iraqi forces retook Qaraqosh on Saturday', {
        type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS,
      });
    const s = buildSituation([old.build(), now.build()]);
    const place = [...s.entities.values()].find((p) => p.name === 'Qaraqosh')!;
    const tl = s.control.get(place.id)!;
    expect(tl.map((c) => c.how)).toEqual(['seized', 'retook', 'freed']);
    expect(tl[0]!.holder).toBe('The group');
    expect(tl[0]!.date!.end < '2015-01-01').toBe(true);
    expect(tl[1]!.holder).toBe(IRAQ_ARMY.name);
    expect(tl[1]!.eventId).toBe(s.events[0]!.id);
    expect(tl[2]!.sources[0]!.documentId).toBe('now');
  });

  it('folds a change told again with the holder named only by a pronoun into the named one', () => {
    const a = new FixtureDoc('a', 'The army said its troops had retaken Bartella on Sunday.', { published: '2016-10-23', outlet: 'A' })
      .place('Bartella', PLACES.bartella)
      .time('Sunday', 'DATE', '2016-10-23');
    const b = new FixtureDoc('b', 'Kurdish fighters retook Bartella on Sunday.', { published: '2016-10-24', outlet: 'B' })
      .place('Bartella', PLACES.bartella)
      .time('Sunday', 'DATE', '2016-10-23');
    const s = buildSituation([a.build(), b.build()]);
    const tl = [...s.control.values()][0]!;
    expect(tl).toHaveLength(1);
    expect(tl[0]!.holder).toBe('Kurdish fighters');
    expect(tl[0]!.sources).toHaveLength(2);
  });
});
