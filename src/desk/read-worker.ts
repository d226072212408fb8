/**
 * A worker behind ./read-pool.ts: its own read-only connection to the store's SQLite file, answering the
 * desk's read queries (counts, pages, facets, timelines) one at a time, so that they run beside the
 * server's event loop and on another core.
 */
import Database from 'better-sqlite3';
import { serveTasks } from '../workers/serve.js';
import type { ReadTask } from './read-pool.js';

serveTasks<{ db: string }, ReadTask, unknown[]>((o) => {
  const db = new Database(o.db, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  // Reads only: the file mapped (no read call and copy per page) and a larger page cache than the default 2 MB.
  db.pragma('mmap_size = 1073741824');
  db.pragma('cache_size = -65536');
  const statements = new Map<string, Database.Statement>();
  return (task) => {
    let st = statements.get(task.sql);
    if (!st) {
      if (statements.size > 500) statements.clear();
      statements.set(task.sql, (st = db.prepare(task.sql)));
    }
    return st.all(...task.params);
  };
});
