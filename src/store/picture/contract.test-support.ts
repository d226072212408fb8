/**
 * The picture contract: every store keeps the same situation picture as the one computed from scratch in
 * memory over the same documents (src/merge/situation.ts), whatever order, batches or workers the
 * documents came in, after documents are re-analysed, and after `rebuild`. Run by sqlite.test.ts and
 * postgres.test.ts on real analyses (the bundled examples, the project's test articles and a generated
 * corpus of one theatre over a few days, so that reports merge) and on hand-built records.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../analyze/pipeline.js';
import { toAnalysis, type AnalysisRecord } from '../../analyze/output.js';
import { generateCorpus, rng } from '../../bench/corpus.js';
import { Doc } from '../../core/document.js';
import { inputsFrom } from '../../ingest/inputs.js';
import { DEFAULT_READ_OPTIONS } from '../../ingest/read.js';
import type { SituationDoc } from '../../merge/input.js';
import { MemoryReader } from '../../merge/memory-reader.js';
import type { PictureFilter, PictureReader } from '../../merge/reader.js';
import { buildSituation } from '../../merge/situation.js';
import { scenario } from '../../report/scenario.test-support.js';
import { buildReport, allPages, type ReportOptions } from '../../report/model.js';
import type { StoreHarness } from '../contract.js';
import { outletOf } from '../hash.js';
import { openStore } from '../open.js';
import type { Store } from '../types.js';

interface Input {
  record: AnalysisRecord;
  text: string;
}

/** Real analyses, made once per test file. */
async function analysedCorpus(): Promise<Input[]> {
  const pipeline = defaultPipeline();
  const out: Input[] = [];
  for (const src of [{ input: undefined, paths: ['examples'] }, { input: path.resolve('testdata/report/offensive.jsonl'), paths: [] }]) {
    for await (const it of inputsFrom({ input: src.input }, src.paths, DEFAULT_READ_OPTIONS)) {
      if (!it.doc) continue;
      pipeline.run(it.doc);
      out.push({ record: toAnalysis(it.doc), text: it.doc.text });
    }
  }
  // One theatre over five days: the same places and days again and again, so reports merge and figures meet.
  for (const a of generateCorpus({ articles: 24, seed: 12, spanDays: 4, theatres: 1, minWords: 150, maxWords: 350 })) {
    const doc = new Doc(a.text, { id: a.id, title: a.title, source: a.source, published: a.published, publishedFrom: a.published ? 'input' : null, format: 'jsonl' });
    pipeline.run(doc);
    out.push({ record: toAnalysis(doc), text: doc.text });
  }
  return out;
}

/**
 * One theatre over three weeks where every third article is undated: its standing counts may sit beside
 * every count of their kind at their place, whatever the date, so each new dated count there can move them
 * (the engine's pruning of what to decide again, engine.ts mayMove, must keep the picture exact), and its
 * undated reports may join dated events (found apart in the index, after every dated report).
 */
function undatedCorpus(): Input[] {
  const pipeline = defaultPipeline();
  return generateCorpus({ articles: 36, seed: 41, spanDays: 21, theatres: 1, minWords: 150, maxWords: 350 }).map((a, i) => {
    const published = i % 3 === 2 ? null : a.published;
    const doc = new Doc(a.text, { id: a.id, title: a.title, source: a.source, published, publishedFrom: published ? 'input' : null, format: 'jsonl' });
    pipeline.run(doc);
    return { record: toAnalysis(doc), text: doc.text };
  });
}

function handBuilt(): Input[] {
  return scenario().map((d) => ({ record: d.record, text: d.text }));
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The picture computed from scratch in memory over what the store holds. */
async function reference(store: Store): Promise<PictureReader> {
  const docs: SituationDoc[] = (await store.analyses()).map((a) => ({ record: a, text: a.text, outlet: a.outlet, textHash: a.textHash, hash: a.hash }));
  return new MemoryReader(buildSituation(docs));
}

const OPTIONS: ReportOptions[] = [{}, { since: '2015-01-02', until: '2015-01-03' }, { since: '2016-10-20', until: '2016-10-23' }, { near: 'Mosul', radiusKm: 40 }];

async function expectSamePicture(store: Store, ref?: PictureReader): Promise<void> {
  const want = ref ?? (await reference(store));
  for (const o of OPTIONS) {
    const got = await buildReport(store.picture(), o).catch((e: Error) => e.message);
    const exp = await buildReport(want, o).catch((e: Error) => e.message);
    expect(JSON.stringify(got), `report ${JSON.stringify(o)}`).toBe(JSON.stringify(exp));
  }
}

async function putAll(store: Store, inputs: readonly Input[]): Promise<void> {
  for (const x of inputs) await store.putAnalysis(x.record, x.text);
}

export function pictureContract(name: string, h: StoreHarness): void {
  describe(`Picture contract: ${name}`, () => {
    let corpus: Input[] = [];
    const open: Store[] = [];
    const fresh = async () => {
      const s = await openStore(await h.fresh());
      open.push(s);
      return s;
    };
    beforeAll(async () => {
      corpus = await analysedCorpus();
    }, 120_000);
    afterAll(async () => {
      await Promise.all(open.map((s) => s.close()));
      await h.cleanup();
    });

    it('keeps the picture computed from scratch, whatever order the documents arrive in', async () => {
      expect(corpus.length).toBeGreaterThan(30);
      let first: string | null = null;
      for (const seed of [1, 2, 3]) {
        const s = await fresh();
        await putAll(s, shuffled(corpus, seed));
        await expectSamePicture(s);
        const report = JSON.stringify(await buildReport(s.picture()));
        first ??= report;
        // The same events, figures and places, ids included, from every order.
        expect(report).toBe(first);
      }
      const s = await fresh();
      const r = await buildReport(s.picture());
      expect(r.events).toEqual([]);
    }, 240_000);

    it('keeps the picture exact when undated standing counts sit beside dated ones, whatever the order', async () => {
      const docs = undatedCorpus();
      const undated = new Set(docs.filter((d) => !d.record.published).map((d) => d.record.id));
      let first: string | null = null;
      for (const seed of [21, 22, 23]) {
        const s = await fresh();
        await putAll(s, shuffled(docs, seed));
        await expectSamePicture(s);
        const report = await buildReport(s.picture());
        first ??= JSON.stringify(report);
        expect(JSON.stringify(report)).toBe(first);
        // The case the test is about happens: a figure holding claims of undated and dated documents.
        expect(report.figures.some((f) => f.claims.some((c) => undated.has(c.documentId)) && f.claims.some((c) => !undated.has(c.documentId)))).toBe(true);
        // And an event joining an undated report to dated ones (undated reports sit apart in the index: sql.ts reportDays).
        expect(report.events.some((e) => e.sources.some((x) => !x.date) && e.sources.some((x) => !!x.date))).toBe(true);
      }
    }, 240_000);

    it('merges reports into events across documents in the generated corpus (the test exercises merging)', async () => {
      const s = await fresh();
      await putAll(s, corpus);
      const r = await buildReport(s.picture());
      expect(r.events.some((e) => e.sources.length > 1 && new Set(e.sources.map((x) => x.documentId)).size > 1)).toBe(true);
      expect(r.figures.some((f) => f.claims.length > 1)).toBe(true);
    }, 120_000);

    it('keeps the picture of hand-built records, with the figures and control sentences read from their text', async () => {
      const s = await fresh();
      await putAll(s, shuffled(handBuilt(), 7));
      await expectSamePicture(s);
      const r = await buildReport(s.picture());
      expect(r.figures.filter((f) => f.contested)).toHaveLength(2);
      expect(r.places.find((p) => p.name === 'Qaraqosh')!.control.map((c) => c.how)).toEqual(['retook']);
    });

    it('takes a re-analysed document out of the picture and puts its new analysis in, as if stored so', async () => {
      const s = await fresh();
      await putAll(s, corpus);
      const victim = corpus.find((x) => x.record.events.length > 2)!;
      const id = (await s.analyses()).find((a) => a.text === victim.text)!.id;
      // An analysis that finds nothing: the document's reports, claims and control sentences leave the picture.
      const empty: AnalysisRecord = { ...victim.record, id, events: [], quantities: [], figures: [], control: [], places: [] };
      expect(await s.replaceAnalysis(id, empty)).toBe(true);
      await expectSamePicture(s);
      // And back.
      expect(await s.replaceAnalysis(id, { ...victim.record, id })).toBe(true);
      await expectSamePicture(s);
      expect(await s.replaceAnalysis('no-such-document', empty)).toBe(false);
    }, 120_000);

    it('deletes documents with everything derived from them: the picture is as if they had never been stored', async () => {
      const s = await fresh();
      await putAll(s, corpus);
      const stored = await s.analyses();
      // Documents whose reports were merged with other documents' (the hard case), and one other.
      const merged = (await buildReport(s.picture())).events.find((e) => new Set(e.sources.map((x) => x.documentId)).size > 1)!;
      const victims = [...new Set(merged.sources.map((x) => x.documentId))].slice(0, 2);
      victims.push(stored.find((a) => !victims.includes(a.id))!.id);
      for (const id of victims) expect(await s.deleteDocument(id)).toBe(true);
      expect(await s.deleteDocument(victims[0]!)).toBe(false);
      expect((await s.stats()).documents).toBe(stored.length - victims.length);
      expect(await s.getDocument(victims[0]!)).toBeNull();
      await expectSamePicture(s);
      const report = await buildReport(s.picture());
      expect(report.documents.map((d) => d.id).filter((id) => victims.includes(id))).toEqual([]);
    }, 120_000);

    it('rebuilds the same picture it kept incrementally', async () => {
      const s = await fresh();
      await putAll(s, shuffled(corpus, 5));
      const before = JSON.stringify(await buildReport(s.picture()));
      const progress: number[] = [];
      const r = await s.rebuildPicture({ batch: 7, onProgress: (done) => progress.push(done) });
      expect(r.documents).toBe(corpus.length);
      expect(progress.length).toBeGreaterThan(1);
      expect(await s.pictureState()).toBe('ok');
      expect(JSON.stringify(await buildReport(s.picture()))).toBe(before);
    }, 120_000);

    it('selects events inside the database by period, area, country, type, actor, outlet and certainty, page by page', async () => {
      const s = await fresh();
      await putAll(s, corpus);
      const ref = await reference(s);
      const filters: PictureFilter[] = [
        { since: '2015-01-02', until: '2015-01-02' },
        { bbox: { south: 36, west: 43, north: 37, east: 44 } },
        { near: { lat: 36.335, lon: 43.119, radiusKm: 30 } },
        { country: 'iq' },
        { type: 'Battles' },
        { type: 'Armed clash' },
        { actor: 'ISIS' },
        { actor: 'Iraq' },
        { outlet: 'gulf wire' },
        { certainty: 'unverified' },
        { since: '2016-10-01', until: '2016-11-30', country: 'IQ', type: 'Battles' },
      ];
      for (const f of filters) {
        const got = [];
        for await (const e of allPages((after) => s.picture().events(f, { after, limit: 3 }))) got.push(e.id);
        const want = [];
        for await (const e of allPages((after) => ref.events(f, { after, limit: 1000 }))) want.push(e.id);
        expect(got, JSON.stringify(f)).toEqual(want);
      }
      expect((await s.picture().events({ actor: 'ISIS' })).items.length).toBeGreaterThan(0);
      const one = (await s.picture().events({}, { limit: 1 })).items[0]!;
      expect(await s.picture().event(one.id)).toEqual(one);
      expect((await s.picture().eventOfReport(one.members[0]!))?.id).toBe(one.id);
      expect(await s.picture().event('ev-none')).toBeNull();
    }, 120_000);

    it('keeps one picture when two stores put documents at the same time', async () => {
      const location = await h.fresh();
      const a = await openStore(location);
      const b = await openStore(location);
      open.push(a, b);
      const order = shuffled(corpus, 11);
      const half = Math.ceil(order.length / 2);
      await Promise.all([putAll(a, order.slice(0, half)), putAll(b, order.slice(half))]);
      await expectSamePicture(a);
    }, 240_000);

    it('reads a stored document back with the outlet it was counted under', async () => {
      // Sanity for the reference: the outlet the store gives back is the one the picture uses.
      const s = await fresh();
      const x = corpus[0]!;
      await s.putAnalysis(x.record, x.text);
      const [a] = await s.analyses();
      expect(a!.outlet).toBe(outletOf(x.record.source, x.record.url));
    });
  });
}
