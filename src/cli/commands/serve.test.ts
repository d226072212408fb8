import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-serve-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const STORY = JSON.stringify({ id: 'desk-1', source: 'Valley Courier', published: '2016-11-20', text: 'Gunmen killed two guards at a checkpoint near Baiji on Sunday, police said.' });

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

describe('sitrep serve', () => {
  it('serves the store on 127.0.0.1, prints its address, and stops cleanly on SIGTERM', async () => {
    const input = path.join(tmp, 'desk.jsonl');
    const db = path.join(tmp, 'desk.db');
    writeFileSync(input, STORY + '\n');
    expect(sitrep(['ingest', '--db', db, '--input', input]).code).toBe(0);

    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', db, '--port', '0'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    try {
      const stats = (await (await fetch(url + 'api/stats')).json()) as { documents: number };
      expect(stats.documents).toBe(1);
      const doc = (await (await fetch(url + 'api/documents/desk-1')).json()) as { source: string };
      expect(doc.source).toBe('Valley Courier');
      expect(stderr).toMatch(/this machine only/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/serve: SIGTERM: stopping/);
  }, 180_000);

  it('refuses a database that does not exist, and bad options', () => {
    const missing = sitrep(['serve', '--db', path.join(tmp, 'nope.db'), '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/^sitrep: serve: no database at .*nope\.db/);
    const badPort = sitrep(['serve', '--port', '99999']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr[0]).toBe('sitrep: serve: --port must be a number from 0 to 65535, got "99999"');
  }, 180_000);
});
