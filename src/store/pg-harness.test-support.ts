/**
 * A PostgreSQL server for the store tests: 127.0.0.1:5432, database `test`, trust auth, unless
 * SITREP_TEST_PG_URL says otherwise. Every test gets a schema of its own, dropped at the end. Without a
 * server the suites are skipped with a message, unless SITREP_TEST_PG=required (CI), when they fail.
 */
import pg from 'pg';
import { describe, it } from 'vitest';
import type { StoreHarness } from './contract.js';
import { redact } from './postgres.js';

export const PG_URL = process.env.SITREP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.SITREP_TEST_PG === 'required';

export async function pgProblem(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

export const withSchema = (schema: string) => `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;

/** Schemas made by `freshSchemas`, dropped by `dropSchemas`. */
export function freshSchemas(tag: string): { harness: StoreHarness; schemas: string[] } {
  const run = `sitrep_test_${tag}_${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  return {
    schemas,
    harness: {
      dialect: 'postgres',
      fresh: async () => {
        const schema = `${run}_${schemas.length}`;
        schemas.push(schema);
        return withSchema(schema);
      },
      cleanup: async () => dropSchemas(schemas),
    },
  };
}

export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await c.end();
  }
}

/** Run `suite` when a server is there; else skip with a message, or fail when one is required. */
export function withPostgres(name: string, problem: string | null, suite: () => void): void {
  if (problem === null) return suite();
  if (!required) {
    console.warn(`${name} skipped: no PostgreSQL at ${redact(PG_URL)} (${problem}). Set SITREP_TEST_PG=required to fail instead.`);
    describe(name, () => {
      it.skip(`skipped: no PostgreSQL at ${redact(PG_URL)} (${problem}); set SITREP_TEST_PG=required to make this a failure`, () => {});
    });
    return;
  }
  describe(name, () => {
    it('needs a reachable server (SITREP_TEST_PG=required)', () => {
      throw new Error(`no PostgreSQL at ${redact(PG_URL)}: ${problem}`);
    });
  });
}
