/** Open the store a `--db` option, `$SITREP_DB` or the default names. */
import { PostgresStore, isPostgresUrl, type PostgresOptions } from './postgres.js';
import { SqliteStore, type SqliteOptions } from './sqlite.js';
import type { Store } from './types.js';

export const DEFAULT_DB = './sitrep.db';

/** `--db` if given, else `$SITREP_DB`, else ./sitrep.db. */
export function resolveDbLocation(option?: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof option === 'string' && option !== '') return option;
  const fromEnv = env.SITREP_DB;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : DEFAULT_DB;
}

export interface OpenOptions extends SqliteOptions, PostgresOptions {
  /** Open for reading only (both stores): nothing migrated or created, every write refused. */
  readOnly?: boolean;
}

/**
 * A store at `location`: a `postgres://` or `postgresql://` connection string opens PostgreSQL (a
 * `?schema=NAME` parameter selects a schema), anything else is a SQLite file path (`:memory:` for a
 * throw-away in-memory store). Pending migrations are applied unless `migrate: false`.
 */
export async function openStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return PostgresStore.open(location, opts);
  return new SqliteStore(location, opts);
}
