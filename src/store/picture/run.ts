/**
 * Executing the statements the picture's generators yield (./sql.ts): synchronously on a better-sqlite3
 * connection (inside its transaction), asynchronously on a PostgreSQL client (inside its transaction,
 * taking the advisory locks asked for).
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { NeedLocks } from './ops.js';
import type { Sql, SqlReq } from './sql.js';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

const bindable = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

function sqliteStep(db: Database.Database, req: SqlReq): unknown {
  if (req.kind === 'lock') return undefined;
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let st = cache.get(req.sql);
  if (!st) cache.set(req.sql, (st = db.prepare(req.sql)));
  const params = req.params.map(bindable);
  return req.kind === 'all' ? st.all(...params) : st.run(...params);
}

/** With SITREP_PROFILE_SQL set, time spent per statement (printed at exit). */
const profile = process.env.SITREP_PROFILE_SQL ? new Map<string, { n: number; ms: number }>() : null;
/** Forget what was timed so far (a profile of one part of a run). */
export function resetSqlProfile(): void {
  profile?.clear();
  (globalThis as { __picStats?: unknown }).__picStats = undefined;
}
if (profile) {
  process.on('exit', () => {
    process.stderr.write(JSON.stringify((globalThis as { __picStats?: unknown }).__picStats) + '\n');
    const rows = [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    for (const [sql, v] of rows) process.stderr.write(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(8)}x  ${sql.replace(/\s+/g, ' ').slice(0, 150)}\n`);
  });
}

export function runSqlite<T>(db: Database.Database, step: Sql<T>): T {
  let r = step.next();
  while (!r.done) {
    if (profile) {
      const t = performance.now();
      const v = sqliteStep(db, r.value);
      const e = profile.get(r.value.sql) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      profile.set(r.value.sql, e);
      r = step.next(v);
    } else r = step.next(sqliteStep(db, r.value));
  }
  return r.value;
}

const pgText = new Map<string, string>();

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the picture's SQL has no `?` inside literals). */
export function toPgPlaceholders(sql: string): string {
  let t = pgText.get(sql);
  if (t === undefined) {
    let n = 0;
    t = sql.replace(/\?/g, () => `$${++n}`);
    pgText.set(sql, t);
  }
  return t;
}

/** The advisory locks one PostgreSQL transaction holds on the picture's grid cells. */
export class CellLocks {
  readonly held = new Set<number>();

  constructor(readonly namespace: number) {}
}

async function pgStep(client: pg.ClientBase, req: SqlReq, locks: CellLocks): Promise<unknown> {
  if (req.kind === 'lock') {
    const want = (req.params as number[]).filter((c) => !locks.held.has(c));
    if (want.length === 0) return undefined;
    const r = await client.query('SELECT c, pg_try_advisory_xact_lock($1, c) AS ok FROM unnest($2::int[]) AS c', [locks.namespace, want]);
    let failed = false;
    for (const row of r.rows as { c: number; ok: boolean }[]) {
      if (row.ok) locks.held.add(row.c);
      else failed = true;
    }
    if (failed) throw new NeedLocks([...new Set([...locks.held, ...want])]);
    return undefined;
  }
  const r = await client.query(toPgPlaceholders(req.sql), req.params);
  return r.rows;
}

export async function runPostgres<T>(client: pg.ClientBase, step: Sql<T>, locks: CellLocks): Promise<T> {
  let r = step.next();
  while (!r.done) r = step.next(await pgStep(client, r.value, locks));
  return r.value;
}

/** Take these cells' locks, waiting for them, in one order (so two workers never wait for each other in a circle). */
export async function takeLocks(client: pg.ClientBase, locks: CellLocks, cells: readonly number[]): Promise<void> {
  const want = [...new Set(cells)].filter((c) => !locks.held.has(c)).sort((a, b) => a - b);
  for (const c of want) {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [locks.namespace, c]);
    locks.held.add(c);
  }
}
