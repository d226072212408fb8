/**
 * The measurements behind `npm run bench`. Each returns numbers and never judges them: tests check the
 * shape of the results, never the times.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PooledAnalyzer } from '../analyze/analyzer.js';
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
import { mapOrdered } from '../workers/ordered.js';
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
  return docFromRecord({ id: a.id, text: a.text, title: a.title || undefined, source: a.source || undefined, published: a.published }, a.id, 'jsonl');
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

/** Of the full analysis, what building the analysis-v1 record and serialising it to JSON cost (wall ms, summed over the corpus). */
export interface Serialisation {
  /** `toAnalysis`: every span gets its text, every layer copied into the record. */
  recordMs: number;
  /** `JSON.stringify` of the record. */
  jsonMs: number;
  /** Bytes of JSON written per article (without the token layer). */
  bytesPerArticle: number;
}

/**
 * (b) Full analysis as `sitrep analyze` does it: every component, then the analysis-v1 record serialised.
 * Documents that make a component throw are counted, not fatal, so a bench still runs mid-development.
 * The record and its JSON are also timed on their own, inside the same pass (median over the passes).
 */
export function measureAnalyze(
  corpus: BenchArticle[],
  tokens: number,
  reps: number,
  pipeline: Pipeline = defaultPipeline(),
): { rate: Rate; failures: number; firstError: string | null; records: AnalysisRecord[]; serialisation: Serialisation } {
  const passes: Span2[] = [];
  const recordMs: number[] = [];
  const jsonMs: number[] = [];
  let bytes = 0;
  let failures = 0;
  let firstError: string | null = null;
  let records: AnalysisRecord[] = [];
  for (let r = 0; r < reps; r++) {
    const docs = corpus.map(makeDoc);
    const out: AnalysisRecord[] = [];
    failures = 0;
    bytes = 0;
    let rec = 0;
    let json = 0;
    gc();
    passes.push(time(() => {
      for (const d of docs) {
        try {
          pipeline.run(d);
          const t0 = performance.now();
          const record = toAnalysis(d);
          const t1 = performance.now();
          bytes += JSON.stringify(record).length;
          json += performance.now() - t1;
          rec += t1 - t0;
          out.push(record);
        } catch (e) {
          failures++;
          firstError ??= `${d.meta.id}: ${(e as Error).message}`;
        }
      }
    }));
    recordMs.push(rec);
    jsonMs.push(json);
    records = out;
  }
  return {
    rate: rate(passes, corpus.length, tokens),
    failures,
    firstError,
    records,
    serialisation: { recordMs: median(recordMs), jsonMs: median(jsonMs), bytesPerArticle: bytes / Math.max(1, corpus.length) },
  };
}

/** One step of the scaling measure: the corpus analysed by a pool of `workers` threads. */
export interface ScalingStep {
  workers: number;
  rate: Rate;
  /** Throughput over the pool of one worker's. */
  speedup: number;
  /** Each worker's V8 heap in use after the passes, MB (models, gazetteer and tables loaded once per worker). */
  heapMbPerWorker: number[];
  /** Growth of the process's resident set from before the pool started to after the passes, MB. */
  rssGrowthMb: number;
  /** Slowest worker's start-up (loading its models), ms. */
  loadMs: number;
}

/**
 * Scaling: the corpus analysed as `sitrep analyze --workers N` does it (worker threads, JSON made in the
 * workers, output in input order), for N = 1 … max. Each pool is started and warmed up before it is timed.
 */
export async function measureScaling(corpus: BenchArticle[], tokens: number, reps: number, max: number): Promise<ScalingStep[]> {
  const steps: ScalingStep[] = [];
  const docs = corpus.map(makeDoc);
  for (let workers = 1; workers <= max; workers++) {
    gc();
    const rss0 = process.memoryUsage().rss;
    const analyzer = new PooledAnalyzer({ workers });
    try {
      const infos = await analyzer.pool.start();
      const pass = async (list: typeof docs) => {
        for await (const [, r] of mapOrdered(list, workers * 4, (d) => analyzer.json(d))) void r;
      };
      await pass(docs.slice(0, Math.min(docs.length, 30 * workers)));
      const passes: Span2[] = [];
      for (let r = 0; r < reps; r++) {
        gc();
        const done = clock();
        await pass(docs);
        passes.push(done());
      }
      const memory = await analyzer.memory();
      steps.push({
        workers,
        rate: rate(passes, corpus.length, tokens),
        speedup: 0,
        heapMbPerWorker: memory.map((m) => m.heapUsed / 1e6),
        rssGrowthMb: (process.memoryUsage().rss - rss0) / 1e6,
        loadMs: Math.max(...infos.map((i) => i.loadMs)),
      });
    } finally {
      await analyzer.close();
    }
  }
  for (const s of steps) s.speedup = steps[0]!.rate.ms / s.rate.ms;
  return steps;
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
