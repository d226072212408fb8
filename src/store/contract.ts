/**
 * The store contract: one suite every Store implementation must pass (run by sqlite.test.ts and
 * postgres.test.ts). A harness gives each test a fresh, empty database location and cleans it up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, type Dialect } from './migrations.js';
import { contentHash } from './hash.js';
import { openStore } from './open.js';
import { allFixtures, brokenReport, campReport, riverReport, strikeReport, type Fixture } from './fixtures.test-support.js';
import type { Store, StoreStats } from './types.js';

export interface StoreHarness {
  dialect: Dialect;
  /** A location (file path or connection string) for a new, empty database. */
  fresh(): Promise<string>;
  /** Remove everything `fresh` made. */
  cleanup(): Promise<void>;
}

const EMPTY: StoreStats = { documents: 0, outlets: 0, sentences: 0, boilerplate: 0, times: 0, places: 0, quantities: 0, events: 0 };

async function withStore(h: StoreHarness, fn: (s: Store, location: string) => Promise<void>): Promise<void> {
  const location = await h.fresh();
  const store = await openStore(location);
  try {
    await fn(store, location);
  } finally {
    await store.close();
  }
}

async function putAll(store: Store, fixtures: Fixture[]) {
  const out = [];
  for (const f of fixtures) out.push(await store.putAnalysis(f.record, f.text, { origin: `test:${f.record.id}` }));
  return out;
}

/** What analyses() must give back for a fixture: the record plus text and outlet. */
function expected(f: Fixture, outlet: string | null) {
  return { ...f.record, text: f.text, outlet };
}

export function storeContract(name: string, h: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    afterAll(() => h.cleanup());

    it('migrates an empty database to the latest version, and reopening applies nothing twice', async () => {
      const location = await h.fresh();
      const a = await openStore(location);
      const latest = loadMigrations(h.dialect).at(-1)?.version ?? 0;
      expect(latest).toBeGreaterThan(0);
      expect(await a.schemaVersion()).toBe(latest);
      expect(await a.stats()).toEqual(EMPTY);
      await putAll(a, [riverReport()]);
      await a.close();
      const b = await openStore(location);
      expect(await b.schemaVersion()).toBe(latest);
      expect((await b.stats()).documents).toBe(1);
      await b.close();
    });

    it('stores a document once: the second put changes nothing and returns the same id', () =>
      withStore(h, async (s) => {
        const first = await putAll(s, allFixtures());
        expect(first.map((r) => r.inserted)).toEqual([true, true, true]);
        expect(first.map((r) => r.id)).toEqual(['river-1', 'camp-1', 'strike-1']);
        const before = await s.stats();
        const again = await putAll(s, allFixtures());
        expect(again.map((r) => r.inserted)).toEqual([false, false, false]);
        expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
        expect(await s.stats()).toEqual(before);
      }));

    it('counts every layer and distinct outlets', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const fx = allFixtures();
        const sum = (k: 'sentences' | 'boilerplate' | 'times' | 'places' | 'quantities' | 'events') =>
          fx.reduce((n, f) => n + f.record[k].length, 0);
        expect(await s.stats()).toEqual({
          documents: 3,
          outlets: 3,
          sentences: sum('sentences'),
          boilerplate: sum('boilerplate'),
          times: sum('times'),
          places: sum('places'),
          quantities: sum('quantities'),
          events: sum('events'),
        });
      }));

    it('treats the same words from the same outlet as the same document, whatever the id or whitespace', () =>
      withStore(h, async (s) => {
        const f = riverReport();
        await s.putAnalysis(f.record, f.text);
        const rewrapped = f.text.replace(/\n/g, '\r\n').replace(/ — /, '  —\u00a0');
        const r = await s.putAnalysis({ ...f.record, id: 'another-id', title: 'Other title', sentences: [], boilerplate: [], times: [], places: [], quantities: [], events: [] }, rewrapped);
        expect(r).toEqual({ inserted: false, id: 'river-1', hash: contentHash(f.text, 'Tigris Wire') });
        // The outlet compares without case.
        expect((await s.putAnalysis({ ...f.record, source: ' tigris  WIRE ' }, f.text)).inserted).toBe(false);
        expect((await s.stats()).documents).toBe(1);
      }));

    it('keeps the same words from a different outlet, and a changed word, as new documents', () =>
      withStore(h, async (s) => {
        const f = riverReport();
        await s.putAnalysis(f.record, f.text);
        const other = await s.putAnalysis({ ...f.record, source: 'Harbor Post' }, f.text);
        expect(other.inserted).toBe(true);
        // The text hash tells the wire copy apart from independent reports.
        const [a, b] = [await s.getDocument('river-1'), await s.getDocument(other.id)];
        expect(a!.textHash).toBe(b!.textHash);
        expect(a!.hash).not.toBe(b!.hash);
        const changed = f.text.replace('15 militants', '16 militants');
        const bare = { ...f.record, sentences: [], boilerplate: [], times: [], places: [], quantities: [], events: [] };
        const third = await s.putAnalysis(bare, changed);
        expect(third.inserted).toBe(true);
        expect((await s.stats()).documents).toBe(3);
        expect((await s.stats()).outlets).toBe(2);
      }));

    it('gives a different document arriving under a taken id an id of its own', () =>
      withStore(h, async (s) => {
        const a = campReport();
        const b = strikeReport();
        await s.putAnalysis(a.record, a.text);
        const r = await s.putAnalysis({ ...b.record, id: 'camp-1' }, b.text);
        expect(r.inserted).toBe(true);
        expect(r.id).toBe(`camp-1#${r.hash.slice(0, 8)}`);
        expect((await s.getDocument(r.id))?.text).toBe(b.text);
        expect((await s.getDocument('camp-1'))?.text).toBe(a.text);
      }));

    it('gives back every layer exactly as put, with text and outlet', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const got = await s.analyses();
        const [river, camp, strike] = allFixtures();
        // Dated first by day, undated last.
        expect(got.map((a) => a.id)).toEqual(['river-1', 'strike-1', 'camp-1']);
        expect(got[0]).toMatchObject(expected(river!, 'Tigris Wire'));
        expect(got[1]).toMatchObject(expected(strike!, 'northern-ledger.example'));
        expect(got[2]).toMatchObject(expected(camp!, 'Harbor Post'));
        for (const a of got) {
          expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(a.origin).toBe(`test:${a.id}`);
          expect(Number.isNaN(Date.parse(a.ingestedAt))).toBe(false);
          expect(a).not.toHaveProperty('tokens');
        }
        // Field order survives too, so the JSON of a stored layer is the JSON that was put.
        expect(JSON.stringify(got[0]!.events)).toBe(JSON.stringify(river!.record.events));
      }));

    it('keeps fields and layers added to the analysis after this schema was written', () =>
      withStore(h, async (s) => {
        const f = riverReport();
        const claim = { start: 0, end: 4, text: 'date', who: { start: 5, end: 9, text: '2016' }, sure: 0.5 };
        const record = { ...f.record, language: 'en', scores: { a: 1 }, claims: [claim], empties: [] };
        await s.putAnalysis(record, f.text);
        const [got] = await s.analyses();
        expect(got).toMatchObject({ language: 'en', scores: { a: 1 }, claims: [claim], empties: [] });
        const bad = { ...campReport().record, claims: [{ start: 0, end: 999 }] };
        await expect(s.putAnalysis(bad, campReport().text)).rejects.toThrow(/claims\[0\]/);
        expect((await s.stats()).documents).toBe(1);
      }));

    it('keeps the entities layer (analysis v1.1) with its labels, in order, as its own layer', () =>
      withStore(h, async (s) => {
        const f = riverReport();
        const at = (w: string, label: 'PER' | 'ORG' | 'LOC', sentence = 1) => {
          const start = f.text.indexOf(w);
          return { start, end: start + w.length, text: w, label, sentence, tokenStart: 0, tokenEnd: 1 };
        };
        const entities = [at('HAMMAM AL-ALIL', 'LOC'), at('Shura', 'LOC'), at('Tigris', 'ORG')].filter((e) => e.start >= 0);
        expect(entities.length).toBeGreaterThan(1);
        await s.putAnalysis({ ...f.record, entities }, f.text);
        const [got] = await s.analyses();
        expect(got!.entities).toEqual(entities);
        expect(JSON.stringify(got!.entities)).toBe(JSON.stringify(entities));
        // A record from before v1.1 has none, and reads back with an empty layer.
        const camp = campReport();
        await s.putAnalysis(camp.record, camp.text);
        expect((await s.analyses({ ids: ['camp-1'] }))[0]!.entities).toEqual([]);
      }));

    it('keeps offsets right through odd text: emoji, right-to-left, half a surrogate pair, NUL', () =>
      withStore(h, async (s) => {
        const text = 'Report 😀 from مرحبا: a lone \ud800 half, a \u0000 byte, then Mosul fell quiet.';
        const at = text.indexOf('Mosul');
        const record = {
          ...campReport().record,
          id: 'odd',
          quantities: [],
          times: [],
          sentences: [{ start: 0, end: text.length, text, index: 0, paragraph: 0, kind: 'text' as const, tokenStart: 0, tokenEnd: 12 }],
          places: [{ start: at, end: at + 5, text: 'Mosul', name: 'Mosul', lat: 36.34, lon: 43.13, country: 'IQ', admin1: null, geonameId: null, kind: 'city' as const }],
        };
        await s.putAnalysis(record, text);
        const [got] = await s.analyses();
        expect(got!.text).toHaveLength(text.length);
        expect(got!.places[0]!.text).toBe('Mosul');
        expect(got!.text.slice(0, text.indexOf('\ud800'))).toBe(text.slice(0, text.indexOf('\ud800')));
        // Identity is taken from the text as given, the same in every store.
        expect(got!.hash).toBe(contentHash(text, 'Harbor Post'));
        expect((await s.putAnalysis(record, text)).inserted).toBe(false);
      }));

    it('filters analyses by publication day (inclusive; undated left out) and by id', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const ids = async (f: Parameters<Store['analyses']>[0]) => (await s.analyses(f)).map((a) => a.id);
        expect(await ids({ since: '2016-10-24' })).toEqual(['river-1', 'strike-1']);
        expect(await ids({ since: '2016-10-25' })).toEqual(['strike-1']);
        expect(await ids({ until: '2016-10-24' })).toEqual(['river-1']);
        expect(await ids({ since: '2016-11-02T00:00:00Z', until: '2016-11-02' })).toEqual(['strike-1']);
        expect(await ids({ since: '2017-01-01' })).toEqual([]);
        expect(await ids({ ids: ['camp-1', 'nope'] })).toEqual(['camp-1']);
        expect(await ids({ ids: [] })).toEqual([]);
        const camp = (await s.analyses({ ids: ['camp-1'] }))[0]!;
        expect(camp.quantities).toEqual(campReport().record.quantities);
      }));

    it('returns a document by id, with its outlet from the source or else the URL host', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const d = await s.getDocument('strike-1');
        expect(d).toMatchObject({
          id: 'strike-1',
          text: strikeReport().text,
          source: null,
          outlet: 'northern-ledger.example',
          url: 'https://www.northern-ledger.example/news/tel-kaif-market',
          title: 'Market hit in Tel Kaif',
          published: '2016-11-02',
          publishedFrom: 'text-date-line',
          format: 'html',
          origin: 'test:strike-1',
        });
        expect(await s.getDocument('missing')).toBeNull();
        expect(await s.idForHash(d!.hash)).toBe('strike-1');
        expect(await s.idForHash('0'.repeat(64))).toBeNull();
      }));

    it('refuses a record that does not fit its text and leaves no partial rows; the next put works', () =>
      withStore(h, async (s) => {
        const bad = brokenReport();
        await expect(s.putAnalysis(bad.record, bad.text)).rejects.toThrow(/events\[0\].*outside the text/);
        expect(await s.stats()).toEqual(EMPTY);
        expect(await s.idForHash(contentHash(bad.text, null))).toBeNull();
        expect(await s.search('bazaar')).toEqual([]);
        const ok = riverReport();
        expect((await s.putAnalysis(ok.record, ok.text)).inserted).toBe(true);
        expect((await s.stats()).documents).toBe(1);
      }));

    it('refuses an item whose text is not the text at its offsets', () =>
      withStore(h, async (s) => {
        const f = riverReport();
        const places = f.record.places.map((p, i) => (i === 1 ? { ...p, text: 'Syria' } : p));
        await expect(s.putAnalysis({ ...f.record, places }, f.text)).rejects.toThrow(/places\[1\]/);
        expect(await s.stats()).toEqual(EMPTY);
      }));

    it('finds documents by words with stemming and marks the match in a snippet', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const hits = await s.search('kill');
        expect(hits.map((x) => x.id)).toEqual(['river-1']);
        expect(hits[0]!.snippet).toMatch(/«killed»/);
        expect(hits[0]).toMatchObject({ title: 'Troops push into Shura after night of clashes', outlet: 'Tigris Wire', published: '2016-10-24' });
        const marked = await s.search('market', { mark: { open: '<b>', close: '</b>' } });
        expect(marked.map((x) => x.id)).toEqual(['strike-1']);
        expect(marked[0]!.snippet).toContain('<b>market</b>');
        expect(await s.search('tanks')).toEqual([]);
      }));

    it('reads phrases, or, exclusions and limits', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const ids = async (q: string, limit?: number) => (await s.search(q, limit ? { limit } : {})).map((x) => x.id).sort();
        expect(await ids('"air strike"')).toEqual(['strike-1']);
        expect(await ids('"strike air"')).toEqual([]);
        expect(await ids('families or militants')).toEqual(['camp-1', 'river-1']);
        expect(await ids('said')).toEqual(['camp-1', 'river-1', 'strike-1']);
        expect(await ids('said -market')).toEqual(['camp-1', 'river-1']);
        expect(await ids('said', 2)).toHaveLength(2);
        expect(await ids('shura clashes')).toEqual(['river-1']);
        expect(await ids('shura market')).toEqual([]);
      }));

    it('never fails on search syntax a user might type', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const odd = [
          '"unbalanced quote', 'AND', 'OR', 'NOT', 'NEAR(a b)', 'title:shura', '^market', '*', '-', '--', '""', "'",
          ')(', 'market)', 'a AND (b OR', 'm*', '-market', 'or', 'the', '!!', '\\', ':', '{x}', '&|', '🚩', 'émigré',
          'x'.repeat(2000), 'market" OR "x', 'col:"val',
        ];
        for (const q of odd) await expect(s.search(q), q).resolves.toBeInstanceOf(Array);
        expect((await s.search('"unbalanced quote')).length).toBe(0);
        expect((await s.search('market)')).map((x) => x.id)).toEqual(['strike-1']);
        expect((await s.search('^market')).map((x) => x.id)).toEqual(['strike-1']);
        expect((await s.search('Émigré')).map((x) => x.id)).toEqual(['river-1']);
        expect(await s.search('-market')).toEqual([]);
      }));

    it('searches the same terms on both stores: stop words dropped, a term typed twice counted once', () =>
      withStore(h, async (s) => {
        await putAll(s, allFixtures());
        const ids = async (q: string) => (await s.search(q)).map((x) => x.id).sort();
        expect(await ids('AND OR NOT *')).toEqual([]);
        expect(await ids('the')).toEqual([]);
        expect(await ids('the market')).toEqual(await ids('market'));
        expect(await ids('market market market')).toEqual(await ids('market'));
        expect(await ids('famil*')).toEqual(['camp-1']);
        expect(await ids('milit* -famil*')).toEqual(['river-1']);
        await expect(s.search(Array.from({ length: 41 }, (_, i) => `w${i}*`).join(' or '))).rejects.toThrow(/at most/);
      }));

    it('stores each document once when two stores ingest the same documents at the same time', async () => {
      const location = await h.fresh();
      const [a, b] = [await openStore(location), await openStore(location)];
      try {
        const docs = [...allFixtures(), ...allFixtures().map((f) => ({ ...f, record: { ...f.record, source: 'Second Desk' } }))];
        const results = await Promise.all([
          Promise.all(docs.map((f) => a.putAnalysis(f.record, f.text))),
          Promise.all([...docs].reverse().map((f) => b.putAnalysis(f.record, f.text))),
        ]);
        const all = results.flat();
        expect(all.filter((r) => r.inserted)).toHaveLength(docs.length);
        expect(new Set(all.map((r) => r.id)).size).toBe(docs.length);
        expect((await a.stats()).documents).toBe(docs.length);
        expect(await b.stats()).toEqual(await a.stats());
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
