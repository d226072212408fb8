import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { riverReport } from './fixtures.test-support.js';
import pg from 'pg';
import { dropSchemas, freshSchemas, PG_URL, pgProblem, withPostgres } from './pg-harness.test-support.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-ro-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const made = path.join(dir, 'made.db');
beforeAll(async () => {
  const s = await openStore(made);
  const f = riverReport();
  await s.putAnalysis(f.record, f.text);
  await s.close();
});

const tables = (file: string) => (new Database(file, { readonly: true }).prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);

describe('SQLite opened read-only', () => {
  it('reads a file it cannot write, and writes nothing', async () => {
    const file = path.join(dir, 'locked.db');
    copyFileSync(made, file);
    // A rollback-journal copy (not WAL): switching it to WAL would be a write.
    const w = new Database(file);
    w.pragma('journal_mode = DELETE');
    w.close();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const s = await openStore(file, { readOnly: true });
    expect(s.readOnly).toBe(true);
    expect((await s.stats()).documents).toBe(1);
    expect((await s.search('clashes')).map((h) => h.id)).toEqual(['river-1']);
    const f = riverReport();
    await expect(s.putAnalysis(f.record, f.text + ' More.')).rejects.toThrow(/read-only|readonly/);
    await s.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("refuses another application's database, read-only or not, and adds nothing to it", async () => {
    const other = path.join(dir, 'other-app.db');
    const db = new Database(other);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    await expect(openStore(other, { readOnly: true })).rejects.toThrow(/not a sitrep database.*customers/);
    await expect(openStore(other)).rejects.toThrow(/not a sitrep database/);
    expect(tables(other)).toEqual(['customers']);
  });

  it('refuses an empty file read-only, and a new file is still created by writers', async () => {
    const empty = path.join(dir, 'empty.db');
    new Database(empty).close();
    await expect(openStore(empty, { readOnly: true })).rejects.toThrow(/not a sitrep database/);
    const fresh = await openStore(path.join(dir, 'fresh.db'));
    expect(fresh.readOnly).toBe(false);
    await fresh.close();
  });
});

const { harness, schemas } = freshSchemas('readonly');
withPostgres('PostgreSQL opened read-only', await pgProblem(), () => {
  afterAll(() => dropSchemas(schemas));
  it('reads in read-only transactions, migrates nothing, and refuses a foreign schema', async () => {
    const location = await harness.fresh();
    const w = await openStore(location);
    const f = riverReport();
    await w.putAnalysis(f.record, f.text);
    await w.close();
    const r = await openStore(location, { readOnly: true });
    expect((await r.stats()).documents).toBe(1);
    await expect(r.putAnalysis(f.record, f.text + ' More.')).rejects.toThrow(/read-only/);
    await r.close();
    await expect(openStore(await harness.fresh(), { readOnly: true })).rejects.toThrow(/not a sitrep database/);
    const foreign = await harness.fresh();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA "${schemas.at(-1)}"; CREATE TABLE "${schemas.at(-1)}".customers (id int)`);
    await c.end();
    await expect(openStore(foreign)).rejects.toThrow(/not a sitrep database.*customers/);
  });
});
