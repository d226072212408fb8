import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { InlineAnalyzer, analysisFailure } from '../../analyze/analyzer.js';
import { analysisVersion } from '../../analyze/version.js';
import { Doc } from '../../core/document.js';
import { PostgresStore } from '../../store/postgres.js';
import { DEFAULT_LEASE_SECONDS, DEFAULT_MAX_ATTEMPTS, failed, heartbeat, leave, queueCounts, take, workerName } from '../../store/queue.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions, syncDesk } from './store-common.js';

const HEARTBEAT_MS = 5_000;

export const worker: Command = {
  name: 'worker',
  usage: `sitrep worker --db postgres://… [--lease S] [--poll MS] [--attempts N] [--drain] [--json]

${DB_HELP}
  --lease S        seconds a document is held while it is analysed and stored (default ${DEFAULT_LEASE_SECONDS});
                   a worker that dies leaves it to the next worker once this has passed
  --poll MS        how often to look at an empty queue (default 1000)
  --attempts N     tries before a document is set aside as failed (default ${DEFAULT_MAX_ATTEMPTS})
  --drain          stop when the queue is empty instead of waiting for more
  --json           print {"done", "failed", "db"} on standard output when stopping

Takes documents from the queue that \`sitrep ingest --queue\` fills (or that ingest fills by itself while
workers are running), analyses each with the default pipeline and stores it together with its part of the
situation picture, in the transaction that removes it from the queue: a worker stopped at any moment, even
by kill -9, loses nothing and stores nothing twice. Workers updating the picture around the same places
take turns (advisory locks per grid cell); elsewhere they work in parallel. SIGINT or SIGTERM finish the
document in hand, then stop. See docs/store.md.`,
  options: {
    db: { type: 'string' },
    lease: { type: 'string' },
    poll: { type: 'string' },
    attempts: { type: 'string' },
    drain: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values) {
    let opened;
    const name = workerName();
    const num = (v: unknown, what: string, dflt: number, min: number, max: number): number => {
      if (v === undefined) return dflt;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${what} must be a number from ${min} to ${max}, got ${JSON.stringify(v)}`);
      return n;
    };
    try {
      const lease = num(values.lease, 'lease', DEFAULT_LEASE_SECONDS, 1, 86_400);
      const poll = num(values.poll, 'poll', 1000, 10, 600_000);
      const attempts = num(values.attempts, 'attempts', DEFAULT_MAX_ATTEMPTS, 1, 100);
      opened = await openFromOptions(values);
      const { store, location } = opened;
      if (!(store instanceof PostgresStore)) throw new CommandFailure('usage', 'workers need a PostgreSQL store (--db postgres://…); with SQLite, run sitrep ingest', 2);
      const analyzer = new InlineAnalyzer();
      let stopping = false;
      const stop = () => {
        stopping = true;
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      let done = 0;
      let synced = 0;
      let failedCount = 0;
      await heartbeat(store, name, done);
      const beat = setInterval(() => void heartbeat(store, name, done).catch(() => {}), HEARTBEAT_MS);
      // For the tests of leases: hold each document this long before analysing it.
      const pause = Number(process.env.SITREP_WORKER_TEST_PAUSE_MS ?? 0);
      try {
        while (!stopping) {
          const t = await take(store, name, lease, attempts);
          if (!t) {
            // The queue is empty: what this worker stored since shows on read-only servers' desks.
            if (done !== synced) {
              synced = done;
              await syncDesk(store, 'worker');
            }
            if (values.drain) {
              const c = await queueCounts(store);
              if (c.queued === 0 && c.leased === 0) break;
            }
            await new Promise((r) => setTimeout(r, poll));
            continue;
          }
          if (pause > 0) await new Promise((r) => setTimeout(r, pause));
          const doc = new Doc(t.text, t.meta);
          let record;
          try {
            record = await analyzer.record(doc);
          } catch (e) {
            failedCount++;
            reportError(t.meta.origin ?? t.meta.id, `analysis failed: ${analysisFailure(e)}`);
            await failed(store, t.qid, `analysis failed: ${analysisFailure(e)}`, attempts);
            continue;
          }
          try {
            await store.putQueued(t.qid, record, doc.text, { origin: t.meta.origin, author: t.meta.author, analysisVersion: analysisVersion() });
            done++;
          } catch (e) {
            failedCount++;
            reportError(t.meta.origin ?? t.meta.id, `not stored: ${(e as Error).message}`);
            await failed(store, t.qid, `not stored: ${(e as Error).message}`, attempts);
          }
        }
      } finally {
        clearInterval(beat);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await leave(store, name).catch(() => {});
      }
      process.stderr.write(`worker: ${done} stored, ${failedCount} failed (${describeDb(location)})\n`);
      if (values.json) process.stdout.write(JSON.stringify({ done, failed: failedCount, db: describeDb(location) }) + '\n');
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'worker', e);
    } finally {
      await closeWriter(opened?.store, 'worker');
    }
  },
};
