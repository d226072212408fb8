/**
 * What the store commands (ingest, stats, search, db) share: the --db option, opening the store with a
 * clear error, and reporting a failure in the CLI's one error shape (src/cli/command.ts).
 */
import { existsSync } from 'node:fs';
import { CommandFailure, EXIT_USAGE, jsonError, reportError, UsageError } from '../command.js';
import { isPostgresUrl, redact } from '../../store/postgres.js';
import { keepDeskCurrent } from '../../desk/keep-current.js';
import { openStore, resolveDbLocation } from '../../store/open.js';
import type { Store } from '../../store/types.js';

export const DB_HELP = `  --db PATH|URL    SQLite file, or postgres://… connection string (default: $SITREP_DB, else ./sitrep.db)`;

/**
 * Report a failure: one `sitrep: WHERE: WHAT` line on stderr, and with --json the error object on stdout.
 * A UsageError becomes code `usage` (exit 2); any other error that is not a CommandFailure is `internal`.
 * Returns the exit code to use.
 */
export function fail(values: Record<string, unknown>, where: string, e: unknown): number {
  const f =
    e instanceof CommandFailure
      ? e
      : e instanceof UsageError
        ? new CommandFailure('usage', e.message, EXIT_USAGE)
        : new CommandFailure('internal', (e as Error)?.message ?? String(e));
  reportError(where, f.message);
  if (values.json === true) process.stdout.write(jsonError(f.code, f.message) + '\n');
  return f.exitCode;
}

/** A readable name for the database location (passwords hidden). */
export function describeDb(location: string): string {
  return isPostgresUrl(location) ? redact(location) : location;
}

/**
 * Open the store the options name. Reading commands (`mustExist`) refuse to create a new, empty SQLite
 * file where the user probably mistyped a path; `readOnly` ones (stats, search, report, export, audit) open
 * it read-only, so they never migrate or write (src/store/open.ts).
 */
export async function openFromOptions(values: Record<string, unknown>, opts: { mustExist?: boolean; readOnly?: boolean } = {}): Promise<{ store: Store; location: string }> {
  const location = resolveDbLocation(values.db);
  if (opts.mustExist && !isPostgresUrl(location) && location !== ':memory:' && !existsSync(location)) {
    throw new CommandFailure('db_missing', `no database at ${location} (create one with \`sitrep ingest\`, or give --db)`);
  }
  try {
    return { store: await openStore(location, { readOnly: opts.readOnly === true }), location };
  } catch (e) {
    throw new CommandFailure('db_open', (e as Error).message);
  }
}

/**
 * Bring the desk's event rows up to date with what this command wrote (src/desk/keep-current.ts), so a
 * server with the database open read-only finds them current. A failure here loses nothing that was
 * stored — the next writer or writable server brings the rows up to date — so it is reported, not fatal.
 */
export async function syncDesk(store: Store | undefined, where: string): Promise<void> {
  if (!store || store.readOnly) return;
  try {
    await keepDeskCurrent(store);
  } catch (e) {
    reportError(where, `the desk's event rows were not brought up to date (the next writing command does it): ${(e as Error).message}`);
  }
}

/** Close a writing command's store, with the desk's rows brought up to date first. */
export async function closeWriter(store: Store | undefined, where: string): Promise<void> {
  if (!store) return;
  await syncDesk(store, where);
  await store.close();
}
