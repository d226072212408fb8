/**
 * The desk data contract on PostgreSQL (127.0.0.1:5432, database `test`, or SITREP_TEST_PG_URL), each test
 * in a schema of its own, dropped at the end. Skipped with a message without a server, unless
 * SITREP_TEST_PG=required.
 */
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../store/open.js';
import { redact } from '../store/postgres.js';
import { deskDataContract } from './contract.test-support.js';

const URL = process.env.SITREP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.SITREP_TEST_PG === 'required';

async function reachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

const problem = await reachable();
const run = `sitrep_desk_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];

if (problem !== null && !required) {
  console.warn(`PostgreSQL desk data tests skipped: no server at ${redact(URL)} (${problem})`);
  describe('desk data contract: PostgreSQL', () => it.skip(`no PostgreSQL at ${redact(URL)}`, () => {}));
} else if (problem !== null) {
  describe('desk data contract: PostgreSQL', () =>
    it('needs a reachable server (SITREP_TEST_PG=required)', () => {
      throw new Error(`no PostgreSQL at ${redact(URL)}: ${problem}`);
    }));
} else {
  deskDataContract('PostgreSQL', () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    return openStore(`${URL}${URL.includes('?') ? '&' : '?'}schema=${schema}`);
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: URL });
    await c.connect();
    try {
      for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await c.end();
    }
  });
}
