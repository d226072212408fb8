import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deskData } from '../../desk/open.js';
import { openStore } from '../../store/open.js';

/** `sitrep user` and `sitrep audit` run from source, as a user would run them. */
const root = path.resolve(import.meta.dirname, '../../..');
function sitrep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep user / audit', { timeout: 240_000 }, () => {
  const db = path.join(dir, 'desk.db');

  it('adds an account and prints its token once, which then signs requests; lists, renews, changes, removes; all logged', async () => {
    expect((await sitrep('user', 'add', 'amira', '--role', 'editor', '--db', db)).code).toBe(1); // no such database yet
    const added = await sitrep('user', 'add', 'amira', '--role', 'editor', '--db', db, '--create');
    expect(added.code).toBe(0);
    const token = added.out.trim();
    expect(token).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/);
    expect(added.err).toContain('added amira (editor)');
    const store = await openStore(db);
    try {
      expect((await deskData(store).accountByToken(token))?.name).toBe('amira');
    } finally {
      await store.close();
    }
    expect((await sitrep('user', 'add', 'amira', '--role', 'viewer', '--db', db)).code).toBe(1);
    expect((await sitrep('user', 'add', 'bad name', '--role', 'viewer', '--db', db)).code).toBe(2);
    expect((await sitrep('user', 'add', 'bo', '--role', 'god', '--db', db)).code).toBe(2);
    expect((await sitrep('user', 'add', 'bo', '--db', db)).code).toBe(2);
    const json = await sitrep('user', 'add', 'bo', '--role', 'viewer', '--db', db, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ name: 'bo', role: 'viewer', token: expect.stringMatching(/^sitrep_/) });
    const list = await sitrep('user', 'list', '--db', db, '--json');
    expect(JSON.parse(list.out).accounts.map((a: { name: string; role: string }) => `${a.name}:${a.role}`)).toEqual(['amira:editor', 'bo:viewer']);
    const renewed = await sitrep('user', 'token', 'amira', '--db', db);
    expect(renewed.out.trim()).not.toBe(token);
    expect((await sitrep('user', 'role', 'bo', '--role', 'admin', '--db', db)).out).toBe('bo is now admin\n');
    expect((await sitrep('user', 'remove', 'bo', '--db', db)).code).toBe(0);
    const gone = await sitrep('user', 'remove', 'bo', '--db', db, '--json');
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.out).error.code).toBe('not_found');
    const log = await sitrep('audit', '--db', db, '--json');
    expect(log.code).toBe(0);
    const entries = log.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual(['account.remove bo', 'account.role bo', 'account.token amira', 'account.add bo', 'account.add amira']);
    expect(entries[0]).toMatchObject({ account: null, client: 'cli' });
    const text = await sitrep('audit', '--db', db, '--target', 'amira');
    expect(text.out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text.out).toMatch(/\t-\taccount\.token\tamira\n/);
  });
});
