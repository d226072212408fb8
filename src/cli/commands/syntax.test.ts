import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConllu } from '../../nlp/syntax/conllu.js';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-syntax-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

describe('sitrep syntax', () => {
  it('keeps the sentences and words of a CoNLL-U file and fills in the predictions', () => {
    const r = sitrep(['syntax', '--conllu', 'testdata/syntax/mini.conllu']);
    expect(r.code).toBe(0);
    const gold = parseConllu(readFileSync(path.join(ROOT, 'testdata/syntax/mini.conllu'), 'utf8'));
    const out = parseConllu(r.stdout);
    expect(out.map((s) => s.id)).toEqual(gold.map((s) => s.id));
    out.forEach((s, i) => {
      expect(s.words.map((w) => w.form)).toEqual(gold[i]!.words.map((w) => w.form));
      expect(s.words.filter((w) => w.head === 0)).toHaveLength(1);
      for (const w of s.words) expect(w.misc).toMatch(/NER=(O|[BI]-(PER|ORG|LOC))$/);
    });
  }, 180_000);

  it('tokenises raw documents and gives each word its offsets in the text', () => {
    const text = 'Gunmen killed two guards in Maiduguri on Sunday, police said.';
    const file = path.join(tmp, 'note.txt');
    writeFileSync(file, text);
    const r = sitrep(['syntax', file]);
    expect(r.code).toBe(0);
    const [s] = parseConllu(r.stdout);
    expect(s!.comments).toContain('# newdoc id = note.txt');
    for (const w of s!.words) {
      const [a, b] = /TokenRange=(\d+):(\d+)/.exec(w.misc)!.slice(1).map(Number);
      expect(text.slice(a, b)).toBe(w.form);
    }
    const killed = s!.words.find((w) => w.form === 'killed')!;
    expect(killed.upos).toBe('VERB');
    expect(s!.words.find((w) => w.form === 'Gunmen')!.head).toBe(killed.id);
    expect(s!.words.find((w) => w.form === 'Maiduguri')!.misc).toMatch(/NER=B-LOC/);
  }, 180_000);

  it('names the line of a broken CoNLL-U file', () => {
    const bad = path.join(tmp, 'bad.conllu');
    writeFileSync(bad, '1\tA\ta\n');
    const r = sitrep(['syntax', '--conllu', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`sitrep: ${bad}: line 1: expected 10 tab-separated columns, found 3`]);
  }, 180_000);
});
