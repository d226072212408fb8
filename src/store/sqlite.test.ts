import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from './contract.js';
import { riverReport } from './fixtures.test-support.js';
import { loadMigrations, parseMigrationFiles } from './migrations.js';
import { openStore } from './open.js';
import { applyMigrations, SqliteStore } from './sqlite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-store-'));
let n = 0;

storeContract('SQLite (temp file)', {
  dialect: 'sqlite',
  fresh: async () => path.join(dir, `t${++n}.db`),
  cleanup: async () => {},
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite specifics', () => {
  it('uses WAL journaling on a file and foreign keys', async () => {
    const s = new SqliteStore(path.join(dir, 'wal.db'));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await s.close();
  });

  it('records each migration with its version and name', async () => {
    const file = path.join(dir, 'versions.db');
    await (await openStore(file)).close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    db.close();
    expect(rows).toEqual(loadMigrations('sqlite').map((m) => ({ version: m.version, name: m.name })));
  });

  it('refuses a database whose schema is newer than the code', async () => {
    const file = path.join(dir, 'newer.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')").run();
    db.close();
    await expect(openStore(file)).rejects.toThrow(/version 999, newer than this sitrep/);
  });

  it('does not migrate when asked not to, and says how to', async () => {
    const file = path.join(dir, 'nomigrate.db');
    await expect(openStore(file, { migrate: false })).rejects.toThrow(/sitrep db migrate/);
  });

  it('names the path when the database cannot be opened', async () => {
    const file = path.join(dir, 'no-such-folder', 'x.db');
    await expect(openStore(file)).rejects.toThrow(file);
  });

  it('applies migrations in order, each whole or not at all', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const list = parseMigrationFiles([
      { file: '002_second.sql', sql: 'CREATE TABLE b (x); CREATE TABLE b (x);' },
      { file: '001_first.sql', sql: 'CREATE TABLE a (x);' },
    ]);
    expect(() => applyMigrations(db, list, 'mem')).toThrow(/migration 2 \(second\) failed/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a', 'b') ORDER BY name").all();
    expect(tables).toEqual([{ name: 'a' }]);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    // Fixed, it applies the rest only.
    list[1]!.sql = 'CREATE TABLE b (x);';
    expect(applyMigrations(db, list, 'mem')).toEqual([2]);
    expect(applyMigrations(db, list, 'mem')).toEqual([]);
    db.close();
  });

  it('moves entities kept as a generic layer before migration 010 into their own table', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const all = loadMigrations('sqlite');
    applyMigrations(db, all.filter((m) => m.version < 10), 'mem');
    db.prepare(
      `INSERT INTO documents (pk, id, hash, text_hash, format, length, text, ingested_at, extra)
       VALUES (1, 'd', 'h', 't', 'text', 11, 'Rain in Ada', '2026-01-01', ?)`,
    ).run(JSON.stringify({ fields: {}, layers: ['claims', 'entities'] }));
    const put = db.prepare('INSERT INTO layer_items (doc, layer, ord, span_start, span_end, data) VALUES (1, ?, ?, ?, ?, ?)');
    put.run('entities', 0, 8, 11, JSON.stringify({ label: 'LOC', sentence: 0 }));
    put.run('claims', 0, 0, 4, JSON.stringify({ who: 'x' }));
    expect(applyMigrations(db, all, 'mem')).toContain(10);
    expect(db.prepare('SELECT ord, span_start, span_end, label FROM entities').all()).toEqual([{ ord: 0, span_start: 8, span_end: 11, label: 'LOC' }]);
    expect(db.prepare('SELECT layer FROM layer_items').all()).toEqual([{ layer: 'claims' }]);
    expect(JSON.parse((db.prepare('SELECT extra FROM documents').get() as { extra: string }).extra)).toEqual({ fields: {}, layers: ['claims'] });
    db.close();
  });

  it('accepts only NNN_name.sql, each number once (ranges per concern leave gaps)', () => {
    expect(() => parseMigrationFiles([{ file: '1_x.sql', sql: '' }])).toThrow(/NNN_name/);
    expect(() => parseMigrationFiles([{ file: '001_a.sql', sql: '' }, { file: '001_b.sql', sql: '' }])).toThrow(/used twice/);
    expect(() => parseMigrationFiles([{ file: '000_a.sql', sql: '' }])).toThrow(/below 001/);
    expect(parseMigrationFiles([{ file: '001_a.sql', sql: '' }, { file: '030_c.sql', sql: '' }]).map((m) => m.version)).toEqual([1, 30]);
    expect(parseMigrationFiles([{ file: '001_a.sql', sql: 'x' }])).toEqual([{ version: 1, name: 'a', sql: 'x' }]);
  });

  it('applies a migration that lands below one the database already has', () => {
    // 030 went in first (one engineer's range), then 020 landed: a database at 030 still gets 020.
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const first = parseMigrationFiles([
      { file: '001_a.sql', sql: 'CREATE TABLE a (x);' },
      { file: '030_c.sql', sql: 'CREATE TABLE c (x);' },
    ]);
    expect(applyMigrations(db, first, 'mem')).toEqual([1, 30]);
    const later = parseMigrationFiles([...first.map((m) => ({ file: `${String(m.version).padStart(3, '0')}_${m.name}.sql`, sql: m.sql })), { file: '020_b.sql', sql: 'CREATE TABLE b (x);' }]);
    expect(applyMigrations(db, later, 'mem')).toEqual([20]);
    expect(applyMigrations(db, later, 'mem')).toEqual([]);
    // A database that recorded a migration this code does not know came from a newer sitrep.
    expect(() => applyMigrations(db, first, 'mem')).toThrow(/version 20, newer than this sitrep/);
    db.close();
  });

  it('keeps an in-memory store for tests', async () => {
    const s = await openStore(':memory:');
    const f = riverReport();
    await s.putAnalysis(f.record, f.text);
    expect((await s.stats()).documents).toBe(1);
    await s.close();
  });
});
