import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(args: string[], input?: string, cwd = ROOT) {
  // tsx by its path: the working directory may be outside the project.
  const tsx = pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('tsx')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

describe('sitrep analyze: inputs', () => {
  it('reports every unreadable input on one line naming it, and exits 1 when nothing could be read', () => {
    const empty = path.join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const r = sitrep(['analyze', empty, path.join(tmp, 'missing.txt'), path.join(ROOT, 'testdata/ingest/tiny.png')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([
      `sitrep: ${empty}: empty file`,
      `sitrep: ${path.join(tmp, 'missing.txt')}: no such file or directory`,
      `sitrep: ${path.join(ROOT, 'testdata/ingest/tiny.png')}: binary file (looks like PNG image)`,
    ]);
  }, 180_000);

  it('goes on past bad inputs and exits 0 when something was analysed', () => {
    const r = sitrep(['analyze', '--input', 'testdata/ingest/broken-line.jsonl', 'testdata/ingest/mixed']);
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['ok-1', 'ok-2', 'a-report.txt', 'b-page.html']);
    expect(r.stderr).toEqual([
      expect.stringMatching(/^sitrep: testdata\/ingest\/broken-line\.jsonl:2: invalid JSON/),
      'sitrep: testdata/ingest/mixed/c-image.png: binary file (looks like PNG image)',
      'sitrep: testdata/ingest/mixed/d-empty.txt: empty file',
    ]);
  }, 180_000);

  it('reads standard input by content and prints warnings as one line each', () => {
    const r = sitrep(['analyze', '--max-bytes', '100000'], '<html><body><p>Troops entered Gogjali on Tuesday, officers said.</p></body></html>');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'stdin', format: 'html' });
    const w = sitrep(['analyze', 'testdata/ingest/windows-1252.txt']);
    expect(w.stderr).toEqual(['sitrep: testdata/ingest/windows-1252.txt: not valid UTF-8; read as Windows-1252']);
  }, 180_000);

  it('reads standard input for "-", even beside a file named "-"', () => {
    const here = mkdtempSync(path.join(tmp, 'dash-'));
    writeFileSync(path.join(here, '-'), 'A file that happens to be called dash: not what was asked for.');
    const r = sitrep(['analyze', '-'], 'Shelling hit the market of an invented town on Sunday, officials said.', here);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as { id: string; length: number };
    expect(rec.id).toBe('stdin');
    expect(rec.length).toBe('Shelling hit the market of an invented town on Sunday, officials said.'.length);
  }, 180_000);

  it('refuses a bad limit as a usage error', () => {
    const r = sitrep(['analyze', '--max-bytes', 'lots', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe('sitrep: analyze: --max-bytes must be a positive integer, got "lots"');
  }, 180_000);
});

describe('sitrep analyze --workers', () => {
  it('writes the same bytes with 1 and with 2 workers, in input order, failures in their place', () => {
    const lines = generateCorpus({ articles: 24, seed: 14 }).map((a) => JSON.stringify({ id: a.id, text: a.text, title: a.title, source: a.source, published: a.published }));
    // A word wink learns from one document must not change how another is read, whichever worker reads it.
    lines.splice(3, 0, JSON.stringify({ id: 'learn', text: "The players celebrated at Wrzesniowski's." }));
    lines.splice(9, 0, JSON.stringify({ id: 'read', text: "Wrzesniowski's team won the final in Mosul on Sunday." }));
    lines.splice(12, 0, '{"id": "broken", "text": ');
    const input = path.join(tmp, 'workers.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const one = sitrep(['analyze', '--tokens', '--workers', '1', '--input', input]);
    const two = sitrep(['analyze', '--tokens', '--workers', '2', '--input', input]);
    expect(one.code).toBe(0);
    expect(two.stderr).toEqual(one.stderr);
    expect(one.stderr).toEqual([expect.stringMatching(/workers\.jsonl:13: invalid JSON/)]);
    const ids = one.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(26);
    expect(ids.slice(2, 5)).toEqual([expect.any(String), 'learn', expect.any(String)]);
    expect(two.stdout).toBe(one.stdout);
  }, 300_000);

  it('refuses a number of workers that is not a positive integer', () => {
    const r = sitrep(['analyze', '--workers', '0', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe('sitrep: analyze: --workers must be a positive integer, got "0"');
  }, 180_000);
});
