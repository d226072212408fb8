/**
 * The desk's event table (src/desk/event-table.ts) on both stores: SQLite in a temporary file, and
 * PostgreSQL in a schema of its own (skipped with a message without a server, unless SITREP_TEST_PG=required).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from '../store/open.js';
import { dropSchemas, pgProblem, withPostgres, withSchema } from '../store/pg-harness.test-support.js';
import { eventTableContract } from './event-table.test-support.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-event-table-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

describe('the desk event table: SQLite', () => {
  eventTableContract(() => openStore(path.join(tmp, `t${n++}.db`)));
});

const schemas: string[] = [];
afterAll(async () => {
  if (schemas.length) await dropSchemas(schemas);
});
withPostgres('the desk event table: PostgreSQL', await pgProblem(), () => {
  describe('the desk event table: PostgreSQL', () => {
    eventTableContract(() => {
      const s = `sitrep_desk_events_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
      schemas.push(s);
      return openStore(withSchema(s));
    });
  });
});
