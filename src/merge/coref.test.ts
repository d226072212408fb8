import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { mergedCertainty, mergedFatalities, tollsAgree } from './coref.js';
import { buildSituation } from './situation.js';
import { CIVILIANS, day, FixtureDoc, IRAQ_ARMY, ISIS, PLACES } from './fixtures.test-support.js';
import type { SituationDoc } from './input.js';

function merge(docs: SituationDoc[]) {
  return buildSituation(docs).events;
}

const battleA = () =>
  new FixtureDoc('wire-1', 'Iraqi troops retook Qaraqosh on Saturday after two days of fighting in which 40 militants died, officers said.', {
    published: '2016-10-23',
    outlet: 'Wire One',
  })
    .place('Qaraqosh', PLACES.qaraqosh)
    .event('Iraqi troops retook Qaraqosh on Saturday', {
      type: 'Battles',
      subType: 'Government regains territory',
      date: day('2016-10-22'),
      location: PLACES.qaraqosh,
      actor1: IRAQ_ARMY,
      actor2: ISIS,
      fatalities: { low: 40, best: 40, high: 40 },
      sources: ['officers'],
    });

const battleB = () =>
  new FixtureDoc('paper-7', 'The army says it took back the Christian town of Qaraqosh over the weekend; a local doctor counted about 60 dead fighters.', {
    published: '2016-10-24',
    outlet: 'Daily Paper',
  })
    .place('Qaraqosh', PLACES.qaraqosh)
    .event('it took back the Christian town of Qaraqosh over the weekend', {
      type: 'Battles',
      subType: 'Government regains territory',
      date: day('2016-10-22', 2, '2016-10-23'),
      location: PLACES.qaraqosh,
      actor1: { name: 'Iraqi Army', inter: 1 },
      actor2: { name: 'ISIS', inter: 2 },
      fatalities: { low: null, best: 60, high: null },
      sources: ['The army'],
    });

describe('event coreference', () => {
  it('joins two outlets reporting one battle, with all sources, the conservative toll and a reason', () => {
    const docs = [battleA().build(), battleB().build()];
    const evs = merge(docs);
    expect(evs).toHaveLength(1);
    const ev = evs[0]!;
    expect(ev.sources.map((s) => s.documentId)).toEqual(['wire-1', 'paper-7']);
    expect(ev.corroboration).toBe(2);
    expect(ev.fatalities).toEqual({ low: 40, best: 40, high: 60 });
    expect(ev.date).toEqual({ start: '2016-10-22', end: '2016-10-22', precision: 1 });
    expect(ev.reasons).toHaveLength(1);
    expect(ev.reasons[0]).toMatch(/dates overlap/);
    expect(ev.reasons[0]).toMatch(/same place/);
    expect(ev.reasons[0]).toMatch(/actors agree/);
    for (const s of ev.sources) {
      const d = docs.find((x) => x.record.id === s.documentId)!;
      expectSpansMatch(d.text, [s, s.sentence]);
    }
  });

  it('never joins reports whose dates cannot overlap, even at one place with one perpetrator', () => {
    const oct = new FixtureDoc('a', 'Gunmen of the group shot dozens of men in Mosul on Thursday and Friday, a source said.', { published: '2016-10-23', outlet: 'A' })
      .place('Mosul', PLACES.mosul)
      .event('Gunmen of the group shot dozens of men in Mosul on Thursday and Friday', {
        type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-20', 1, '2016-10-21'), location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS,
      });
    const nov = new FixtureDoc('b', 'The UN says the group is carrying out mass killings of civilians in Mosul.', { published: '2016-11-12', outlet: 'B' })
      .place('Mosul', PLACES.mosul)
      .event('the group is carrying out mass killings of civilians in Mosul', {
        type: 'Violence against civilians', subType: 'Attack', date: day('2016-11-12', 2), location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS,
      });
    const evs = merge([oct.build(), nov.build()]);
    expect(evs).toHaveLength(2);
    expect(evs.map((e) => e.date?.start)).toEqual(['2016-10-20', '2016-11-12']);
  });

  it('does not let a chain of overlapping reports join two reports that do not overlap', () => {
    const mk = (id: string, start: string, end: string) =>
      new FixtureDoc(id, `Fighting went on near Kirkuk (${id}).`, { published: end, outlet: id })
        .place('Kirkuk', PLACES.kirkuk)
        .event('Fighting went on near Kirkuk', { type: 'Battles', subType: 'Armed clash', date: day(start, 2, end), location: PLACES.kirkuk, actor1: ISIS })
        .build();
    const docs = [mk('x', '2016-10-01', '2016-10-06'), mk('y', '2016-10-05', '2016-10-10'), mk('z', '2016-10-09', '2016-10-14')];
    const evs = merge(docs);
    for (const ev of evs) {
      const ids = ev.sources.map((s) => s.documentId);
      expect(ids.includes('x') && ids.includes('z')).toBe(false);
      // Every merged event's reports share a day.
      expect(ev.date).not.toBeNull();
    }
    expect(evs.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps apart reports from places farther apart than their precision allows', () => {
    const b = battleB();
    const far = new FixtureDoc('far', 'Troops retook Kirkuk over the weekend.', { published: '2016-10-24', outlet: 'Far' })
      .place('Kirkuk', PLACES.kirkuk)
      .event('Troops retook Kirkuk over the weekend', { type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22', 2, '2016-10-23'), location: PLACES.kirkuk, actor1: IRAQ_ARMY, actor2: ISIS });
    expect(merge([b.build(), far.build()])).toHaveLength(2);
  });

  it('allows nearby points when one report is vague about the place ("near Qaraqosh")', () => {
    const near = new FixtureDoc('near', 'Clashes were reported near Bartella on Saturday.', { published: '2016-10-23', outlet: 'Near' })
      .place('Bartella', PLACES.bartella)
      .event('Clashes were reported near Bartella on Saturday', { type: 'Battles', subType: 'Armed clash', date: day('2016-10-22'), location: { ...PLACES.bartella, precision: 2 }, actor1: IRAQ_ARMY, actor2: ISIS });
    const evs = merge([battleA().build(), near.build()]);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.reasons[0]).toMatch(/km apart/);
    // The more precise report's place and sub-type win.
    expect(evs[0]!.location?.name).toBe('Qaraqosh');
  });

  it('aligns two reports naming one village the gazetteer lacks in the same area, and keeps two such villages apart', () => {
    // Made-up villages, coded (as the analysis codes them) at Nineveh's seat with precision 3.
    const village = (name: string) => ({ name, lat: 36.335, lon: 43.119, country: 'IQ', admin1: 'Nineveh', geonameId: null, kind: 'city' as const, unresolved: true as const, area: 'Nineveh', precision: 3 as const });
    const report = (id: string, outlet: string, name: string) =>
      new FixtureDoc(id, `Militants stormed the village of ${name} on Saturday, killing five villagers.`, { published: '2016-10-23', outlet })
        .place(name, village(name))
        .event(`Militants stormed the village of ${name} on Saturday`, {
          type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: village(name), actor1: ISIS, actor2: CIVILIANS,
          fatalities: { low: 5, best: 5, high: 5 },
        })
        .build();
    const same = merge([report('a', 'A', 'Kelmoya'), report('b', 'B', 'Kelmoya')]);
    expect(same).toHaveLength(1);
    expect(same[0]!.location).toMatchObject({ name: 'Kelmoya', unresolved: true, precision: 3 });
    expect(same[0]!.reasons[0]).toMatch(/same place \(Kelmoya\)/);
    // Two villages at their province's one point are two places.
    expect(merge([report('a', 'A', 'Kelmoya'), report('c', 'C', 'Tobilega')])).toHaveLength(2);
  });

  it('keeps apart reports naming different armed groups', () => {
    const other = new FixtureDoc('o', 'Taliban fighters took Qaraqosh on Saturday.', { published: '2016-10-23', outlet: 'O' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Taliban fighters took Qaraqosh on Saturday', { type: 'Battles', subType: 'Armed clash', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: { name: 'Taliban', inter: 2 }, actor2: IRAQ_ARMY });
    expect(merge([battleA().build(), other.build()])).toHaveLength(2);
  });

  it('joins a battle and an air strike at one time and place, but not a battle and an attack on civilians', () => {
    const strike = new FixtureDoc('s', 'Coalition jets bombed positions in Qaraqosh on Saturday.', { published: '2016-10-23', outlet: 'S' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Coalition jets bombed positions in Qaraqosh on Saturday', { type: 'Explosions/Remote violence', subType: 'Air/drone strike', date: day('2016-10-22'), location: PLACES.qaraqosh, actor2: ISIS });
    expect(merge([battleA().build(), strike.build()])).toHaveLength(1);
    const vac = new FixtureDoc('v', 'Militants shot villagers in Qaraqosh on Saturday.', { published: '2016-10-23', outlet: 'V' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Militants shot villagers in Qaraqosh on Saturday', { type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: ISIS, actor2: CIVILIANS });
    expect(merge([battleA().build(), vac.build()])).toHaveLength(2);
  });

  it('counts independent outlets, not articles', () => {
    const a = battleA();
    const again = new FixtureDoc('wire-2', 'Iraqi troops retook Qaraqosh on Saturday, officers said in an update.', { published: '2016-10-23', outlet: 'Wire One' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Iraqi troops retook Qaraqosh on Saturday', { type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS });
    const evs = merge([a.build(), again.build()]);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.sources).toHaveLength(2);
    expect(evs[0]!.corroboration).toBe(1);
  });

  it('counts a wire story carried word for word by two outlets as one report', () => {
    const text = 'Iraqi troops retook Qaraqosh on Saturday, officers said.';
    const copy = (id: string, outlet: string) => {
      const d = new FixtureDoc(id, text, { published: '2016-10-23', outlet })
        .place('Qaraqosh', PLACES.qaraqosh)
        .event('Iraqi troops retook Qaraqosh on Saturday', { type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS })
        .build();
      return { ...d, textHash: 'same-text' };
    };
    const evs = merge([copy('w1', 'Paper One'), copy('w2', 'Paper Two'), battleB().build()]);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.outlets).toHaveLength(3);
    expect(evs[0]!.corroboration).toBe(2);
  });

  it('joins an undated report to a dated event when place, sub-type, actors and toll agree; it takes the event’s date, and the reason says so', () => {
    const undated = (id: string, fatalities: { low: number | null; best: number | null; high: number | null } | null, subType = 'Government regains territory') =>
      new FixtureDoc(id, 'Iraqi troops retook Qaraqosh after fighting in which 45 militants died.', { outlet: `Undated ${id}` })
        .place('Qaraqosh', PLACES.qaraqosh)
        .event('Iraqi troops retook Qaraqosh', { type: 'Battles', subType, date: null, location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS, fatalities })
        .build();
    const evs = merge([battleA().build(), undated('u1', { low: 45, best: 45, high: 45 })]);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.date).toEqual({ start: '2016-10-22', end: '2016-10-22', precision: 1 });
    expect(evs[0]!.sources.map((s) => s.documentId)).toEqual(['wire-1', 'u1']);
    expect(evs[0]!.reasons[0]).toMatch(/undated report takes the event's date \(2016-10-22\)/);
    // Without a toll in both, or with another sub-type, or a toll that disagrees, it stays apart.
    expect(merge([battleA().build(), undated('u2', null)])).toHaveLength(2);
    expect(merge([battleA().build(), undated('u3', { low: 45, best: 45, high: 45 }, 'Armed clash')])).toHaveLength(2);
    expect(merge([battleA().build(), undated('u4', { low: 400, best: 400, high: 400 })])).toHaveLength(2);
    // Two undated reports: nothing dates them.
    expect(merge([undated('u5', { low: 45, best: 45, high: 45 }), undated('u6', { low: 45, best: 45, high: 45 })])).toHaveLength(2);
  });

  it('does not join across documents when one report has no place or no date', () => {
    const noPlace = new FixtureDoc('np', 'Iraqi troops retook a town on Saturday.', { published: '2016-10-23', outlet: 'NP' })
      .event('Iraqi troops retook a town on Saturday', { type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22'), actor1: IRAQ_ARMY, actor2: ISIS });
    expect(merge([battleA().build(), noPlace.build()])).toHaveLength(2);
    const noDate = new FixtureDoc('nd', 'Iraqi troops retook Qaraqosh.', { outlet: 'ND' })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Iraqi troops retook Qaraqosh', { type: 'Battles', subType: 'Government regains territory', date: null, location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS });
    expect(merge([battleA().build(), noDate.build()])).toHaveLength(2);
  });

  it('joins two events of one document only when they agree on sub-type, place and how precisely they are dated', () => {
    const text = 'Militants shot 30 men in Mosul, a source said. On Saturday they killed villagers in Mosul, an official said.';
    const mk = (first: ReturnType<typeof day>) =>
      new FixtureDoc('one', text, { published: '2016-10-23', outlet: 'W' })
        .place('Mosul', PLACES.mosul)
        .event('Militants shot 30 men in Mosul', { type: 'Violence against civilians', subType: 'Attack', date: first, location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS })
        .event('they killed villagers in Mosul', { type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS })
        .build();
    // Dated to the week by one report and to the day by the other: the extractor kept them apart, and so do we.
    expect(merge([mk(day('2016-10-17', 2, '2016-10-23'))])).toHaveLength(2);
    // Both told of Saturday: one event told twice.
    expect(merge([mk(day('2016-10-22'))])).toHaveLength(1);
  });

  it('is recomputed from scratch: a new report joins, and the event keeps its id', () => {
    const before = merge([battleA().build()]);
    const after = merge([battleA().build(), battleB().build()]);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.sources).toHaveLength(2);
  });
});

describe('death tolls of one event', () => {
  it('agree within their hedges or a factor of two, and not beyond', () => {
    expect(tollsAgree({ low: 50, best: 50, high: null }, { low: null, best: 200, high: null })).toBeTruthy();
    expect(tollsAgree({ low: 3, best: 3, high: 3 }, { low: 5, best: 5, high: 5 })).toBeTruthy();
    expect(tollsAgree({ low: 1, best: 1, high: 1 }, { low: 16, best: 16, high: 16 })).toBe(false);
    expect(tollsAgree({ low: 2, best: 2, high: 2 }, { low: 5, best: 5, high: 5 })).toBe(false);
    expect(tollsAgree(null, { low: 5, best: 5, high: 5 })).toBeNull();
  });

  it('keep apart two attacks on one day and place with very different tolls', () => {
    const mk = (id: string, n: number) =>
      new FixtureDoc(id, `Militants killed ${n} soldiers in Kirkuk on Monday.`, { published: '2016-10-18', outlet: id })
        .place('Kirkuk', PLACES.kirkuk)
        .event(`Militants killed ${n} soldiers in Kirkuk on Monday`, {
          type: 'Battles', subType: 'Armed clash', date: day('2016-10-17'), location: PLACES.kirkuk, actor1: ISIS, actor2: IRAQ_ARMY, fatalities: { low: n, best: n, high: n },
        })
        .build();
    expect(merge([mk('a', 1), mk('b', 16)])).toHaveLength(2);
    expect(merge([mk('a', 4), mk('b', 5)])).toHaveLength(1);
  });

  it('keep apart losses of the police and of the army', () => {
    const mk = (id: string, victim: { name: string; inter: number }) =>
      new FixtureDoc(id, 'Militants attacked a post in Kirkuk on Monday.', { published: '2016-10-18', outlet: id })
        .place('Kirkuk', PLACES.kirkuk)
        .event('Militants attacked a post in Kirkuk on Monday', { type: 'Battles', subType: 'Armed clash', date: day('2016-10-17'), location: PLACES.kirkuk, actor1: ISIS, actor2: victim })
        .build();
    expect(merge([mk('a', { name: 'Police Forces of Iraq', inter: 1 }), mk('b', IRAQ_ARMY)])).toHaveLength(2);
    expect(merge([mk('a', { name: 'Iraqi troops', inter: 1 }), mk('b', IRAQ_ARMY)])).toHaveLength(1);
  });

  it('join police and army named for one attack only when place, day, sub-type, the other side and the toll all agree', () => {
    const mk = (id: string, victim: { name: string; inter: number }, dead: number | null) =>
      new FixtureDoc(id, `Militants stormed buildings in Kirkuk on Friday; dozens died, ${id === 'a' ? 'police' : 'officers'} said.`, { published: '2016-10-22', outlet: id })
        .place('Kirkuk', PLACES.kirkuk)
        .event('Militants stormed buildings in Kirkuk on Friday', {
          type: 'Battles', subType: 'Armed clash', date: day('2016-10-21'), location: PLACES.kirkuk, actor1: ISIS, actor2: victim,
          ...(dead === null ? {} : { fatalities: { low: dead, best: dead, high: dead } }),
        })
        .build();
    const police = { name: 'Police Forces of Iraq', inter: 1 };
    const joined = merge([mk('a', police, 46), mk('b', IRAQ_ARMY, 46)]);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.corroboration).toBe(2);
    // Without a toll in both, or with tolls that differ, police and army losses stay two attacks.
    expect(merge([mk('a', police, null), mk('b', IRAQ_ARMY, 46)])).toHaveLength(2);
    expect(merge([mk('a', police, 3), mk('b', IRAQ_ARMY, 46)])).toHaveLength(2);
  });

  it('join a report placed only in a province to a precise one only when they agree on what and who', () => {
    const province = { name: 'Nineveh', lat: 36.0, lon: 42.8, country: 'IQ', admin1: 'Nineveh', kind: 'admin1' as const, precision: 3 as const };
    const vague = (subType: string) =>
      new FixtureDoc('v', 'Troops took a town in Nineveh province on Saturday.', { published: '2016-10-23', outlet: 'V' })
        .place('Nineveh', province)
        .event('Troops took a town in Nineveh province on Saturday', { type: 'Battles', subType, date: day('2016-10-22'), location: province, actor1: IRAQ_ARMY, actor2: ISIS })
        .build();
    expect(merge([battleA().build(), vague('Government regains territory')])).toHaveLength(1);
    expect(merge([battleA().build(), vague('Armed clash')])).toHaveLength(2);
  });
});

describe('merged fatalities and certainty', () => {
  it('takes the most conservative figure as best and the range over all reports', () => {
    expect(mergedFatalities([{ low: 50, best: null, high: null }, { low: null, best: 200, high: null }])).toEqual({ low: 50, best: 50, high: 200 });
    expect(mergedFatalities([null, { low: null, best: null, high: null }])).toBeNull();
    expect(mergedFatalities([{ low: 3, best: 3, high: 3 }])).toEqual({ low: 3, best: 3, high: 3 });
  });

  it('confirms on any confirmation, disputes on denial against assertion, stays unverified only if all are', () => {
    expect(mergedCertainty(['unverified', 'unverified'])).toBe('unverified');
    expect(mergedCertainty(['unverified', 'reported'])).toBe('reported');
    expect(mergedCertainty(['reported', 'confirmed'])).toBe('confirmed');
    expect(mergedCertainty(['reported', 'denied'])).toBe('disputed');
    expect(mergedCertainty(['denied'])).toBe('denied');
  });
});

describe('event coreference: sides named in either order', () => {
  it('lines the sides of each report up before choosing, so no side is chosen twice', () => {
    const a = battleA().build();
    const swapped = new FixtureDoc('radio-3', 'Militants of the group fought the army in Qaraqosh on Saturday before the town fell, residents said.', {
      published: '2016-10-23',
      outlet: 'Radio Three',
    })
      .place('Qaraqosh', PLACES.qaraqosh)
      .event('Militants of the group fought the army in Qaraqosh on Saturday', {
        type: 'Battles',
        subType: 'Government regains territory',
        date: day('2016-10-22'),
        location: PLACES.qaraqosh,
        // A longer name for the group (chosen as the more specific) on the first side, the army on the second.
        actor1: { name: 'Islamic State (Iraq)', inter: 2 },
        actor2: { name: 'Military Forces of Iraq (2014-)', inter: 1 },
        fatalities: null,
        sources: ['residents'],
      })
      .build();
    const evs = merge([a, swapped]);
    expect(evs).toHaveLength(1);
    const ev = evs[0]!;
    // The orientation is the first report's; either way both sides are there, once each.
    expect([ev.actor1?.inter, ev.actor2?.inter].sort()).toEqual([1, 2]);
  });
});
