/**
 * `npm run probe:hostile`: issue 15's attacker checks against a live `sitrep serve` and `sitrep watch`, as
 * a script (each is also covered by tests; this runs them end to end on the built CLI).
 *
 * - oversized bodies: a declared and a streamed body over --max-body are 413, the server keeps answering;
 * - a gzip bomb posted with Content-Encoding: gzip is not inflated (sitrep reads bodies as they come);
 * - a gzip bomb served as a feed to `sitrep watch --once` is cut off at --max-bytes while it inflates;
 * - slowloris: many connections sending their headers a byte at a time do not stop /api/stats, and the
 *   server closes them once the headers time limit (30 s) has passed;
 * - path traversal: `..` in any encoding under /app/, /api/documents/ and elsewhere reaches no file;
 * - injection: a posted article full of markup comes back as text on the report and the document page;
 * - kill -9: `sitrep ingest` into SQLite killed three times (once while it creates the schema), then run to
 *   the end: every document stored once, the file intact, the picture the one a clean ingest gives.
 *
 * Prints one line per check (ok / FAIL) and exits 1 if any failed.
 *
 *   npm run probe:hostile
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { benchArgs } from './args.js';
import { generateCorpus } from './corpus.js';

// No options: an argument is a mistake worth saying, not one to ignore.
benchArgs('probe:hostile', 'npm run probe:hostile', {});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli/main.js');
const failures: string[] = [];

function check(name: string, ok: boolean, detail: string): void {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${name}: ${detail}\n`);
  if (!ok) failures.push(name);
}

interface Answer {
  status: number;
  ms: number;
  body: string;
  type: string;
}

function send(port: number, method: string, p: string, headers: Record<string, string | number> = {}, body?: Buffer): Promise<Answer> {
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - t, body: Buffer.concat(parts).toString(), type: String(res.headers['content-type'] ?? '') }));
    });
    // A server that answers before the body is all sent (413) closes the connection: writing then fails,
    // and the answer already read is what counts.
    req.on('error', (e) => setTimeout(() => reject(e), 200));
    req.end(body);
  });
}

/**
 * POST `mb` megabytes chunked on a plain socket, as fast as the server takes them, and read what it
 * answers meanwhile (Node's own client drops an answer that arrives while it is still writing).
 */
function streamPost(port: number, p: string, headers: Record<string, string>, mb: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    let sent = 0;
    const finish = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? -1), sent });
    s.on('data', (b: Buffer) => (got += b.toString('latin1')));
    s.on('error', () => {});
    s.on('close', finish);
    const head = Object.entries({ Host: '127.0.0.1', 'Transfer-Encoding': 'chunked', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    s.write(`POST ${p} HTTP/1.1\r\n${head}\r\n`);
    const chunk = Buffer.concat([Buffer.from('f4240\r\n'), Buffer.alloc(1_000_000, 'a'), Buffer.from('\r\n')]);
    void (async () => {
      for (let i = 0; i < mb && !s.destroyed && !got; i++) {
        sent += 1_000_000;
        if (!s.write(chunk)) await new Promise((r) => s.once('drain', r).once('close', r));
      }
      if (!s.destroyed) s.end('0\r\n\r\n');
    })();
  });
}

/** Resident memory of a process, MB (from /proc; 0 where there is none). */
function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-hostile-'));
const db = path.join(tmp, 'hostile.db');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: '', maxBuffer: 1 << 28 });

async function main(): Promise<void> {
  process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  const made = cli('user', 'add', 'prober', '--role', 'editor', '--db', db, '--create');
  if (made.status !== 0) throw new Error(`user add: ${made.stderr}`);
  const token = made.stdout.trim().split(/\s+/).pop()!;
  const auth = { Authorization: `Bearer ${token}` };
  const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--max-body', '1000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (b: Buffer) => {
        const m = /:(\d+)\//.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      server.once('exit', (c) => reject(new Error(`serve exited (${c}): ${stderr}`)));
    });
    const stats = () => send(port, 'GET', '/api/stats');

    // Oversized bodies.
    const declared = await send(port, 'POST', '/api/documents', { ...auth, 'Content-Type': 'text/plain', 'Content-Length': 50_000_000 }, Buffer.alloc(0)).catch((e: Error) => ({ status: -1, ms: 0, body: e.message, type: '' }));
    check('oversized body, declared', declared.status === 413, `${declared.status} in ${declared.ms} ms for a declared 50 MB`);
    const streamed = await streamPost(port, '/api/documents', { ...auth, 'Content-Type': 'text/plain' }, 50);
    // The server answers 413 and closes the connection as soon as the body passes the limit; a client still
    // sending then may get a reset before it has read the 413 (the server does not linger to drain the body).
    check(
      'oversized body, streamed',
      streamed.status === 413 || (streamed.status === -1 && streamed.sent < 50_000_000),
      `${streamed.status === 413 ? '413' : 'connection reset'} after ${(streamed.sent / 1e6).toFixed(1)} MB of 50 MB sent chunked (limit 1 MB)`,
    );
    check('serves after oversized bodies', (await stats()).status === 200, 'GET /api/stats 200');

    // A gzip bomb posted: 200 MB of zeros in about 200 KB.
    const bomb = gzipSync(Buffer.alloc(200_000_000));
    const rss0 = rssMb(server.pid);
    const posted = await send(port, 'POST', '/api/documents?id=bomb', { ...auth, 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' }, bomb);
    const rss1 = rssMb(server.pid);
    check('gzip bomb posted', posted.status >= 400 && posted.status < 500 && rss1 - rss0 < 100, `${posted.status} (${bomb.length.toLocaleString('en-US')} bytes posted; server RSS ${rss0.toFixed(0)} → ${rss1.toFixed(0)} MB) ${posted.body.slice(0, 120)}`);

    // Slowloris: 200 connections that never finish their headers.
    const sockets: Socket[] = [];
    const opened = Date.now();
    let closed = 0;
    for (let i = 0; i < 200; i++) {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => {});
      s.on('close', () => closed++);
      s.write('GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      sockets.push(s);
    }
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('X');
    }, 1000);
    const during: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await stats();
      if (r.status !== 200) during.push(-1);
      else during.push(r.ms);
      await new Promise((r) => setTimeout(r, 250));
    }
    check('slowloris: others served', during.every((x) => x >= 0), `/api/stats with 200 dripping connections open: max ${Math.max(...during)} ms over ${during.length} requests`);

    // Path traversal.
    const traversals = [
      '/app/../../package.json',
      '/app/..%2f..%2fpackage.json',
      '/app/%2e%2e/%2e%2e/package.json',
      '/app/..%5c..%5cpackage.json',
      '/api/documents/..%2f..%2f..%2fetc%2fpasswd',
      '/api/documents/%2fetc%2fpasswd.html',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/report/../../../../etc/passwd',
      '/app/app.js%00.json',
    ];
    const leaked: string[] = [];
    for (const p of traversals) {
      const r = await send(port, 'GET', p);
      if (/root:x:0:0|"name": "sitrep"|"devDependencies"/.test(r.body)) leaked.push(`${p} → ${r.status}`);
    }
    check('path traversal', leaked.length === 0, leaked.length ? leaked.join(', ') : `${traversals.length} paths, no file content in any answer`);

    // Injection: an article made of markup, posted, then read back on the pages that show it.
    const hostile = [
      'Gunmen attacked a checkpoint near the river on Monday, killing two guards, officials said.',
      '<script>window.pwned=1</script> </script><script>window.pwned=2</script>',
      '<img src=x onerror="window.pwned=3"> <svg onload="window.pwned=4"> <iframe src="javascript:window.pwned=5"></iframe>',
      '"><a href="javascript:window.pwned=6">link</a>',
    ].join('\n\n');
    const made2 = await send(port, 'POST', '/api/documents?id=%3Cscript%3Ealert(7)%3C%2Fscript%3E&title=%3Cimg%20src%3Dx%20onerror%3Dalert(8)%3E&source=%22%3E%3Cscript%3E', { ...auth, 'Content-Type': 'text/plain' }, Buffer.from(hostile));
    const pages = ['/report', '/api/documents/' + encodeURIComponent('<script>alert(7)</script>') + '.html', '/api/documents'];
    const live: string[] = [];
    for (const p of pages) {
      const r = await send(port, 'GET', p, { Accept: 'text/html' });
      // JSON (served as application/json with nosniff) is data, not markup.
      if (r.type.startsWith('text/html') && /<script>window\.pwned|<script>alert|<img src=x onerror|<svg onload|<iframe src="javascript|href="javascript/i.test(r.body)) live.push(`${p} (${r.status})`);
    }
    check('injection', made2.status === 201 && live.length === 0, `posted ${made2.status}; ${live.length ? 'live markup on ' + live.join(', ') : `no live markup on ${pages.length} pages (${pages.join(', ')})`}`);

    // Slowloris, the end: the dripping connections are closed by the headers limit (checked every 30 s).
    while (closed < sockets.length && Date.now() - opened < 90_000) await new Promise((r) => setTimeout(r, 500));
    clearInterval(drip);
    check('slowloris: connections closed', closed === sockets.length, `${closed} of ${sockets.length} dripping connections closed by the server, the last ${((Date.now() - opened) / 1000).toFixed(0)} s after they opened`);
    for (const s of sockets) s.destroy();
    check('server healthy at the end', (await stats()).status === 200 && !/internal/.test(stderr), stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'no error logged');
  } finally {
    server.kill('SIGTERM');
  }

  // A gzip bomb as a feed: `sitrep watch --once` inflates it only up to --max-bytes.
  const feed = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' });
    res.end(gzipSync(Buffer.concat([Buffer.from('<rss><channel><item><title>x</title><description>'), Buffer.alloc(500_000_000, 'a')])));
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`;
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'watch', url, '--once', '--db', db, '--max-bytes', '5000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    const lines = out.trim().split('\n');
    const maxKb = Number(lines.at(-1));
    check('gzip bomb feed', /too large/.test(out) && maxKb < 400_000, `watch --once exit ${code}, peak RSS ${(maxKb / 1024).toFixed(0)} MB for 500 MB inflated: ${lines.find((l) => /too large/.test(l)) ?? lines.join(' | ')}`);
  } finally {
    feed.close();
  }
}

/** `sitrep ingest` killed with SIGKILL after each delay, then run to the end; compared with a clean ingest. */
async function killDuringIngest(): Promise<void> {
  const corpus = generateCorpus({ articles: 40, seed: 15 });
  const input = path.join(tmp, 'kill.jsonl');
  writeFileSync(input, corpus.map((a) => JSON.stringify({ id: a.id, title: a.title, source: a.source, published: a.published, text: a.text })).join('\n') + '\n');
  const killed = path.join(tmp, 'killed.db');
  const clean = path.join(tmp, 'clean.db');
  const kills: string[] = [];
  const storedIn = (db: string): number | null => {
    try {
      const d = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return d.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").pluck().get() ? (d.prepare('SELECT count(*) FROM documents').pluck().get() as number) : null;
      } finally {
        d.close();
      }
    } catch {
      return null;
    }
  };
  // Killed while it creates the schema, then once 5 and once 20 documents are stored (mid-batch).
  for (const when of [{ ms: 150 }, { stored: 5 }, { stored: 20 }]) {
    const child = spawn(process.execPath, [CLI, 'ingest', '--input', input, '--db', killed], { stdio: 'ignore' });
    const exited = new Promise<string | null>((r) => child.on('exit', (_, sig) => r(sig)));
    let over = false;
    void exited.then(() => (over = true));
    const t = Date.now();
    if ('ms' in when) await new Promise((r) => setTimeout(r, when.ms));
    else while (!over && Date.now() - t < 300_000 && (storedIn(killed) ?? 0) < when.stored) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    const signal = await exited;
    const n = storedIn(killed);
    kills.push(`${'ms' in when ? `${when.ms} ms` : `${when.stored} stored`}: ${signal ?? 'exit'} (${n === null ? 'no schema yet' : `${n} stored`})`);
  }
  const last = spawnSync(process.execPath, [CLI, 'ingest', '--input', input, '--db', killed], { encoding: 'utf8' });
  const ref = spawnSync(process.execPath, [CLI, 'ingest', '--input', input, '--db', clean], { encoding: 'utf8' });
  const statsOf = (db: string) => JSON.parse(cli('stats', '--json', '--db', db).stdout || '{}') as Record<string, number>;
  const [a, b] = [statsOf(killed), statsOf(clean)];
  const check2 = new Database(killed, { readonly: true });
  const integrity = check2.pragma('integrity_check', { simple: true });
  const dupes = check2.prepare('SELECT count(*) FROM (SELECT text_hash FROM documents GROUP BY text_hash HAVING count(*) > 1)').pluck().get() as number;
  check2.close();
  const report = (db: string) => cli('report', '--format', 'json', '--db', db).stdout;
  const r = report(killed);
  const same = JSON.stringify(a) === JSON.stringify(b) && r.length > 0 && r === report(clean);
  check(
    'kill -9 during ingest (SQLite)',
    last.status === 0 && ref.status === 0 && a.documents === corpus.length && dupes === 0 && integrity === 'ok' && same,
    `killed at ${kills.join(', ')}; then ${a.documents} of ${corpus.length} documents, ${dupes} duplicated, integrity ${integrity}, stats and report ${same ? 'equal to' : 'DIFFERENT from'} a clean ingest`,
  );
}

main()
  .then(killDuringIngest)
  .catch((e) => {
    process.stderr.write(`sitrep: probe:hostile: ${(e as Error).message}\n`);
    failures.push('probe');
  })
  .finally(() => {
    rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(failures.length ? `${failures.length} check(s) failed: ${failures.join(', ')}\n` : 'all checks passed\n');
    process.exit(failures.length ? 1 : 0);
  });
