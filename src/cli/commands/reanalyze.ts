import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { analyzerFor } from '../../analyze/analyzer.js';
import { analysisVersion } from '../../analyze/version.js';
import { workersOption, WORKERS_USAGE } from '../options.js';
import { reanalyze as run } from '../../store/reanalyze.js';
import { Progress } from './progress.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions } from './store-common.js';

function count(v: unknown, name: string, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  usage: `sitrep reanalyze [--db PATH|URL] [--all] [--batch N] [--limit N] [--workers N] [--json]

${DB_HELP}
  --all            every document, not only those analysed by another version
  --batch N        documents read per batch (default 50)
  --limit N        stop after N documents (run again to go on)
${WORKERS_USAGE}
  --json           also print {"done", "failed", "left", "version", "db"} on standard output

Every stored analysis records the version of the extractors that made it (the sitrep version and a hash of
the extractors' code and data). After an upgrade, \`reanalyze\` runs the analysis again on the stored texts
whose version differs (analysed in --workers threads, replaced one at a time in storage order), each replaced together with its part of the situation
picture in one transaction, so reports stay consistent while it runs. Interrupted, it resumes where it
stopped. A progress bar is drawn on stderr when it is a terminal; failures are reported and skipped.`,
  options: {
    db: { type: 'string' },
    all: { type: 'boolean' },
    batch: { type: 'string' },
    limit: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    let opened;
    let analyzer;
    try {
      const batch = count(values.batch, 'batch', 10_000);
      const limit = count(values.limit, 'limit', 1e9);
      const workers = workersOption(values);
      opened = await openFromOptions(values, { mustExist: true });
      analyzer = analyzerFor(workers);
      const { store, location } = opened;
      const version = analysisVersion();
      const todo = values.all ? (await store.stats()).documents : await store.countStaleAnalyses(version);
      const total = limit === undefined ? todo : Math.min(todo, limit);
      const progress = Progress.enabled(process.stderr) ? new Progress(process.stderr, total, 'reanalyze') : null;
      const counts = { new: 0, existing: 0, failed: 0 };
      const r = await run(store, {
        analyzer,
        all: values.all === true,
        batch,
        limit,
        onItem(o) {
          if (o.ok) counts.new++;
          else {
            counts.failed++;
            const write = () => reportError(o.id, `not re-analysed: ${o.message}`);
            if (progress) progress.line(write);
            else write();
          }
          progress?.update(counts);
        },
      });
      progress?.clear();
      const left = await store.countStaleAnalyses(version);
      process.stderr.write(`reanalyze: ${r.done} re-analysed, ${r.failed} failed, ${left} left with another version (${version}, ${describeDb(location)})\n`);
      if (values.json) process.stdout.write(JSON.stringify({ done: r.done, failed: r.failed, left, version, db: describeDb(location) }) + '\n');
      if (r.done === 0 && r.failed > 0) throw new CommandFailure('nothing_processed', `none of the ${r.failed} documents could be re-analysed`);
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'reanalyze', e);
    } finally {
      await analyzer?.close();
      await closeWriter(opened?.store, 'reanalyze');
    }
  },
};
