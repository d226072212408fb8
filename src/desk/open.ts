/**
 * The desk's data lives in the same database as the documents, on the store's own connection, so a
 * review or an account is backed up, copied and migrated with everything else.
 */
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { PostgresDeskData } from './postgres.js';
import { SqliteDeskData } from './sqlite.js';
import type { DeskData } from './types.js';

const cache = new WeakMap<Store, DeskData>();

export function deskData(store: Store): DeskData {
  let d = cache.get(store);
  if (!d) {
    if (store instanceof SqliteStore) d = new SqliteDeskData(store.db);
    else if (store instanceof PostgresStore) d = new PostgresDeskData(store.pool);
    else throw new Error(`the desk needs a SQLite or PostgreSQL store, not ${store.kind}`);
    cache.set(store, d);
  }
  return d;
}
