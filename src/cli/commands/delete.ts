import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { deskData } from '../../desk/open.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions } from './store-common.js';

export const deleteCommand: Command = {
  name: 'delete',
  usage: `sitrep delete ID... [--db PATH|URL] [--json]

  ID...            stored document ids (as \`sitrep search\` and /api/documents show them)
${DB_HELP}
  --json           also print {"deleted": [IDs], "missing": [IDs], "db"} on standard output

Each document goes in its own transaction with its layers, its search entry and its part of the stored
picture: events, figures and places it contributed to are decided again without it, as if it had never been
stored. Each deletion is written to the audit log. An unknown id is reported and the others are deleted;
the exit code is 1 when none was found.`,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    try {
      if (positionals.length === 0) throw new UsageError('give the ids of the documents to delete (sitrep delete ID...)');
      opened = await openFromOptions(values, { mustExist: true });
      const { store, location } = opened;
      const deleted: string[] = [];
      const missing: string[] = [];
      for (const id of new Set(positionals)) {
        if (await store.deleteDocument(id)) {
          deleted.push(id);
          await deskData(store).audit({ account: null, action: 'documents.delete', target: id, detail: { via: 'cli' }, why: null, client: null });
        } else {
          missing.push(id);
          reportError(id, 'no stored document with this id');
        }
      }
      process.stderr.write(`delete: ${deleted.length} deleted, ${missing.length} not found (${describeDb(location)})\n`);
      if (values.json) process.stdout.write(JSON.stringify({ deleted, missing, db: describeDb(location) }) + '\n');
      if (deleted.length === 0) throw new CommandFailure('nothing_processed', 'no document was deleted');
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'delete', e);
    } finally {
      await closeWriter(opened?.store, 'delete');
    }
  },
};
