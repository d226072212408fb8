/**
 * `npm run bench -- --scale`: how sitrep behaves as the store grows (issue 12). For generated corpora of
 * growing size (./corpus.ts; a larger corpus starts with the smaller ones, so one analysis serves all) it
 * stores the analysed articles one by one as `sitrep ingest` does and prints the cost per document of the
 * first and the last 200 (the picture is updated with each, so a cost that grows with the store shows
 * here), then the report latencies against store size: a one-week report as JSON and the full report as
 * Markdown, each in a fresh process as `sitrep report` runs (time, CPU and peak resident memory). With
 * --pg it also measures PostgreSQL with 1 and 2 `sitrep worker` processes draining the queue (analysis
 * included: that is what workers do). Analyses are cached in .cache/bench-scale/ by corpus and
 * extractor version; stores are made afresh every run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzerFor } from '../analyze/analyzer.js';
import type { AnalysisRecord } from '../analyze/output.js';
import { analysisVersion } from '../analyze/version.js';
import { Doc } from '../core/document.js';
import { openStore } from '../store/open.js';
import type { PostgresStore } from '../store/postgres.js';
import { enqueue } from '../store/queue.js';
import { generateCorpus, type BenchArticle } from './corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../cli/main.js');
export const CACHE = path.resolve(here, '../../.cache/bench-scale');
const WINDOW = 200;

export interface ScaleOptions {
  sizes: number[];
  seed: number;
  pg?: string;
  pgWorkers: number[];
  /** Leave the SQLite stores in .cache/bench-scale/ (scale-N.db). */
  keepStores?: boolean;
  /**
   * The order documents are stored in: as generated ('corpus': publication days at random over the corpus's
   * span, so each place's neighbourhood in time fills up as the store grows) or by publication day ('time':
   * as a desk receives them, each document after those it follows).
   */
  order?: 'corpus' | 'time';
  note: (s: string) => void;
}

export interface ReportRun {
  what: string;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  bytes: number;
}

export interface SizeResult {
  documents: number;
  ingestMs: number;
  ingestCpuMs: number;
  /** Wall-clock and CPU milliseconds per document, over the first and the last 200 stored. */
  firstWindowMsPerDoc: number;
  lastWindowMsPerDoc: number;
  firstWindowCpuMsPerDoc: number;
  lastWindowCpuMsPerDoc: number;
  fileMb: number;
  /** CPU milliseconds per document in successive windows of 200. */
  cpuWindows: number[];
  reports: ReportRun[];
}

export interface PgRun {
  documents: number;
  workers: number;
  ms: number;
  docsPerSecond: number;
}

export interface ScaleReport {
  machine: { cpu: string; cores: number; loadAverage: number[] };
  seed: number;
  sqlite: SizeResult[];
  pg: PgRun[];
}

function docOf(a: BenchArticle): Doc {
  return new Doc(a.text, { id: a.id, title: a.title, source: a.source, published: a.published, publishedFrom: a.published ? 'input' : null, format: 'jsonl', origin: a.id });
}

/** The analyses of the first `n` articles, from the cache or made now (in worker threads). */
export async function analyses(corpus: readonly BenchArticle[], seed: number, note: (s: string) => void): Promise<AnalysisRecord[]> {
  mkdirSync(CACHE, { recursive: true });
  const version = analysisVersion().replace(/[^\w.-]/g, '_');
  const file = path.join(CACHE, `records-${corpus.length}-${seed}-${version}.jsonl`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AnalysisRecord);
  // A larger corpus of the same seed starts with this one: its analyses serve.
  const larger = readdirSync(CACHE)
    .map((f) => ({ f, m: new RegExp(`^records-(\\d+)-${seed}-${version.replace(/[.]/g, '\\.')}\\.jsonl$`).exec(f) }))
    .filter((x) => x.m && Number(x.m[1]) > corpus.length)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))[0];
  if (larger) return readFileSync(path.join(CACHE, larger.f), 'utf8').trim().split('\n').slice(0, corpus.length).map((l) => JSON.parse(l) as AnalysisRecord);
  const analyzer = analyzerFor(os.cpus().length);
  const out: AnalysisRecord[] = new Array(corpus.length);
  try {
    // Keep every worker busy: as many documents in flight as the pool has threads.
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < corpus.length; i = next++) {
        if (i % 100 === 0) note(`analysing ${i}/${corpus.length}`);
        out[i] = await analyzer.record(docOf(corpus[i]!));
      }
    };
    await Promise.all(Array.from({ length: analyzer.concurrency }, lane));
  } finally {
    await analyzer.close();
  }
  writeFileSync(file, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return out;
}

/** `sitrep report` in a fresh process: wall time, and CPU and peak memory from the child's own accounting. */
export function timeReport(db: string, what: string, args: string[]): ReportRun {
  const hook = path.join(CACHE, 'usage-hook.mjs');
  // Printed by the child as it exits: what it used, from its own accounting (no external tool needed).
  writeFileSync(
    hook,
    `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nUSAGE ' + JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }) + '\\n'); });\n`,
  );
  const out = path.join(CACHE, 'report.out');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, CLI, 'report', '--db', db, '--out', out, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t;
  const usage = /USAGE (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !usage) throw new Error(`report (${what}) failed: ${r.stderr}`);
  const bytes = readFileSync(out).length;
  rmSync(out, { force: true });
  return { what, ms, bytes, ...(JSON.parse(usage[1]!) as { cpuMs: number; maxRssMb: number }) };
}

/** The busiest week of the corpus: the 7 days ending on the day most articles were published. */
function busiestWeek(corpus: readonly BenchArticle[]): { since: string; until: string } {
  const count = new Map<string, number>();
  for (const a of corpus) if (a.published) count.set(a.published.slice(0, 10), (count.get(a.published.slice(0, 10)) ?? 0) + 1);
  const day = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '2020-01-07';
  const until = new Date(`${day}T00:00:00Z`);
  const since = new Date(until.getTime() - 6 * 86_400_000);
  return { since: since.toISOString().slice(0, 10), until: day };
}

async function sqliteSize(given: readonly BenchArticle[], givenRecords: readonly AnalysisRecord[], note: (s: string) => void, keep = false, order: 'corpus' | 'time' = 'corpus'): Promise<SizeResult> {
  const idx = given.map((_, i) => i);
  if (order === 'time') idx.sort((a, b) => (given[a]!.published ?? '9999').localeCompare(given[b]!.published ?? '9999') || a - b);
  const corpus = idx.map((i) => given[i]!);
  const records = idx.map((i) => givenRecords[i]!);
  const db = path.join(CACHE, `scale-${corpus.length}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  const store = await openStore(db);
  const wall: number[] = [];
  const cpuEach: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    for (const [i, r] of records.entries()) {
      if (i % 100 === 0) note(`SQLite: storing ${i}/${records.length}`);
      const t = performance.now();
      const c = process.cpuUsage();
      await store.putAnalysis(r, corpus[i]!.text, { origin: corpus[i]!.id, analysisVersion: analysisVersion() });
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpuEach.push((d.user + d.system) / 1000);
    }
  } finally {
    await store.close();
  }
  const ingestMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const w = Math.min(WINDOW, Math.floor(wall.length / 2));
  note(`SQLite: reports over ${corpus.length} documents`);
  const week = busiestWeek(corpus);
  const reports = [
    timeReport(db, `one week (${week.since} – ${week.until}), json`, ['--format', 'json', '--since', week.since, '--until', week.until]),
    timeReport(db, 'everything, md', ['--format', 'md']),
  ];
  const fileMb = ['', '-wal'].reduce((n, s) => n + (existsSync(db + s) ? Number(spawnSync('stat', ['-c', '%s', db + s], { encoding: 'utf8' }).stdout) : 0), 0) / 1e6;
  // --keep-stores: leave the store for experiments (report, rebuild) instead of removing it.
  if (!keep) {
    rmSync(db, { force: true });
    for (const s of ['-wal', '-shm']) rmSync(db + s, { force: true });
  } else note(`SQLite: kept ${db}`);
  return {
    documents: corpus.length,
    ingestMs,
    ingestCpuMs: (cpu.user + cpu.system) / 1000,
    firstWindowMsPerDoc: mean(wall.slice(0, w)),
    lastWindowMsPerDoc: mean(wall.slice(wall.length - w)),
    firstWindowCpuMsPerDoc: mean(cpuEach.slice(0, w)),
    lastWindowCpuMsPerDoc: mean(cpuEach.slice(cpuEach.length - w)),
    fileMb,
    cpuWindows: Array.from({ length: Math.floor(cpuEach.length / WINDOW) }, (_, i) => mean(cpuEach.slice(i * WINDOW, (i + 1) * WINDOW))),
    reports,
  };
}

/** PostgreSQL: the corpus queued in a fresh schema, drained by `workers` worker processes. */
async function pgRun(url: string, corpus: readonly BenchArticle[], workers: number, note: (s: string) => void): Promise<PgRun> {
  const schema = `sitrep_bench_scale_${process.pid}_${workers}`;
  const db = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = (await openStore(db)) as PostgresStore;
  try {
    note(`PostgreSQL: queueing ${corpus.length} for ${workers} worker(s)`);
    await enqueue(store, corpus.map(docOf));
    note(`PostgreSQL: ${workers} worker(s) draining ${corpus.length}`);
    const t = performance.now();
    await Promise.all(
      Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
        const c = spawn(process.execPath, [CLI, 'worker', '--db', db, '--drain', '--poll', '50'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        c.stderr.on('data', (b: Buffer) => (err += b.toString()));
        c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker failed: ${err}`))));
      })),
    );
    const ms = performance.now() - t;
    const n = Number((await store.pool.query('SELECT count(*) AS n FROM documents')).rows[0].n);
    return { documents: n, workers, ms, docsPerSecond: n / (ms / 1000) };
  } finally {
    await store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await store.close();
  }
}

export async function measureScale(o: ScaleOptions): Promise<ScaleReport> {
  const sizes = [...o.sizes].sort((a, b) => a - b);
  const largest = generateCorpus({ articles: sizes[sizes.length - 1]!, seed: o.seed });
  const records = await analyses(largest, o.seed, o.note);
  const sqlite: SizeResult[] = [];
  for (const n of sizes) sqlite.push(await sqliteSize(largest.slice(0, n), records.slice(0, n), o.note, o.keepStores, o.order));
  const pg: PgRun[] = [];
  if (o.pg) for (const w of o.pgWorkers) pg.push(await pgRun(o.pg, largest.slice(0, sizes[0]!), w, o.note));
  return { machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) }, seed: o.seed, sqlite, pg };
}

export function renderScale(r: ScaleReport): string {
  const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `sitrep bench --scale · ${r.machine.cpu}, ${r.machine.cores} cores, load average ${r.machine.loadAverage.join(' ')} · corpus seed ${r.seed}`,
    '',
    'Storing analysed documents (SQLite, the picture updated with each); per document, wall / CPU:',
    '',
    '| documents | store (wall / CPU) | first 200 | last 200 | last / first (CPU) | file |',
    '|---|---|---|---|---|---|',
    ...r.sqlite.map(
      (s) =>
        `| ${f(s.documents)} | ${f(s.ingestMs / 1000, 1)} s / ${f(s.ingestCpuMs / 1000, 1)} s | ${f(s.firstWindowMsPerDoc, 1)} / ${f(s.firstWindowCpuMsPerDoc, 1)} ms | ${f(s.lastWindowMsPerDoc, 1)} / ${f(s.lastWindowCpuMsPerDoc, 1)} ms | ${f(s.lastWindowCpuMsPerDoc / s.firstWindowCpuMsPerDoc, 2)} | ${f(s.fileMb)} MB |`,
    ),
    '',
    ...r.sqlite.map((s) => `CPU ms per document, windows of ${WINDOW}, ${f(s.documents)} documents: ${s.cpuWindows.map((x) => f(x)).join(', ')}`),
    '',
    '| documents | report | wall | CPU | peak RSS | output |',
    '|---|---|---|---|---|---|',
    ...r.sqlite.flatMap((s) => s.reports.map((x) => `| ${f(s.documents)} | ${x.what} | ${f(x.ms)} ms | ${f(x.cpuMs)} ms | ${f(x.maxRssMb)} MB | ${f(x.bytes / 1e6, 1)} MB |`)),
  ];
  if (r.pg.length) {
    const one = r.pg.find((p) => p.workers === 1);
    lines.push('', '| PostgreSQL workers | documents | wall | documents/s | vs 1 worker |', '|---|---|---|---|---|');
    for (const p of r.pg) lines.push(`| ${p.workers} | ${f(p.documents)} | ${f(p.ms / 1000, 1)} s | ${f(p.docsPerSecond, 1)} | ${one ? f(p.docsPerSecond / one.docsPerSecond, 2) : ''} |`);
  }
  return lines.join('\n');
}
