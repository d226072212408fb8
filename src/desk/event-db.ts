/**
 * The desk's event tables (migration 032) reached the same way on both stores: statements written once with
 * `?` placeholders, run on the SQLite store's connection or on the PostgreSQL pool. Writes go in one
 * transaction; on PostgreSQL under an advisory lock, so two servers bringing the rows up to date at once
 * take turns. Where the dialects differ (lists of values, many rows in one statement) the statement is
 * chosen here.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';

export type Row = Record<string, unknown>;
export interface Stmt {
  sql: string;
  params: unknown[];
}

/** A lock key of the desk's own (the picture's locks use per-cell keys of their own range). */
const SYNC_LOCK = 0x6465736b; // "desk"

/** A query run first inside a write's transaction, and what its rows must say for the write to go ahead. */
export interface Guard extends Stmt {
  ok(rows: Row[]): boolean;
}

export interface DeskDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * A read that may run elsewhere than the store's own connection (./read-pool.ts: worker threads with
   * read-only connections of their own); without a reader, `all`.
   */
  read<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Send `read` to this reader from now on (null: back to the store's own connection). */
  useReader(reader: Reader | null): void;
  /**
   * Run the statements in one transaction. `guard` runs first inside it: when it returns false nothing is
   * written (another process got there first) and false is returned.
   */
  write(stmts: readonly Stmt[], guard?: Guard): Promise<boolean>;
  /** `col IN (list)` for a list given as one parameter. */
  in(col: string): string;
  list(values: readonly string[]): unknown;
  /** Rows given as one JSON parameter, inserted by one statement. */
  insertRows(table: string, columns: readonly string[], rows: readonly Row[]): Stmt;
  /** Rows given with an event `id`, inserted with that event's key (`rid` of desk_events) instead. */
  insertJoined(table: string, columns: Record<string, 'text'>, rows: readonly Row[]): Stmt;
}

export interface Reader {
  read(sql: string, params: unknown[]): Promise<Row[]>;
}

const bindable = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

class SqliteDeskDb implements DeskDb {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Database.Statement>();
  private reader: Reader | null = null;
  constructor(private readonly db: Database.Database) {}

  useReader(reader: Reader | null): void {
    this.reader = reader;
  }

  async read<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.reader) return this.all<T>(sql, params);
    return (await this.reader.read(sql, params.map(bindable))) as T[];
  }

  private st(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, (s = this.db.prepare(sql)));
    }
    return s;
  }

  async all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.st(sql).all(...params.map(bindable)) as T[];
  }

  async write(stmts: readonly Stmt[], guard?: Guard): Promise<boolean> {
    return this.db.transaction(() => {
      if (guard && !guard.ok(this.st(guard.sql).all(...guard.params.map(bindable)) as Row[])) return false;
      for (const s of stmts) this.st(s.sql).run(...s.params.map(bindable));
      return true;
    }).immediate();
  }

  in(col: string): string {
    return `${col} IN (SELECT value FROM json_each(?))`;
  }

  list(values: readonly string[]): unknown {
    return JSON.stringify(values);
  }

  insertRows(table: string, columns: readonly string[], rows: readonly Row[]): Stmt {
    return {
      sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((c) => `json_extract(value, '$.${c}')`).join(', ')} FROM json_each(?)`,
      params: [JSON.stringify(rows)],
    };
  }

  insertJoined(table: string, columns: Record<string, 'text'>, rows: readonly Row[]): Stmt {
    const cols = Object.keys(columns);
    return {
      sql: `INSERT INTO ${table} (${cols.join(', ')}, rid) SELECT ${cols.map((c) => `json_extract(j.value, '$.${c}')`).join(', ')}, e.rid
            FROM json_each(?) j JOIN desk_events e ON e.id = json_extract(j.value, '$.id')`,
      params: [JSON.stringify(rows)],
    };
  }
}

const pgSql = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

class PostgresDeskDb implements DeskDb {
  readonly dialect = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  useReader(): void {}

  read<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.all<T>(sql, params);
  }

  async all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(pgSql(sql), params)).rows as T[];
  }

  async write(stmts: readonly Stmt[], guard?: Guard): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK]);
      if (guard && !guard.ok((await client.query(pgSql(guard.sql), guard.params)).rows as Row[])) {
        await client.query('ROLLBACK');
        return false;
      }
      for (const s of stmts) await client.query(pgSql(s.sql), s.params);
      await client.query('COMMIT');
      return true;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  in(col: string): string {
    return `${col} = ANY(?::text[])`;
  }

  list(values: readonly string[]): unknown {
    return [...values];
  }

  insertRows(table: string, columns: readonly string[], rows: readonly Row[]): Stmt {
    return {
      sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, ?::json)`,
      params: [JSON.stringify(rows)],
    };
  }

  insertJoined(table: string, columns: Record<string, 'text'>, rows: readonly Row[]): Stmt {
    const cols = Object.keys(columns);
    return {
      sql: `INSERT INTO ${table} (${cols.join(', ')}, rid) SELECT ${cols.map((c) => `j.${c}`).join(', ')}, e.rid
            FROM json_to_recordset(?::json) AS j(id text, ${cols.map((c) => `${c} ${columns[c]}`).join(', ')}) JOIN desk_events e ON e.id = j.id`,
      params: [JSON.stringify(rows)],
    };
  }
}

const cache = new WeakMap<Store, DeskDb>();

export function deskDb(store: Store): DeskDb {
  let d = cache.get(store);
  if (!d) {
    if (store instanceof SqliteStore) d = new SqliteDeskDb(store.db);
    else if (store instanceof PostgresStore) d = new PostgresDeskDb(store.pool);
    else throw new Error(`the desk needs a SQLite or PostgreSQL store, not ${store.kind}`);
    cache.set(store, d);
  }
  return d;
}
