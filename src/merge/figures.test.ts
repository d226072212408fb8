import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import type { Figure } from './figures.js';
import { buildSituation } from './situation.js';
import { day, FixtureDoc, IRAQ_ARMY, ISIS, PLACES } from './fixtures.test-support.js';
import type { SituationDoc } from './input.js';

// Fixture quantities carry the source the analysis attributes them to (extract/claims/attribution.ts), as
// stored records do: the figures reader takes it from there and reads no attribution of its own.
function figures(docs: SituationDoc[]): Figure[] {
  return buildSituation(docs).figures;
}

function holding(figs: Figure[], ...values: number[]): Figure[] {
  return figs.filter((f) => values.every((v) => f.claims.some((c) => c.value === v)));
}

const fighters = () =>
  new FixtureDoc(
    'wire-fighters',
    'The coalition far outnumbers the defenders. Up to 5,000 jihadist fighters remain in Mosul, an American commander said. Backers of the group put the number at 7,000.',
    { published: '2016-10-23', outlet: 'Wire One' },
  )
    .place('Mosul', PLACES.mosul)
    .quantity('Up to 5,000 jihadist fighters', { high: 5000, what: 'jihadist fighters' }, 1, 'an American commander')
    .quantity('7,000', { best: 7000 }, 1, 'Backers of the group');

const fled = () =>
  new FixtureDoc('radio-fled', 'We hear from the World Health Organization that as many as 48,000 people have fled Mosul so far.', {
    published: '2016-11-12',
    outlet: 'Radio Two',
  })
    .place('Mosul', PLACES.mosul)
    .quantity('as many as 48,000 people', { high: 48000, what: 'people' }, 1, 'the World Health Organization');

const displaced = () =>
  new FixtureDoc('paper-displaced', 'More than 50,000 residents have been displaced from Mosul, the aid agency said on Saturday.', {
    published: '2016-11-12',
    outlet: 'Paper Three',
  })
    .place('Mosul', PLACES.mosul)
    .time('Saturday', 'DATE', '2016-11-12')
    .quantity('More than 50,000 residents', { low: 50000, what: 'residents' }, 1, 'the aid agency');

describe('figures', () => {
  it('sets an upper bound against a higher count told by other people as contested, each claim with its source', () => {
    const doc = fighters().build();
    const figs = figures([doc]);
    const [f] = holding(figs, 5000, 7000);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(true);
    expect(f!.where).toBe('Mosul');
    expect(f!.claims.map((c) => c.source)).toEqual(['an American commander', 'Backers of the group']);
    expectSpansMatch(doc.text, f!.claims);
    expectSpansMatch(doc.text, f!.claims.map((c) => c.sentence));
  });

  it('groups "people fled" with "residents displaced" across documents and sees the bounds cannot both hold', () => {
    const figs = figures([fled().build(), displaced().build()]);
    const [f] = holding(figs, 48000, 50000);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(true);
    expect(f!.key).toBe('people|displaced');
    // One day: claims are shown by document id.
    expect(f!.claims.map((c) => c.source)).toEqual(['the aid agency', 'the World Health Organization']);
    expect(f!.claims.map((c) => c.outlet)).toEqual(['Paper Three', 'Radio Two']);
  });

  it('does not contest claims that agree within their hedges', () => {
    const a = new FixtureDoc('a', 'About 900 militants were killed last month, the ministry said.', { published: '2016-11-12', outlet: 'A' })
      .quantity('About 900 militants', { best: 900, approx: true, what: 'militants' });
    const b = new FixtureDoc('b', 'Officials said 900 insurgents died in the past month.', { published: '2016-11-12', outlet: 'B' })
      .quantity('900 insurgents', { best: 900, what: 'insurgents' });
    const c = new FixtureDoc('c', 'At least 50 fighters were killed in the assault, a general said. Officials claimed that some 200 fighters had been killed.', { published: '2016-10-23', outlet: 'C' })
      .quantity('At least 50 fighters', { low: 50, what: 'fighters' })
      .quantity('some 200 fighters', { best: 200, approx: true, what: 'fighters' });
    // Without a place, claims only meet within their own document.
    const figs = figures([a.build(), b.build(), c.build()]);
    const nine = holding(figs, 900);
    expect(nine.every((f) => !f.contested)).toBe(true);
    const [fifty] = holding(figs, 50, 200);
    expect(fifty).toBeDefined();
    expect(fifty!.contested).toBe(false);
  });

  it('contests exact counts that differ and bounds that exclude each other', () => {
    const mk = (id: string, text: string, phrase: string, q: object) =>
      new FixtureDoc(id, text, { published: '2016-11-12', outlet: id }).place('Kirkuk', PLACES.kirkuk).quantity(phrase, { what: 'people', ...q }).build();
    const figs = figures([
      mk('x', 'Nearly 30 people were killed in Kirkuk, police said.', 'Nearly 30 people', { best: 30, approx: true }),
      mk('y', 'Fewer than 10 people were killed in Kirkuk, the governor said.', 'Fewer than 10 people', { high: 10 }),
    ]);
    expect(holding(figs, 30, 10)[0]?.contested).toBe(true);
  });

  it('keeps apart counts of different places, periods, sides and happenings', () => {
    const d = new FixtureDoc(
      'mix',
      'Some 2,000 fighters are in Kirkuk, an officer said. Around 9,000 ISIS fighters are in Mosul, another officer said. Thousands of residents are trying to flee Mosul. About 3,000 Kurdish fighters are in Mosul too, a commander said.',
      { published: '2016-10-23', outlet: 'Mix' },
    )
      .place('Kirkuk', PLACES.kirkuk)
      .place('Mosul', PLACES.mosul)
      .place('Mosul', PLACES.mosul, 2)
      .place('Mosul', PLACES.mosul, 3)
      .quantity('Some 2,000 fighters', { best: 2000, approx: true, what: 'fighters' })
      .quantity('Around 9,000 ISIS fighters', { best: 9000, approx: true, what: 'ISIS fighters' })
      .quantity('Thousands of residents', { best: 1000, approx: true, what: 'residents' })
      .quantity('About 3,000 Kurdish fighters', { best: 3000, approx: true, what: 'Kurdish fighters' });
    const later = new FixtureDoc('later', 'Some 4,000 fighters are in Mosul, an officer said.', { published: '2016-12-20', outlet: 'Later' })
      .place('Mosul', PLACES.mosul)
      .quantity('Some 4,000 fighters', { best: 4000, approx: true, what: 'fighters' });
    const figs = figures([d.build(), later.build()]);
    expect(figs.filter((f) => f.claims.length > 1)).toEqual([]);
    expect(figs.every((f) => !f.contested)).toBe(true);
    expect(figs.find((f) => f.claims[0]!.value === 1000)!.key).toBe('civilians|trying to flee');
  });

  it('joins death tolls only when they count one event', () => {
    const mk = (id: string, text: string, phrase: string, n: number, date: string, event?: string) => {
      const f = new FixtureDoc(id, text, { published: date, outlet: id }).place('Kirkuk', PLACES.kirkuk).quantity(phrase, { best: n, low: n, high: n, what: 'soldiers' });
      if (event) {
        f.event(event, { type: 'Battles', subType: 'Armed clash', date: day(date), location: PLACES.kirkuk, actor1: ISIS, actor2: IRAQ_ARMY, fatalities: { low: n, best: n, high: n } });
      }
      return f.build();
    };
    // Tolls of two different days are two figures, even at one place.
    const apart = buildSituation([
      mk('a', '3 soldiers were killed in Kirkuk, police said.', '3 soldiers', 3, '2020-03-02'),
      mk('b', '9 soldiers were killed in Kirkuk, officials said.', '9 soldiers', 9, '2020-03-03'),
    ]);
    expect(apart.figures.filter((f) => f.claims.length > 1)).toEqual([]);
    // Tolls told in two reports of one merged event are one figure, set side by side.
    const one = buildSituation([
      mk('c', 'An attack in Kirkuk killed 4 soldiers, police said.', '4 soldiers', 4, '2020-03-02', 'An attack in Kirkuk killed 4 soldiers'),
      mk('d', 'An attack in Kirkuk killed 6 soldiers, the army said.', '6 soldiers', 6, '2020-03-02', 'An attack in Kirkuk killed 6 soldiers'),
    ]);
    expect(one.events).toHaveLength(1);
    const [f] = holding(one.figures, 4, 6);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(true);
  });

  it('sets a standing count from an undated document beside dated ones at the same place, but not a toll', () => {
    const undated = new FixtureDoc('transcript', 'We have registered more than 50,000 people who fled Mosul, the aid worker said.', { outlet: null })
      .place('Mosul', PLACES.mosul)
      .quantity('more than 50,000 people', { low: 50000, what: 'people' });
    const [f] = holding(figures([fled().build(), undated.build()]), 48000, 50000);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(true);
    const toll = (id: string, n: number, published: string | null) =>
      new FixtureDoc(id, `${n} civilians were killed in Mosul, witnesses said.`, { published })
        .place('Mosul', PLACES.mosul)
        .quantity(`${n} civilians`, { best: n, low: n, high: n, what: 'civilians' })
        .build();
    expect(holding(figures([toll('x', 4, '2016-11-12'), toll('y', 9, null)]), 4, 9)).toEqual([]);
  });

  it('reads the counted thing inside "put the number of X at N", and compares strength estimates two weeks apart', () => {
    const a = new FixtureDoc('a', 'American officials estimate that between 3,000 and 5,000 jihadist fighters remain in Mosul.', { published: '2016-10-20', outlet: 'A' })
      .place('Mosul', PLACES.mosul)
      .quantity('between 3,000 and 5,000 jihadist fighters', { low: 3000, high: 5000, best: 3000, what: 'jihadist fighters' }, 1, 'American officials');
    const b = new FixtureDoc('b', 'A Kurdish officer put the number of jihadist fighters still in Mosul at as many as 7,000.', { published: '2016-11-02', outlet: 'B' })
      .place('Mosul', PLACES.mosul)
      .quantity('as many as 7,000', { high: 7000, best: 7000 }, 1, 'A Kurdish officer');
    const [f] = holding(figures([a.build(), b.build()]), 3000, 7000);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(true);
    expect(f!.claims.map((c) => [c.low, c.high, c.source])).toEqual([
      [3000, 5000, 'American officials'],
      [null, 7000, 'A Kurdish officer'],
    ]);
  });

  it('does not date a count by a date in a clause about something else', () => {
    const d = new FixtureDoc('r', 'Officials say 4,000 fighters remain in Mosul, which the group overran in June 2014.', { published: '2016-10-20', outlet: 'R' })
      .place('Mosul', PLACES.mosul)
      .time('June 2014', 'DATE', '2014-06')
      .quantity('4,000 fighters', { best: 4000, low: 4000, high: 4000, what: 'fighters' });
    expect(figures([d.build()])[0]!.when).toEqual({ start: '2016-10-20', end: '2016-10-20' });
    const e = new FixtureDoc('s', 'On 12 October 4,000 fighters were in Mosul.', { published: '2016-10-20', outlet: 'S' })
      .place('Mosul', PLACES.mosul)
      .time('12 October', 'DATE', '2016-10-12')
      .quantity('4,000 fighters', { best: 4000, low: 4000, high: 4000, what: 'fighters' });
    expect(figures([e.build()])[0]!.when).toEqual({ start: '2016-10-12', end: '2016-10-12' });
  });

  it('gives a transcript claim to the labelled speaker of its turn', () => {
    const t = 'HOST: How many have left?\nLINA HADDAD: More than 50,000 people have left Mosul since the start.\nHOST: Thank you.';
    const d = new FixtureDoc('t', t, { outlet: 'Radio' })
      .place('Mosul', PLACES.mosul)
      .quantity('More than 50,000 people', { low: 50000, what: 'people' });
    const [f] = figures([d.build()]);
    expect(f!.key).toBe('people|displaced');
    expect(f!.claims[0]!.source).toBe('LINA HADDAD');
  });

  it('never lets a vague count ("thousands") make a figure contested', () => {
    const a = new FixtureDoc('a', 'Thousands of people have fled Mosul, witnesses said.', { published: '2016-11-12', outlet: 'A' })
      .place('Mosul', PLACES.mosul)
      .quantity('Thousands of people', { best: 1000, approx: true, what: 'people' });
    const b = fled();
    const figs = figures([a.build(), b.build()]);
    const [f] = holding(figs, 1000, 48000);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(false);
    expect(f!.claims.find((c) => c.value === 1000)!.vague).toBe(true);
  });

  it('treats one source revising its own count as an update, not a dispute', () => {
    const d = new FixtureDoc('upd', 'Police said 12 people were killed in Kabul. Police later said 20 people were killed in Kabul.', { published: '2020-03-01', outlet: 'U' })
      .place('Kabul', PLACES.kabul)
      .place('Kabul', PLACES.kabul, 2)
      .quantity('12 people', { best: 12, what: 'people' })
      .quantity('20 people', { best: 20, what: 'people' });
    const [f] = holding(figures([d.build()]), 12, 20);
    expect(f).toBeDefined();
    expect(f!.contested).toBe(false);
  });

  it('attributes a first-person answer in an interview to the guest, not to the host', () => {
    const text = [
      'Joining us now is Maria Lopez, who runs field operations for the Norwegian Refugee Council.',
      'Maria, we are told by the UN that 30,000 people have fled Mosul. Is that right?',
      'Our teams have registered over 35,000 people who fled Mosul.',
    ].join('\n');
    const d = new FixtureDoc('interview', text, { published: '2016-11-12', outlet: 'TV Four' })
      .place('Mosul', PLACES.mosul)
      .place('Mosul', PLACES.mosul, 2)
      .quantity('30,000 people', { best: 30000, what: 'people' }, 1, 'the UN')
      .quantity('over 35,000 people', { low: 35000, what: 'people' });
    const [f] = holding(figures([d.build()]), 30000, 35000);
    expect(f).toBeDefined();
    expect(f!.claims.map((c) => c.source)).toEqual(['the UN', 'Maria Lopez (Norwegian Refugee Council)']);
    expect(f!.contested).toBe(true);
  });

  it('leaves a first-person claim unattributed when no guest is introduced', () => {
    const d = new FixtureDoc('op-ed', 'We counted 400 families in the camp.', { published: '2016-11-12', outlet: 'Blog' })
      .quantity('400 families', { best: 400, what: 'families' });
    const [f] = figures([d.build()]);
    expect(f!.claims[0]!.source).toBeNull();
  });
});

describe('figures: shares are not counts', () => {
  it('leaves "two-thirds of them" out of the figures while keeping the count it is a share of', () => {
    const doc = new FixtureDoc('wire-share', 'Some 900 families reached the camp on Monday, and two-thirds of them were children, the agency said.', {
      published: '2016-10-23',
      outlet: 'Wire One',
    })
      .quantity('Some 900 families', { best: 900, approx: true, what: 'families' })
      .quantity('two-thirds', { best: 0.667, what: 'them', proportion: true });
    const figs = figures([doc.build()]);
    expect(figs.some((f) => f.claims.some((c) => c.value === 900))).toBe(true);
    expect(figs.some((f) => f.claims.some((c) => c.value < 1))).toBe(false);
  });
});
