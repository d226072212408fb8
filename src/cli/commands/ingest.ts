import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { ingest as ingestItems, type IngestSummary } from '../../store/ingest.js';
import { INPUT_OPTIONS, INPUT_USAGE, inputsFrom, readOptionsFrom, reportInput } from './analyze.js';
import { countInputs, Progress } from './progress.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions } from './store-common.js';
import { analyzerFor } from '../../analyze/analyzer.js';
import { workersOption, WORKERS_USAGE } from '../options.js';
import { PostgresStore } from '../../store/postgres.js';
import { enqueue, queueCounts } from '../../store/queue.js';
import type { InputItem } from '../../ingest/read.js';

export const ingest: Command = {
  name: 'ingest',
  usage: `sitrep ingest [--input FILE | -] [PATH...] [--db PATH|URL] [--json] [--workers N] [--queue] [--format F] [--max-chars N] [--max-bytes N]

${INPUT_USAGE}
${DB_HELP}
${WORKERS_USAGE}
  --json           also print the summary as JSON on standard output: {"new", "existing", "failed", "db"}
  --queue          PostgreSQL: put the documents in the queue for \`sitrep worker\` processes instead of
                   analysing them here (done by itself while workers are running); the summary then says
                   {"queued", "existing", "failed", "db"}

With no --input and no PATH, documents are read from standard input. A document is "the same" when its
normalised text and its outlet are (docs/store.md); it is then neither analysed nor stored again. Inputs
that cannot be read and documents that fail are reported on stderr (sitrep: WHERE: WHAT) and leave nothing
in the store; the batch goes on. The summary (N new, M already stored, K failed) goes to stderr, with a
progress bar while it runs when stderr is a terminal. Exit code 1 only when no document could be stored.`,
  options: {
    ...INPUT_OPTIONS,
    db: { type: 'string' },
    json: { type: 'boolean' },
    workers: { type: 'string' },
    queue: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    let analyzer;
    try {
      const opts = readOptionsFrom(values);
      const workers = workersOption(values);
      opened = await openFromOptions(values);
      const { store, location } = opened;
      if (values.queue && !(store instanceof PostgresStore)) throw new UsageError('--queue needs a PostgreSQL store (--db postgres://…)');
      if (store instanceof PostgresStore && (values.queue || (await queueCounts(store)).workers > 0)) {
        return await enqueueAll(store, inputsFrom(values, positionals, opts), values, describeDb(location));
      }
      analyzer = analyzerFor(workers);
      const progress = Progress.enabled(process.stderr)
        ? new Progress(process.stderr, await countInputs(values.input as string | undefined, positionals), 'ingest')
        : null;
      // Messages go above the bar, never through it.
      const say = (write: () => void) => (progress ? progress.line(write) : write());
      const counts: IngestSummary = { new: 0, existing: 0, failed: 0, queued: 0 };
      const summary = await ingestItems(store, inputsFrom(values, positionals, opts), {
        analyzer,
        onInput: (it) => {
          if (it.error || it.info.warnings.length) say(() => reportInput(it));
        },
        onItem(o) {
          counts[o.kind]++;
          if (o.kind === 'failed' && o.stage !== 'read') say(() => reportError(o.origin, o.message));
          progress?.update(counts);
        },
      });
      progress?.update(counts, true);
      progress?.clear();
      process.stderr.write(
        `ingest: ${summary.new} new, ${summary.existing} already stored, ${summary.failed} failed (${describeDb(location)})\n`,
      );
      if (summary.new + summary.existing === 0) {
        throw new CommandFailure('nothing_processed', summary.failed ? `none of the ${summary.failed} inputs could be stored` : 'no documents in the input');
      }
      if (values.json) process.stdout.write(JSON.stringify({ ...summary, db: describeDb(location) }) + '\n');
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'ingest', e);
    } finally {
      await analyzer?.close();
      await closeWriter(opened?.store, 'ingest');
    }
  },
};

/** Queue the inputs for workers (PostgreSQL): read here, analysed and stored by \`sitrep worker\` processes. */
async function enqueueAll(store: PostgresStore, items: AsyncIterable<InputItem>, values: Record<string, unknown>, db: string): Promise<number> {
  const counts = { queued: 0, existing: 0, failed: 0 };
  for await (const it of items) {
    if (it.error || it.info.warnings.length) reportInput(it);
    if (!it.doc) {
      counts.failed++;
      continue;
    }
    const r = await enqueue(store, [it.doc]);
    counts.queued += r.queued;
    counts.existing += r.existing;
  }
  process.stderr.write(`ingest: ${counts.queued} queued for workers, ${counts.existing} already stored or queued, ${counts.failed} failed (${db})\n`);
  if (counts.queued + counts.existing === 0) {
    throw new CommandFailure('nothing_processed', counts.failed ? `none of the ${counts.failed} inputs could be read` : 'no documents in the input');
  }
  if (values.json) process.stdout.write(JSON.stringify({ ...counts, db }) + '\n');
  return EXIT_OK;
}
