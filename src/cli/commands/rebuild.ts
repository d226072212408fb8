import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../command.js';
import { Progress } from './progress.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions } from './store-common.js';

export const rebuild: Command = {
  name: 'rebuild',
  usage: `sitrep rebuild [--db PATH|URL] [--batch N] [--json]

${DB_HELP}
  --batch N        documents per transaction (default 200)
  --json           also print {"documents", "events", "figures", "db"} on standard output

The picture (merged events, figures, places, control of places) is kept up to date as documents are stored;
rebuilding gives the same picture (it is a function of the set of documents). Run it when sitrep says the
picture is not built (a store written by an older sitrep), or after \`sitrep reanalyze\` was interrupted.
It reads the store in batches, so memory does not grow with the store; documents stored meanwhile (by other
processes or workers) are included. Reports read the picture again once it is done.`,
  options: {
    db: { type: 'string' },
    batch: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    let opened;
    try {
      const batch = values.batch === undefined ? 200 : Number(values.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError(`--batch must be a whole number from 1 to 10000, got ${JSON.stringify(values.batch)}`);
      opened = await openFromOptions(values, { mustExist: true });
      const { store, location } = opened;
      const progress = Progress.enabled(process.stderr) ? new Progress(process.stderr, (await store.stats()).documents, 'rebuild') : null;
      const r = await store.rebuildPicture({ batch, onProgress: (done) => progress?.update({ new: done, existing: 0, failed: 0 }) });
      progress?.clear();
      const c = await store.picture().counts();
      process.stderr.write(`rebuild: ${r.documents} documents, ${c.events} events, ${c.figures} figures (${describeDb(location)})\n`);
      if (values.json) process.stdout.write(JSON.stringify({ documents: c.documents, events: c.events, figures: c.figures, db: describeDb(location) }) + '\n');
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'rebuild', e);
    } finally {
      await closeWriter(opened?.store, 'rebuild');
    }
  },
};
