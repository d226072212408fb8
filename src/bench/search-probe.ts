/**
 * `npm run bench:search`: can a costly search stall the server? (issue 15's probe, as a script.)
 *
 * Builds a SQLite store holding one long generated document (400,000 characters by default, analysed and
 * stored by `sitrep ingest`), starts `sitrep serve` on it in a child process, then for a fixed time runs
 * clients that send 40-term prefix searches (`ab* or ca* or …`, the most a query may hold) back to back
 * while one prober asks `GET /api/stats` every 50 ms. Prints latency percentiles of both: the searches
 * should answer in under a second and the stats keep answering in milliseconds meanwhile (a search that ran
 * on the server's event loop would hold every stats request up for as long as it ran).
 *
 *   npm run bench:search -- --chars 400000 --clients 2 --seconds 30
 *
 * A measurement, not a test: the numbers depend on the machine and its load (printed with them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './args.js';
import { procCpuMs, timedGet } from './http-probe.js';
import { STOP_WORDS } from '../store/query.js';
import { longDocument } from './length.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli/main.js');

const USAGE = 'npm run bench:search -- [--chars N] [--clients N] [--seconds N] [--stats-every MS] [--terms N] [--db FILE] [--json]';
const values = benchArgs('bench:search', USAGE, {
  chars: { type: 'string', default: '400000' },
  clients: { type: 'string', default: '2' },
  seconds: { type: 'string', default: '30' },
  'stats-every': { type: 'string', default: '50' },
  terms: { type: 'string', default: '40' },
  db: { type: 'string' },
  json: { type: 'boolean' },
});
const chars = Number(values.chars);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const statsEvery = Number(values['stats-every']);
const terms = Number(values.terms);
const log = (s: string) => process.stderr.write(s + '\n');

/**
 * Queries of `terms` distinct prefixes each, taken from the document's own words (so every prefix matches,
 * most of them in nearly every paragraph): its two- and three-letter word beginnings, stop words left out
 * (they are dropped from queries), rotated so that consecutive queries differ.
 */
function prefixQueries(text: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
    for (const p of [w.slice(0, 2), w.slice(0, 3)]) if (!STOP_WORDS.has(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const common = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p).slice(0, n * 2);
  if (common.length < n) throw new Error(`the document has only ${common.length} distinct prefixes`);
  return Array.from({ length: 8 }, (_, k) => {
    const picked = Array.from({ length: n }, (_, i) => common[(i * 2 + k) % common.length]!);
    return [...new Set(picked)].map((p) => `${p}*`).join(' or ');
  });
}

/** Ask /api/stats every `every` ms (a fresh connection each time) until `until()`; the latencies. */
async function probeStats(port: number, every: number, until: () => boolean): Promise<number[]> {
  const own = new Agent({ keepAlive: false });
  const out: number[] = [];
  while (!until()) {
    const t = Date.now();
    const r = await timedGet(own, port, '/api/stats');
    if (r.status !== 200) throw new Error(`/api/stats answered ${r.status}`);
    out.push(r.ms);
    await new Promise((res) => setTimeout(res, Math.max(0, every - (Date.now() - t))));
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1)) : NaN;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p90: pct(xs, 90), p99: pct(xs, 99), max: pct(xs, 100) });

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-search-probe-'));
  const doc = longDocument(chars);
  const db = values.db ?? path.join(tmp, 'probe.db');
  try {
    if (!existsSync(db)) {
      const input = path.join(tmp, 'long.jsonl');
      writeFileSync(input, JSON.stringify({ id: doc.meta.id, title: doc.meta.title, source: doc.meta.source, published: doc.meta.published, text: doc.text }) + '\n');
      log(`search probe: analysing and storing one document of ${chars.toLocaleString('en-US')} characters …`);
      const t = Date.now();
      const r = spawnSync(process.execPath, [CLI, 'ingest', '--input', input, '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('ingest failed');
      log(`search probe: stored in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        server.stdout.on('data', (b: Buffer) => {
          const m = /:(\d+)\//.exec(b.toString());
          if (m) resolve(Number(m[1]));
        });
        server.once('exit', (c) => reject(new Error(`serve exited (${c})`)));
      });
      const agent = new Agent({ keepAlive: true, maxSockets: clients + 1 });
      const queries = prefixQueries(doc.text, terms);
      const url = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=20`;
      // The first search starts the search workers (each opens the file and loads nothing else).
      const first = await timedGet(agent, port, url(queries[0]!), true);
      if (first.status !== 200) throw new Error(`search answered ${first.status}: ${first.body!.slice(0, 300)}`);
      const hits = (JSON.parse(first.body!) as { hits: { snippet: string }[] }).hits;
      log(`search probe: first search ${first.status} in ${first.ms.toFixed(0)} ms (workers started), ${hits.length} hit(s), snippet ${JSON.stringify(hits[0]?.snippet.slice(0, 80))}`);
      await timedGet(agent, port, '/api/stats');

      // The same prober with no search running, for the same machine at the same load.
      const load0 = loadavg()[0]!;
      const quietEnd = Date.now() + Math.min(10, seconds) * 1000;
      const quietMs = await probeStats(port, statsEvery, () => Date.now() >= quietEnd);
      const cpu0 = procCpuMs(server.pid);
      const loop0 = procCpuMs(server.pid, true);
      const searchMs: number[] = [];
      const statsMs: number[] = [];
      const statuses: Record<string, number> = {};
      let done = false;
      const deadline = Date.now() + seconds * 1000;
      let next = 0;
      const searching = Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() < deadline) {
            const r = await timedGet(agent, port, url(queries[next++ % queries.length]!));
            searchMs.push(r.ms);
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          }
        }),
      ).finally(() => (done = true));
      // A fresh connection per stats request (no keep-alive): it waits for nothing the searches hold.
      const probing = probeStats(port, statsEvery, () => done).then((xs) => statsMs.push(...xs));
      await Promise.all([searching, probing]);
      const cpu1 = procCpuMs(server.pid);
      const loop1 = procCpuMs(server.pid, true);
      const load1 = loadavg()[0]!;
      const result = {
        chars,
        terms,
        clients,
        seconds,
        search: { ...summary(searchMs), statuses },
        stats: summary(statsMs),
        statsWithoutSearches: summary(quietMs),
        // What the server spent (every thread, user + system) per search, whatever else the machine did.
        serverCpuMsPerSearch: cpu0 !== null && cpu1 !== null && searchMs.length ? Number(((cpu1 - cpu0) / searchMs.length).toFixed(1)) : null,
        // Of which the event loop's thread (HTTP, handing the search to a worker, the stats requests).
        eventLoopCpuMsPerSearch: loop0 !== null && loop1 !== null && searchMs.length ? Number(((loop1 - loop0) / searchMs.length).toFixed(1)) : null,
        firstSearchMs: Number(first.ms.toFixed(0)),
        loadAverage: [Number(load0.toFixed(1)), Number(load1.toFixed(1))],
        cores: cpus().length,
        exampleQuery: queries[0],
      };
      if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
      else {
        process.stdout.write(
          `one stored document of ${chars.toLocaleString('en-US')} characters; ${clients} clients sending ${terms}-prefix searches for ${seconds} s, /api/stats every ${statsEvery} ms\n` +
            `search     n ${result.search.n}  p50 ${result.search.p50} ms  p90 ${result.search.p90}  p99 ${result.search.p99}  max ${result.search.max}  statuses ${JSON.stringify(statuses)}\n` +
            `/api/stats n ${result.stats.n}  p50 ${result.stats.p50} ms  p90 ${result.stats.p90}  p99 ${result.stats.p99}  max ${result.stats.max}\n` +
            `/api/stats with no search running (before): n ${quietMs.length}  p50 ${result.statsWithoutSearches.p50} ms  p90 ${result.statsWithoutSearches.p90}  p99 ${result.statsWithoutSearches.p99}  max ${result.statsWithoutSearches.max}\n` +
            `server CPU per search: ${result.serverCpuMsPerSearch ?? 'unknown'} ms (all threads), ${result.eventLoopCpuMsPerSearch ?? 'unknown'} ms on the event loop's thread (stats requests included)\n` +
            `load average ${result.loadAverage.join(' → ')} on ${result.cores} cores; e.g. q=${queries[0]}\n`,
        );
      }
      agent.destroy();
    } finally {
      server.kill('SIGTERM');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`sitrep: bench:search: ${(e as Error).message}\n`);
  process.exit(1);
});
