import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The CLI run from source, as a user would run it; stderr is a pipe here, so no progress bar. Async, so
 * the test worker stays responsive while a child runs.
 */
const root = path.resolve(import.meta.dirname, '../../..');
function sitrep(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Written for this test.
const one = path.join(dir, 'one.txt');
const two = path.join(dir, 'two.jsonl');
writeFileSync(one, 'date 2016-10-25\nShelling hit the eastern districts overnight, residents said. Two houses were destroyed.\n');
writeFileSync(
  two,
  [
    JSON.stringify({ id: 'w1', source: 'Valley Times', published: '2016-10-26', text: 'Engineers repaired the bridge near Gwer after a week of work, officials said.' }),
    '{"id": "w2", "text": broken',
  ].join('\n'),
);

// Each case starts the CLI a few times; on a busy two-core machine that takes a while.
describe('sitrep ingest / stats / search', { timeout: 240_000 }, () => {
  const db = path.join(dir, 'store.db');

  it('stores documents once: a second ingest leaves stats unchanged', async () => {
    const first = await sitrep('ingest', one, two, '--db', db);
    expect(first.code).toBe(0);
    expect(first.err).toContain('ingest: 2 new, 0 already stored, 1 failed');
    expect(first.err).toMatch(/sitrep: .*two\.jsonl:2: invalid JSON/);
    expect(first.err).not.toContain('\r');
    const before = await sitrep('stats', '--json', '--db', db);
    expect(before.code).toBe(0);
    const counts = JSON.parse(before.out);
    expect(counts).toMatchObject({ documents: 2, outlets: 1 });
    for (const k of ['events', 'places', 'times', 'quantities', 'sentences']) expect(typeof counts[k]).toBe('number');

    const again = await sitrep('ingest', one, two, '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ new: 0, existing: 2, failed: 1 });
    expect((await sitrep('stats', '--json', '--db', db)).out).toBe(before.out);
  });

  it('searches with snippets, and takes any query without failing', async () => {
    const hits = JSON.parse((await sitrep('search', 'bridge', '--json', '--db', db)).out).hits;
    expect(hits.map((h: { id: string }) => h.id)).toEqual(['w1']);
    expect(hits[0].snippet).toContain('«bridge»');
    const odd = await sitrep('search', '"bridge AND (', '--json', '--db', db);
    expect(odd.code).toBe(0);
    expect(Array.isArray(JSON.parse(odd.out).hits)).toBe(true);
    const plain = await sitrep('search', 'shelling', '--db', db);
    expect(plain.out).toMatch(/one\.txt {2}2016-10-25/);
  });

  it('exits 1 only when nothing could be stored, with the JSON error shape', async () => {
    const partly = await sitrep('ingest', one, path.join(dir, 'missing.txt'), '--db', db);
    expect(partly.code).toBe(0);
    expect(partly.err).toMatch(/missing\.txt: no such file/);
    const none = await sitrep('ingest', path.join(dir, 'missing.txt'), '--db', db, '--json');
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out)).toEqual({ error: { code: 'nothing_processed', message: expect.any(String) } });
  });

  it('refuses to read a database that does not exist', async () => {
    const r = await sitrep('stats', '--json', '--db', path.join(dir, 'nope.db'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe('db_missing');
    const s = await sitrep('search', 'x', '--db', path.join(dir, 'nope.db'));
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/^sitrep: search: no database at/);
  });

  it('lets two processes ingest the same documents into one SQLite file, each stored once', async () => {
    const shared = path.join(dir, 'shared.db');
    const [a, b] = await Promise.all([sitrep('ingest', one, two, '--db', shared, '--json'), sitrep('ingest', two, one, '--db', shared, '--json')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [ra, rb] = [JSON.parse(a.out), JSON.parse(b.out)];
    expect(ra.new + rb.new).toBe(2);
    expect(ra.new + ra.existing).toBe(2);
    expect(rb.new + rb.existing).toBe(2);
    expect(JSON.parse((await sitrep('stats', '--json', '--db', shared)).out).documents).toBe(2);
  });

  it('reports usage errors in the JSON shape too', async () => {
    const r = await sitrep('search', '--json', '--db', db);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe('usage');
  });
});
