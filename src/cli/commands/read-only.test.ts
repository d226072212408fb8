/**
 * Read-only means read-only (issue 15, defect 5): a SQLite file nobody may write — chmod 0444 — is served by
 * `sitrep serve --read-only` (the desk's routes included) and read by stats, report, search and export, and
 * its bytes stay the same. Before, `serve --read-only` opened the file for writing (the desk brought its
 * event rows up to date on read and kept sessions in the store), so it could not serve such a file.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../../desk/open.js';
import { startServer } from '../../server/app.js';
import { openStore } from '../../store/open.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-readonly-'));
afterAll(() => {
  // The copies are read-only: make them writable again so the folder can go.
  for (const f of ['locked.db', 'unbuilt.db', 'behind.db']) if (existsSync(path.join(dir, f))) chmodSync(path.join(dir, f), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

function sitrep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

// Two reports of our own, written for this test.
const STORIES = [
  { id: 'ro-1', source: 'Hill Gazette', published: '2017-03-02', text: 'Gunmen killed three guards at a checkpoint near Tikrit on Thursday, police said.' },
  { id: 'ro-2', source: 'Plain Times', published: '2017-03-04', text: 'An air strike hit a market in Mosul on Saturday, killing five people, a local official said.' },
];

const made = path.join(dir, 'made.db');
let token = '';
let session = { id: '', csrf: '' };

/**
 * A copy of the store that nobody may write: a rollback journal (no WAL switch is possible) and mode 0444.
 * Root may write it all the same, so the tests also compare its bytes before and after.
 */
function lockedCopy(name: string, change?: (db: Database.Database) => void): string {
  const file = path.join(dir, name);
  copyFileSync(made, file);
  const w = new Database(file);
  w.pragma('journal_mode = DELETE');
  change?.(w);
  w.close();
  chmodSync(file, 0o444);
  return file;
}

beforeAll(async () => {
  const input = path.join(dir, 'in.jsonl');
  writeFileSync(input, STORIES.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const ingested = await sitrep('ingest', '--db', made, '--input', input);
  expect(ingested.code, ingested.err).toBe(0);
  const store = await openStore(made);
  try {
    const d = deskData(store);
    const a = await d.addAccount('reader', 'viewer');
    token = a.token;
    session = await d.createSession(a.account.id, 3600_000);
  } finally {
    await store.close();
  }
}, 240_000);

describe('a SQLite file nobody may write', { timeout: 240_000 }, () => {
  it('is served by `serve --read-only`, desk routes included, and read by stats, report, search and export; its bytes stay the same', async () => {
    const file = lockedCopy('locked.db');
    const before = readFileSync(file);
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--read-only', '--db', file, '--port', '0'], { cwd: ROOT, env: { ...process.env, SITREP_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    try {
      const events = await fetch(url + 'api/events');
      expect(events.status, await events.clone().text()).toBe(200);
      expect(events.headers.get('sitrep-stale')).toBeNull();
      const list = (await events.json()) as { total: number; events: { id: string }[] };
      expect(list.total).toBeGreaterThan(0);
      const id = list.events[0]!.id;
      const routes = [
        'api/stats',
        'api/events?q=guards',
        'api/events?sort=-deaths&country=IQ',
        'api/events/points',
        'api/events/timeline',
        `api/events/${encodeURIComponent(id)}`,
        'api/facets',
        'api/control',
        'api/feed.atom',
        'api/report',
        'api/figures',
        'api/places',
        'api/export.csv',
        'api/export.geojson',
        'api/search?q=checkpoint',
        'api/documents',
        'api/documents/ro-1',
        'api/documents/ro-1.html',
        'api/desks',
        'api/session',
        'api/gazetteer?q=Mosul',
        'report',
        '',
      ];
      for (const r of routes) {
        const res = await fetch(url + r);
        expect(res.status, `${r}: ${await res.clone().text()}`).toBe(200);
        await res.arrayBuffer();
      }
      // A token identifies a reader without writing anything.
      const who = (await (await fetch(url + 'api/session', { headers: { Authorization: `Bearer ${token}` } })).json()) as { account: { name: string } | null };
      expect(who.account?.name).toBe('reader');
      // Sessions are rows: signing in or out is refused in the one error shape, and nothing crashes.
      const login = await fetch(url + 'api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      expect(login.status).toBe(405);
      expect(((await login.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'method_not_allowed', message: expect.stringMatching(/read-only.*Bearer/) });
      const cookie = `sitrep_session=${session.id}`;
      expect(((await (await fetch(url + 'api/session', { headers: { Cookie: cookie } })).json()) as { via: string }).via).toBe('session');
      const logout = await fetch(url + 'api/logout', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': session.csrf } });
      expect(logout.status).toBe(405);
      expect(((await logout.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'method_not_allowed', message: expect.stringMatching(/read-only/) });
      const post = await fetch(url + 'api/documents', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' }, body: 'A new report.' });
      expect(post.status).toBe(405);
      expect((await fetch(url + 'api/stats')).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/internal|readonly database/i);

    for (const args of [['stats'], ['report', '--format', 'json'], ['search', 'checkpoint'], ['export', '--format', 'acled-csv'], ['audit']]) {
      const r = await sitrep(...args, '--db', file);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      if (args[0] !== 'audit') expect(r.out.length).toBeGreaterThan(0); // nothing was audited
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(existsSync(file + '-wal') || existsSync(file + '-journal')).toBe(false);
  });

  it('`stats` refuses a database another application made, and adds nothing to it', async () => {
    const other = path.join(dir, 'other-app.db');
    const db = new Database(other);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    const before = readFileSync(other);
    const r = await sitrep('stats', '--db', other, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'db_open', message: expect.stringMatching(/not a sitrep database.*customers/) });
    expect(readFileSync(other).equals(before)).toBe(true);
  });
});

describe('the desk of a read-only server over rows no writer brought up to date', () => {
  async function serveLocked(file: string) {
    const store = await openStore(file, { readOnly: true });
    const srv = await startServer(store, '127.0.0.1', 0, { readOnly: true });
    return {
      get: (p: string) => fetch(srv.url + p),
      close: async () => {
        await srv.close();
        await store.close();
      },
    };
  }

  it('refuses with a clear message when the rows were never built, and writes nothing', async () => {
    // As a migration leaves them (033 drops the rows and queues every event) until a writer runs.
    const file = lockedCopy('unbuilt.db', (w) => {
      w.exec("UPDATE desk_meta SET value = '-1' WHERE key = 'overrides'; INSERT INTO desk_changes (event_id) SELECT id FROM pic_events");
    });
    const before = readFileSync(file);
    const s = await serveLocked(file);
    try {
      const r = await s.get('/api/events');
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'desk_stale', message: expect.stringMatching(/read-only.*sitrep db migrate/) });
      expect((await s.get('/api/stats')).status).toBe(200);
    } finally {
      await s.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('serves the rows as they are, marked stale, when changes wait for a writer', async () => {
    const file = lockedCopy('behind.db', (w) => {
      w.exec('INSERT INTO desk_changes (event_id) SELECT id FROM pic_events LIMIT 1');
    });
    const s = await serveLocked(file);
    try {
      const r = await s.get('/api/events');
      expect(r.status).toBe(200);
      expect(r.headers.get('sitrep-stale')).toMatch(/sitrep db migrate/);
      expect(((await r.json()) as { total: number }).total).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});
