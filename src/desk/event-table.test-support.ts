/**
 * The desk's event table against its definition, on one store: after documents arrive, reviews are laid,
 * more documents arrive and the picture is rebuilt, every filter's page, count and facets equal those of
 * the picture read whole with the reviews applied in memory (src/desk/reviews.ts applyOverrides) and
 * filtered by src/desk/filter.ts — the definition the table must keep.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { readPath, type InputItem } from '../ingest/read.js';
import { buildReport, type ReportEvent } from '../report/model.js';
import { ingest } from '../store/ingest.js';
import type { Store } from '../store/types.js';
import { EventTable, SORTS, type Sort } from './event-table.js';
import { deskDb } from './event-db.js';
import { matcher, words, type EventFilter } from './filter.js';
import { deskData } from './open.js';
import { applyOverrides, sourceRef, splitId } from './reviews.js';

const ROOT = path.resolve(__dirname, '../..');

async function items(): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const it of readPath(path.join(ROOT, 'testdata/desk/crises.jsonl'))) out.push(it);
  return out;
}

async function reference(store: Store): Promise<ReportEvent[]> {
  const report = await buildReport(store.picture());
  const desk = deskData(store);
  return applyOverrides(report.events, await desk.overrides()).events;
}

/** Filters built from the data itself: a value of each field, a word, a period, a box. */
function filtersOf(events: readonly ReportEvent[]): EventFilter[] {
  const located = events.filter((e) => e.location);
  const e0 = located[0]!;
  const dated = events.filter((e) => e.date).map((e) => e.date!.start).sort();
  const word = words(e0.sources[0]!.sentence.text).find((w) => w.length > 5) ?? 'killed';
  const out: EventFilter[] = [
    {},
    { review: 'all' },
    { review: 'reviewed' },
    { review: 'rejected' },
    { review: 'merged' },
    { country: [e0.location!.country] },
    { country: [e0.location!.country.toLowerCase(), 'XX'] },
    { type: [e0.type.toUpperCase()] },
    { subType: [e0.subType] },
    { certainty: [e0.certainty] },
    { q: word },
    { q: word.slice(0, 4) + ' ' + (e0.location!.name.split(' ')[0] ?? '') },
    { minOutlets: 2 },
    { since: dated[Math.floor(dated.length / 3)]!, until: dated[Math.floor((2 * dated.length) / 3)]! },
    { bbox: [e0.location!.lon - 5, e0.location!.lat - 5, e0.location!.lon + 5, e0.location!.lat + 5] },
    { bbox: [170, -90, -170, 90] },
  ];
  const admin = located.find((e) => e.location!.admin1);
  if (admin) out.push({ admin1: [admin.location!.admin1!.toLowerCase()] });
  const outlet = events.find((e) => e.outlets.length)?.outlets[0];
  if (outlet) out.push({ outlet: [outlet] }, { outlet: [outlet], type: [e0.type] });
  const actor = events.find((e) => e.actors.length)?.actors[0]?.name;
  if (actor) out.push({ actor: words(actor)[0]!.slice(0, 3) });
  return out;
}

/** The order of a sort (as docs/server.md tells it): ties by start day, then id. */
function sortOrder(sort: Sort, byId: Map<string, ReportEvent>, key: (id: string) => string): (a: string, b: string) => number {
  const by = (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const deaths = (id: string) => byId.get(id)!.fatalities.best ?? -1;
  const outlets = (id: string) => byId.get(id)!.corroboration;
  switch (sort) {
    case 'date':
      return by;
    case '-date':
      return (a, b) => Number(!byId.get(a)!.date) - Number(!byId.get(b)!.date) || by(b, a);
    case 'deaths':
      return (a, b) => deaths(a) - deaths(b) || by(a, b);
    case '-deaths':
      return (a, b) => deaths(b) - deaths(a) || by(a, b);
    case 'outlets':
      return (a, b) => outlets(a) - outlets(b) || by(a, b);
    case '-outlets':
      return (a, b) => outlets(b) - outlets(a) || by(a, b);
  }
}

async function expectSame(store: Store, t: EventTable, label: string): Promise<void> {
  await t.sync();
  const ref = await reference(store);
  const byId = new Map(ref.map((e) => [e.id, e]));
  for (const f of filtersOf(ref)) {
    const m = matcher(f);
    const want = ref.filter((e) => m(e)).map((e) => e.id).sort();
    const got = (await t.page(f, null, 'date', 1000, 0)).map((d) => JSON.parse(d) as ReportEvent);
    expect(got.map((e) => e.id).sort(), `${label}: ${JSON.stringify(f)}`).toEqual(want);
    expect(await t.count(f, null), `${label}: count ${JSON.stringify(f)}`).toBe(want.length);
    for (const e of got) expect(e, `${label}: event ${e.id}`).toEqual(byId.get(e.id));
    // A short page in date order (undated last, then by id): the first events of the whole list.
    const key = (id: string) => `${byId.get(id)!.date?.start ?? '9999-99-99'}|${id}`;
    const first = [...want].sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, 3);
    expect((await t.page(f, null, 'date', 3, 0)).map((d) => (JSON.parse(d) as ReportEvent).id), `${label}: first page ${JSON.stringify(f)}`).toEqual(first);
    // Every sort's first page, walked on its own index or sorted (src/desk/event-table.ts SORT_INDEX), and
    // the second; a count bounded below the number of matches.
    for (const sort of SORTS) {
      const ordered = [...want].sort(sortOrder(sort, byId, key));
      for (const offset of [0, 3]) {
        const page = (await t.page(f, null, sort, 3, offset)).map((d) => (JSON.parse(d) as ReportEvent).id);
        expect(page, `${label}: ${sort} page at ${offset} ${JSON.stringify(f)}`).toEqual(ordered.slice(offset, offset + 3));
      }
    }
    expect(await t.countUpTo(f, null, 2), `${label}: count up to 2 ${JSON.stringify(f)}`).toBe(Math.min(2, want.length));
  }
  // Facets: a filter's counts per country, with the country filter itself left out.
  const f: EventFilter = { type: [ref[0]!.type], country: ['ZZ'] };
  const counts = new Map<string, number>();
  const mc = matcher(f, 'country');
  for (const e of ref.filter((e) => mc(e))) if (e.location?.country) counts.set(e.location.country, (counts.get(e.location.country) ?? 0) + 1);
  const facet = await t.facet('country', 'country', f, null, 200);
  expect(new Map(facet.map((x) => [x.value, x.count])), `${label}: country facet`).toEqual(counts);
  // The timeline's bars: events per month of their start and type, with their deaths.
  const bars = new Map<string, { count: number; deaths: number }>();
  for (const e of ref.filter((e) => e.date && e.review?.status !== 'rejected' && e.review?.status !== 'merged')) {
    const k = `${e.date!.start.slice(0, 7)} ${e.type}`;
    const b = bars.get(k) ?? { count: 0, deaths: 0 };
    bars.set(k, { count: b.count + 1, deaths: b.deaths + (e.fatalities.best ?? 0) });
  }
  const timeline = await t.timeline({}, null, 'month');
  expect(new Map(timeline.map((b) => [`${b.bucket} ${b.type}`, { count: b.count, deaths: b.deaths }])), `${label}: timeline`).toEqual(bars);
}

/**
 * `open` gives a new empty store. The table is tested as the server uses it (changes taken event by
 * event) and with a rebuild's full pass forced early (`fullPassAt` 3).
 */
export function eventTableContract(open: () => Promise<Store>): void {
  for (const fullPassAt of [2000, 3]) {
    it(`keeps its rows equal to the picture with the reviews laid over it (a full pass above ${fullPassAt} changes)`, async () => {
      const store = await open();
      try {
        const all = await items();
        await ingest(store, all.slice(0, 12));
        const desk = deskData(store);
        // The early full pass also plans every word as a broad one (checked against other filters' rows).
        const t = new EventTable(deskDb(store), () => store.picture(), desk, fullPassAt, false, fullPassAt === 3 ? 1 : undefined);
        await expectSame(store, t, 'first documents');

        // Reviews of every kind, as the API makes them.
        const ref = await reference(store);
        const multi = ref.find((e) => e.sources.length > 1)!;
        const [a, b, c] = ref.filter((e) => e.id !== multi.id && e.location);
        const anchor = (e: ReportEvent) => e.sources.map(sourceRef);
        await desk.addOverride({ eventId: a!.id, action: 'correct', data: { type: 'Protests', subType: 'Peaceful protest', location: { name: 'Testville', lat: 1.5, lon: 2.5, country: 'KE', admin1: 'Nairobi', precision: 1 } }, anchor: anchor(a!), account: 'amira', why: 'wrong place' });
        await desk.addOverride({ eventId: b!.id, action: 'reject', data: {}, anchor: anchor(b!), account: 'amira', why: 'not an event' });
        const moved = [sourceRef(multi.sources[multi.sources.length - 1]!)];
        await desk.addOverride({ eventId: multi.id, action: 'split', data: { sources: moved, newId: splitId(multi.id, moved) }, anchor: anchor(multi), account: 'amira', why: null });
        await desk.addOverride({ eventId: c!.id, action: 'merge', data: { into: a!.id }, anchor: anchor(c!), account: 'amira', why: 'one fight' });
        await expectSame(store, t, 'reviewed');
        const corrected = await t.event(a!.id);
        expect(corrected?.location?.name).toBe('Testville');
        expect(corrected?.review?.status).toBe('confirmed');
        expect((await t.event(splitId(multi.id, moved)))?.review?.splitFrom).toBe(multi.id);
        expect(await t.count({ country: ['KE'] }, { lat: 1.5, lon: 2.5, radiusKm: 5 })).toBe(1);

        await ingest(store, all.slice(12));
        await expectSame(store, t, 'more documents');
        await desk.addOverride({ eventId: b!.id, action: 'restore', data: {}, anchor: anchor(b!), account: 'amira', why: null });
        await expectSame(store, t, 'restored');

        await store.rebuildPicture();
        await expectSame(store, t, 'rebuilt');
        // Nothing is left in the queue once the rows are up to date.
        expect(await deskDb(store).all(`SELECT seq FROM desk_changes`)).toEqual([]);
      } finally {
        await store.close();
      }
    }, 240_000);
  }
}
