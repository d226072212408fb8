/**
 * The measurements behind `npm run bench`. Each returns numbers and never judges them: tests check the
 * shape of the results, never the times.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toAnalysis, type AnalysisRecord } from '../analyze/output.js';
import { defaultPipeline } from '../analyze/pipeline.js';
import type { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import { gazetteer } from '../gazetteer/load.js';
import { docFromRecord } from '../ingest/record.js';
import { wink } from '../nlp/wink.js';
import { syntaxModels } from '../nlp/syntax/annotate.js';
import { openStore } from '../store/open.js';
import { PostgresStore } from '../store/postgres.js';
import type { BenchArticle } from './corpus.js';

/** Wall-clock and CPU time (this process, user + system) of one piece of work, milliseconds. */
export interface Span2 {
  wall: number;
  cpu: number;
}

/**
 * A pass over the corpus. `ms` is the median wall time, `cpuMs` the median CPU time: on a busy machine
 * wall time includes waiting for a core, CPU time does not, so CPU time is the steadier measure of cost
 * (it also counts V8's helper threads, so it can exceed wall time). Rates are per wall-clock second.
 */
export interface Rate {
  ms: number;
  cpuMs: number;
  articlesPerSec: number;
  tokensPerSec: number;
  /** Every pass, in order. */
  passes: Span2[];
}

export interface ComponentCost {
  name: string;
  /** Median wall time over the corpus, milliseconds. */
  ms: number;
  /** Median CPU time over the corpus, milliseconds. */
  cpuMs: number;
  /** CPU milliseconds per article. */
  msPerArticle: number;
  /** Share of the summed component CPU time. */
  share: number;
  /**
   * This component's CPU time over the bare tokenisation pass's, timed interleaved with it article by
   * article (below 1: cheaper than tokenising).
   */
  vsTokenise: number;
}

export interface LoadTimes {
  /** wink-nlp with its English model, first call. */
  winkModelMs: number;
  /** The gazetteer, first call (reads the cached build; builds it first when no cache holds it). */
  gazetteerMs: number;
  /** The tagger, parser and entity recogniser weights (data/models), first call, and the resident memory they add. */
  syntaxModelsMs?: number;
  syntaxModelsMB?: number;
  /** Each component's first run on a short document: the lazy loading it does (lexicons, tables). */
  firstRunMs: Record<string, number>;
}

export interface StoreRates {
  kind: 'sqlite' | 'postgres';
  /** Storing analysed documents (putAnalysis), new documents. */
  put: Rate;
  /** Putting the same documents again: a hash lookup each, nothing written. */
  reput: Rate;
  /** Size of the SQLite file once closed, bytes (null for PostgreSQL). */
  bytes: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function rate(passes: Span2[], articles: number, tokens: number): Rate {
  const ms = median(passes.map((p) => p.wall));
  const secs = Math.max(ms, 1e-6) / 1000;
  return { ms, cpuMs: median(passes.map((p) => p.cpu)), articlesPerSec: articles / secs, tokensPerSec: tokens / secs, passes };
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function clock(): () => Span2 {
  const w = performance.now();
  const c = cpuNow();
  return () => ({ wall: performance.now() - w, cpu: cpuNow() - c });
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function time(fn: () => void): Span2 {
  const done = clock();
  fn();
  return done();
}

const wallOf = (fn: () => void): number => time(fn).wall;

export function makeDoc(a: BenchArticle): Doc {
  return docFromRecord({ id: a.id, text: a.text, title: a.title, source: a.source, published: a.published }, a.id, 'jsonl');
}

/** First-call costs: the model, the gazetteer, then each component once on a short document. */
export function measureLoad(pipeline: Pipeline, warmup: BenchArticle): LoadTimes {
  const winkModelMs = wallOf(() => wink());
  const gazetteerMs = wallOf(() => gazetteer());
  gc();
  const rss = process.memoryUsage().rss;
  const syntaxModelsMs = wallOf(() => syntaxModels());
  const syntaxModelsMB = Math.max(0, (process.memoryUsage().rss - rss) / 1e6);
  const firstRunMs: Record<string, number> = {};
  const doc = makeDoc(warmup);
  for (const c of pipeline.components) firstRunMs[c.name] = wallOf(() => c.run(doc));
  return { winkModelMs, gazetteerMs, syntaxModelsMs, syntaxModelsMB, firstRunMs };
}

/**
 * One untimed pass of tokenisation and of the full analysis over (part of) the corpus, so the timed passes
 * measure optimised code rather than the JIT warming up.
 */
export function warmUp(corpus: BenchArticle[], pipeline: Pipeline, articles = 60): void {
  const nlp = wink();
  for (const a of corpus.slice(0, articles)) {
    nlp.readDoc(a.text).tokens().out();
    try {
      toAnalysis(pipeline.run(makeDoc(a)));
    } catch {
      // counted in the timed passes
    }
  }
}

/** Tokens wink-nlp finds in each article (the token count every tokens/s figure uses). */
export function countTokens(corpus: BenchArticle[]): number {
  const nlp = wink();
  let n = 0;
  for (const a of corpus) n += nlp.readDoc(a.text).tokens().length();
  return n;
}

/** (a) The bare wink-nlp pass: readDoc and the token values out, nothing else. */
export function measureTokenise(corpus: BenchArticle[], tokens: number, reps: number): Rate {
  const nlp = wink();
  const passes: Span2[] = [];
  for (let r = 0; r < reps; r++) {
    gc();
    passes.push(time(() => {
      for (const a of corpus) nlp.readDoc(a.text).tokens().out();
    }));
  }
  return rate(passes, corpus.length, tokens);
}

/**
 * (b) Full analysis as `sitrep analyze` does it: every component, then the analysis-v1 record serialised.
 * Documents that make a component throw are counted, not fatal, so a bench still runs mid-development.
 */
export function measureAnalyze(
  corpus: BenchArticle[],
  tokens: number,
  reps: number,
  pipeline: Pipeline = defaultPipeline(),
): { rate: Rate; failures: number; firstError: string | null; records: AnalysisRecord[] } {
  const passes: Span2[] = [];
  let failures = 0;
  let firstError: string | null = null;
  let records: AnalysisRecord[] = [];
  for (let r = 0; r < reps; r++) {
    const docs = corpus.map(makeDoc);
    const out: AnalysisRecord[] = [];
    failures = 0;
    gc();
    passes.push(time(() => {
      for (const d of docs) {
        try {
          pipeline.run(d);
          const rec = toAnalysis(d);
          JSON.stringify(rec);
          out.push(rec);
        } catch (e) {
          failures++;
          firstError ??= `${d.meta.id}: ${(e as Error).message}`;
        }
      }
    }));
    records = out;
  }
  return { rate: rate(passes, corpus.length, tokens), failures, firstError, records };
}

/**
 * Each component's `run` timed on its own, in pipeline order, over fresh documents. Before the components,
 * each article also goes through the bare wink-nlp pass (a) once more, timed the same way: comparing a
 * component with that interleaved baseline holds up on a busy machine, where two separate passes minutes
 * apart can meet very different loads.
 */
export function measureComponents(corpus: BenchArticle[], reps: number, pipeline: Pipeline = defaultPipeline()): { components: ComponentCost[]; baseline: Span2 } {
  const nlp = wink();
  const names = pipeline.components.map((c) => c.name);
  const wallPerRep: number[][] = names.map(() => []);
  const cpuPerRep: number[][] = names.map(() => []);
  const basePerRep: Span2[] = [];
  for (let r = 0; r < reps; r++) {
    const docs = corpus.map(makeDoc);
    const wall = names.map(() => 0);
    const cpu = names.map(() => 0);
    const base = { wall: 0, cpu: 0 };
    gc();
    for (const d of docs) {
      const b = time(() => nlp.readDoc(d.text).tokens().out());
      base.wall += b.wall;
      base.cpu += b.cpu;
      pipeline.components.forEach((c, i) => {
        const done = clock();
        try {
          c.run(d);
        } catch {
          // counted by measureAnalyze; later components may then miss a layer and throw too
        }
        const t = done();
        wall[i]! += t.wall;
        cpu[i]! += t.cpu;
      });
    }
    basePerRep.push(base);
    names.forEach((_, i) => {
      wallPerRep[i]!.push(wall[i]!);
      cpuPerRep[i]!.push(cpu[i]!);
    });
  }
  const baseline = { wall: median(basePerRep.map((b) => b.wall)), cpu: median(basePerRep.map((b) => b.cpu)) };
  const cpuMs = cpuPerRep.map(median);
  const sum = cpuMs.reduce((a, b) => a + b, 0) || 1;
  const components = names.map((name, i) => ({
    name,
    ms: median(wallPerRep[i]!),
    cpuMs: cpuMs[i]!,
    msPerArticle: cpuMs[i]! / corpus.length,
    share: cpuMs[i]! / sum,
    vsTokenise: cpuMs[i]! / Math.max(baseline.cpu, 1e-6),
  }));
  return { components, baseline };
}

/**
 * Store throughput: putting analysed documents into a fresh store, then putting them again (idempotent:
 * a hash lookup each). SQLite in a temporary folder unless a location is given.
 */
export async function measureStore(
  corpus: BenchArticle[],
  records: AnalysisRecord[],
  tokens: number,
  reps: number,
  location?: string,
): Promise<StoreRates> {
  const texts = new Map(corpus.map((a) => [a.id, a.text]));
  const put: Span2[] = [];
  const reput: Span2[] = [];
  let bytes: number | null = null;
  let kind: StoreRates['kind'] = 'sqlite';
  for (let r = 0; r < reps; r++) {
    const dir = location ? null : mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
    // PostgreSQL: a schema of its own for each pass, dropped afterwards.
    const schema = location ? `sitrep_bench_${process.pid}_${r}` : null;
    const loc = location ? `${location}${location.includes('?') ? '&' : '?'}schema=${schema}` : path.join(dir!, 'bench.db');
    const store = await openStore(loc);
    kind = store.kind;
    try {
      gc();
      let done = clock();
      for (const rec of records) await store.putAnalysis(rec, texts.get(rec.id)!);
      put.push(done());
      done = clock();
      for (const rec of records) await store.putAnalysis(rec, texts.get(rec.id)!);
      reput.push(done());
    } finally {
      if (store instanceof PostgresStore) await store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
      // Closing checkpoints the WAL into the main file, so its size is the database's.
      if (dir) {
        bytes = existsSync(loc) ? statSync(loc).size : null;
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return { kind, put: rate(put, records.length, tokens), reput: rate(reput, records.length, tokens), bytes };
}
