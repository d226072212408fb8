import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../command.js';
import { loadMigrations } from '../../store/migrations.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions } from './store-common.js';

export const db: Command = {
  name: 'db',
  usage: `sitrep db migrate [--db PATH|URL] [--json]

${DB_HELP}
  --json           {"db", "kind", "version", "applied": [versions applied now]}

Every writing command applies pending migrations itself (under a lock, so several workers can start at
once); \`db migrate\` does only that, for deployments that upgrade the schema as a separate step, and brings
the desk's event rows up to date (as every writing command does when it ends), which a server with the
database open read-only (\`serve --read-only\`) cannot do itself.`,
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    let opened;
    try {
      if (positionals[0] !== 'migrate' || positionals.length !== 1) throw new UsageError('the only subcommand is `migrate`');
      opened = await openFromOptions(values);
      const { store, location } = opened;
      const version = await store.schemaVersion();
      const applied = [...store.migrationsApplied];
      const names = new Map(loadMigrations(store.kind).map((m) => [m.version, `${String(m.version).padStart(3, '0')}_${m.name}`]));
      if (values.json) process.stdout.write(JSON.stringify({ db: describeDb(location), kind: store.kind, version, applied }) + '\n');
      else {
        const did = applied.length ? `applied ${applied.map((v) => names.get(v)).join(', ')}` : 'already up to date';
        process.stdout.write(`${describeDb(location)}: ${store.kind} schema version ${version} (${did})\n`);
      }
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'db', e);
    } finally {
      await closeWriter(opened?.store, 'db');
    }
  },
};
