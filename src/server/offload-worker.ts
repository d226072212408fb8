/**
 * The worker behind ./offload.ts: opens the server's SQLite file read-only (its own connection, so a long
 * query blocks this thread only) and answers searches and reports. Expected failures come back as values
 * (a bad query, an unknown place) so the server can answer 400 rather than 500.
 */
import { buildReport, ReportError } from '../report/model.js';
import { QueryError } from '../store/query.js';
import { SqliteStore } from '../store/sqlite.js';
import { serveTasks } from '../workers/serve.js';
import type { OffloadReply, OffloadTask } from './offload.js';

serveTasks<{ db: string }, OffloadTask, OffloadReply>((o) => {
  const store = new SqliteStore(o.db, { readOnly: true });
  return async (task) => {
    try {
      if (task.kind === 'search') return { ok: true, value: await store.search(task.query, task.opts) };
      if ((await store.pictureState()) !== 'ok') return { ok: false, code: 'picture_stale', message: 'the situation picture in this store is not built yet: run `sitrep rebuild`' };
      return { ok: true, value: await buildReport(store.picture(), task.opts) };
    } catch (e) {
      if (e instanceof QueryError) return { ok: false, code: 'query', message: e.message };
      if (e instanceof ReportError) return { ok: false, code: 'report', message: e.message };
      throw e;
    }
  };
});
