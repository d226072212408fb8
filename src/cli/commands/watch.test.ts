import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-watch-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

describe('sitrep watch --once', () => {
  it('stores a folder in one pass, one line per problem, and finds everything stored the second time', () => {
    const dir = path.join(tmp, 'inbox');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a-story.txt'), 'date 2016-11-21\n\nAn air strike destroyed a weapons depot outside Hawija on Monday, the coalition said.\n');
    writeFileSync(path.join(dir, 'b-broken.json'), '{"text": "unfinished');
    const db = path.join(dir, 'desk.db'); // inside the watched folder: never read as input
    const first = sitrep(['watch', '--once', '--db', db, dir]);
    expect(first.code).toBe(0);
    expect(first.stderr).toEqual([
      `watch: ${path.join(dir, 'a-story.txt')}: 1 new`,
      expect.stringMatching(new RegExp(`^sitrep: ${path.join(dir, 'b-broken.json')}: invalid JSON`)),
      `watch: 1 new, 0 already stored, 1 failed (${db})`,
    ]);
    const second = sitrep(['watch', '--once', '--db', db, dir]);
    expect(second.stderr.at(-1)).toBe(`watch: 0 new, 1 already stored, 1 failed (${db})`);
  }, 180_000);

  it('exits 1 when nothing could be stored, and 2 on bad options', () => {
    const nothing = sitrep(['watch', '--once', '--db', path.join(tmp, 'x.db'), path.join(tmp, 'missing')]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr[0]).toBe(`sitrep: ${path.join(tmp, 'missing')}: no such file or directory`);
    expect(sitrep(['watch', '--once']).code).toBe(2);
    expect(sitrep(['watch', '--interval', '0', tmp]).code).toBe(2);
    expect(sitrep(['watch', 'ftp://example.org/feed.xml']).stderr[0]).toBe('sitrep: watch: ftp://example.org/feed.xml: only http(s) URLs can be watched');
    // "-" means standard input everywhere; watch cannot watch it, and says so rather than look for a file "-".
    const dash = sitrep(['watch', '--once', '--db', path.join(tmp, 'x.db'), '-']);
    expect(dash.code).toBe(2);
    expect(dash.stderr[0]).toMatch(/^sitrep: watch: .*not standard input \(use `sitrep ingest -`\)/);
  }, 180_000);
});
