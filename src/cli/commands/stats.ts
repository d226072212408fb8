import type { Command } from '../command.js';
import { EXIT_OK } from '../command.js';
import { DB_HELP, describeDb, fail, openFromOptions } from './store-common.js';

export const stats: Command = {
  name: 'stats',
  usage: `sitrep stats [--db PATH|URL] [--json]

${DB_HELP}
  --json           one JSON object: {"documents", "outlets", "sentences", "boilerplate", "times", "places",
                   "quantities", "events"}

Counts are rows: a place mentioned three times counts three. Re-ingesting stored documents leaves them unchanged.`,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    let opened;
    try {
      opened = await openFromOptions(values, { mustExist: true, readOnly: true });
      const counts = await opened.store.stats();
      if (values.json) {
        process.stdout.write(JSON.stringify(counts) + '\n');
      } else {
        const width = Math.max(...Object.keys(counts).map((k) => k.length));
        const lines = Object.entries(counts).map(([k, v]) => `${k.padEnd(width)}  ${String(v).padStart(8)}`);
        const version = await opened.store.schemaVersion();
        process.stdout.write(`${describeDb(opened.location)} (${opened.store.kind}, schema ${version})\n${lines.join('\n')}\n`);
      }
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'stats', e);
    } finally {
      await opened?.store.close();
    }
  },
};
