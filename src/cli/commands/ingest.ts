import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError } from '../command.js';
import { ingest as ingestItems, type IngestSummary } from '../../store/ingest.js';
import { INPUT_OPTIONS, INPUT_USAGE, inputsFrom, readOptionsFrom, reportInput } from './analyze.js';
import { countInputs, Progress } from './progress.js';
import { DB_HELP, describeDb, fail, openFromOptions } from './store-common.js';
import { analyzerFor } from '../../analyze/analyzer.js';
import { workersOption, WORKERS_USAGE } from '../options.js';

export const ingest: Command = {
  name: 'ingest',
  summary: 'analyse documents and store them with every layer (the same document twice is stored once)',
  usage: `sitrep ingest [--input FILE | -] [PATH...] [--db PATH|URL] [--json] [--workers N] [--format F] [--max-chars N] [--max-bytes N]

${INPUT_USAGE}
${DB_HELP}
${WORKERS_USAGE}
  --json           also print the summary as JSON on standard output: {"new", "existing", "failed", "db"}

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
  },
  async run(values, positionals) {
    let opened;
    let analyzer;
    try {
      const opts = readOptionsFrom(values);
      const workers = workersOption(values);
      opened = await openFromOptions(values);
      analyzer = analyzerFor(workers);
      const { store, location } = opened;
      const progress = Progress.enabled(process.stderr)
        ? new Progress(process.stderr, await countInputs(values.input as string | undefined, positionals), 'ingest')
        : null;
      // Messages go above the bar, never through it.
      const say = (write: () => void) => (progress ? progress.line(write) : write());
      const counts: IngestSummary = { new: 0, existing: 0, failed: 0 };
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
      await opened?.store.close();
    }
  },
};
