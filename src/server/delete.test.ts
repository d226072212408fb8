import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { allFixtures } from '../store/fixtures.test-support.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { startServer, type RunningServer } from './app.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-delete-'));
const file = path.join(tmp, 'store.db');
let store: Store;
let srv: RunningServer;
let editor: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  store = await openStore(file);
  for (const f of allFixtures()) await store.putAnalysis(f.record, f.text);
  editor = { Authorization: `Bearer ${(await deskData(store).addAccount('ed', 'editor')).token}` };
  viewer = { Authorization: `Bearer ${(await deskData(store).addAccount('vi', 'viewer')).token}` };
  srv = await startServer(store, '127.0.0.1', 0);
});
afterAll(async () => {
  await srv?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const del = (id: string, headers: Record<string, string>) => fetch(`${srv.url}/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers });

describe('DELETE /api/documents/ID', () => {
  it('needs an editor', async () => {
    expect((await del('strike-1', {})).status).toBe(401);
    expect((await del('strike-1', viewer)).status).toBe(403);
    expect((await fetch(`${srv.url}/api/documents/strike-1`)).status).toBe(200);
  });

  it('removes the document, its search entry and its part of the picture, and logs it', async () => {
    const before = (await (await fetch(`${srv.url}/api/stats`)).json()) as { documents: number };
    const r = await del('strike-1', editor);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ deleted: 'strike-1' });
    expect((await fetch(`${srv.url}/api/documents/strike-1`)).status).toBe(404);
    expect(((await (await fetch(`${srv.url}/api/stats`)).json()) as { documents: number }).documents).toBe(before.documents - 1);
    expect(((await (await fetch(`${srv.url}/api/search?q=market`)).json()) as { hits: unknown[] }).hits).toEqual([]);
    const report = (await (await fetch(`${srv.url}/api/report`)).json()) as { documents: { id: string }[] };
    expect(report.documents.map((d) => d.id)).not.toContain('strike-1');
    const log = await deskData(store).auditLog({ action: 'documents.delete' });
    expect(log.map((e) => [e.account, e.target])).toEqual([['ed', 'strike-1']]);
    expect((await del('strike-1', editor)).status).toBe(404);
  });
});

describe('sitrep delete ID...', () => {
  it('deletes what it finds, reports what it does not, and exits 1 when it found nothing', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const run = (...args: string[]) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) =>
        execFile(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'delete', ...args, '--db', file, '--json'], { cwd: root, encoding: 'utf8' }, (e, out, err) =>
          resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
        ),
      );
    const r = await run('camp-1', 'no-such-id');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ deleted: ['camp-1'], missing: ['no-such-id'] });
    expect(r.err).toContain('sitrep: no-such-id: no stored document with this id');
    expect(await store.getDocument('camp-1')).toBeNull();
    expect((await run('camp-1')).code).toBe(1);
  }, 120_000);
});
