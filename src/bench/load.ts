/**
 * `npm run bench:load`: the desk's API under concurrent clients. Builds (once) a SQLite store of generated
 * articles (src/bench/corpus.ts), starts `sitrep serve` on it in a child process on 127.0.0.1, warms it up,
 * then runs N clients in parallel, each sending filtered `GET /api/events` requests back to back (keep-alive)
 * until a fixed number of requests has been made or a time limit passes — a bounded load, on this machine
 * only. Prints latency percentiles (p50, p90, p99, max), throughput and errors.
 *
 *   npm run bench:load -- --articles 4000 --clients 20 --requests 6000 [--mix varied|repeat] [--route events|points|timeline]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Agent } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './args.js';
import { procCpuMs, timedGet } from './http-probe.js';
import { generateCorpus } from './corpus.js';
import { queries } from './load-queries.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli/main.js');

const USAGE = 'npm run bench:load -- [--articles N] [--clients N] [--requests N] [--seconds N] [--seed N] [--db FILE] [--mix varied|repeat] [--route events|points|timeline] [--read-workers N] [--profile DIR] [--json]';
const values = benchArgs('bench:load', USAGE, {
  articles: { type: 'string', default: '4000' },
  clients: { type: 'string', default: '20' },
  requests: { type: 'string', default: '6000' },
  seconds: { type: 'string', default: '300' },
  seed: { type: 'string', default: '2016' },
  db: { type: 'string' },
  mix: { type: 'string', default: 'varied' },
  route: { type: 'string', default: 'events' },
  profile: { type: 'string' },
  'read-workers': { type: 'string' },
  json: { type: 'boolean' },
});
const articles = Number(values.articles);
const clients = Number(values.clients);
const total = Number(values.requests);
const seconds = Number(values.seconds);
const dir = path.join(ROOT, '.cache', 'bench-load');
const db = values.db ?? path.join(dir, `desk-${articles}-${values.seed}.db`);
const log = (s: string) => process.stderr.write(s + '\n');

/** The store: generated articles ingested by the CLI, once per size and seed. */
function ensureStore(): void {
  if (existsSync(db)) return;
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, `corpus-${articles}-${values.seed}.jsonl`);
  const corpus = generateCorpus({ articles, seed: Number(values.seed) });
  writeFileSync(input, corpus.map((a) => JSON.stringify({ id: a.id, title: a.title, source: a.source, published: a.published, text: a.text })).join('\n') + '\n');
  log(`load: ingesting ${articles} generated articles into ${db} …`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'ingest', '--input', input, '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('ingest failed');
  log(`load: ingested in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** A store made by an older sitrep is migrated (`sitrep db migrate`), and its picture rebuilt when it needs it (`sitrep rebuild`). */
function ensurePicture(): void {
  const r = spawnSync(process.execPath, [CLI, 'report', '--db', db, '--format', 'json', '--since', '2099-01-01'], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status === 0) return;
  if (/db migrate/.test(r.stderr.toString())) {
    // A store made by an older sitrep: its schema brought up to date first.
    log('load: migrating the store …');
    if (spawnSync(process.execPath, [CLI, 'db', 'migrate', '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('migrate failed');
    return ensurePicture();
  }
  if (!/rebuild/.test(r.stderr.toString())) throw new Error(`the store cannot be read: ${r.stderr.toString().trim()}`);
  log('load: rebuilding the stored picture …');
  const t = Date.now();
  const b = spawnSync(process.execPath, [CLI, 'rebuild', '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('rebuild failed');
  log(`load: rebuilt in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  ensureStore();
  ensurePicture();
  // --profile DIR: the server writes a CPU profile there when it is stopped.
  const prof = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)] : [];
  const server = spawn(process.execPath, [...prof, CLI, 'serve', '--db', db, '--port', '0', ...(values['read-workers'] !== undefined ? ['--read-workers', values['read-workers']] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (b: Buffer) => {
        const m = /:(\d+)\//.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      server.once('exit', (c) => reject(new Error(`serve exited (${c})`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    let t = Date.now();
    const first = await timedGet(agent, port, '/api/events?limit=1');
    log(`load: first request (builds the picture) ${first.status} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // Warm-up: the repeated mix's own queries; the varied mix warms on queries it will not send again.
    const warm = queries(values.mix === 'repeat' ? 'repeat' : 'varied', 40 + total, values.route!);
    const qs = values.mix === 'repeat' ? warm : warm.slice(40);
    for (const q of warm.slice(0, 40)) await timedGet(agent, port, q);
    const stats = JSON.parse((await timedGet(agent, port, '/api/stats', true)).body!);
    const events = (JSON.parse((await timedGet(agent, port, '/api/events/points?limit=1', true)).body!) as { total: number }).total;
    const lat: number[] = [];
    const cpu0 = procCpuMs(server.pid);
    const load0 = loadavg()[0]!;
    let errors = 0;
    let bytes = 0;
    let next = 0;
    const deadline = Date.now() + seconds * 1000;
    t = Date.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total && Date.now() < deadline) {
          const q = qs[next++ % qs.length]!;
          try {
            const r = await timedGet(agent, port, q);
            lat.push(r.ms);
            bytes += r.bytes;
            if (r.status !== 200) errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    const wall = (Date.now() - t) / 1000;
    const cpu1 = procCpuMs(server.pid);
    const load1 = loadavg()[0]!;
    lat.sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? NaN;
    const result = {
      documents: stats.documents,
      events,
      route: values.route,
      mix: values.mix,
      // Different queries among those sent (the varied mix: every one).
      distinct: Math.min(qs.length, lat.length + errors),
      clients,
      requests: lat.length,
      errors,
      seconds: Number(wall.toFixed(1)),
      perSecond: Number((lat.length / wall).toFixed(1)),
      meanKb: Number((bytes / lat.length / 1024).toFixed(1)),
      ms: { p50: pct(50), p90: pct(90), p99: pct(99), max: lat[lat.length - 1] },
      // What the server spent per request (user + system), whatever else the machine was doing.
      serverCpuMsPerRequest: cpu0 !== null && cpu1 !== null ? Number(((cpu1 - cpu0) / lat.length).toFixed(2)) : null,
      loadAverage: Number(((load0 + load1) / 2).toFixed(1)),
    };
    for (const k of Object.keys(result.ms) as (keyof typeof result.ms)[]) result.ms[k] = Number(result.ms[k]!.toFixed(1));
    if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
    else {
      process.stdout.write(
        `GET ${qs[0]!.split('?')[0]} with filters (${result.mix}: ${result.distinct} different queries): ${result.documents} documents, ${result.events} events; ${clients} clients, ${result.requests} requests in ${result.seconds} s (${result.perSecond}/s, ${result.meanKb} KB each), ${errors} errors\n` +
          `latency ms: p50 ${result.ms.p50}  p90 ${result.ms.p90}  p99 ${result.ms.p99}  max ${result.ms.max}\n` +
          `server CPU per request: ${result.serverCpuMsPerRequest ?? 'unknown'} ms; load average ${result.loadAverage} (${cpus().length} cores)\n`,
      );
    }
    agent.destroy();
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  process.stderr.write(`sitrep: bench:load: ${(e as Error).message}\n`);
  process.exit(1);
});
