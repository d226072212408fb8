import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../watch/scan.js';
import { OUTSIDE_MESSAGE } from './inside.js';
import { readPath } from './read.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-links-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A watched folder with a link out of it (to a file and to a folder), a link that stays inside, and a
// link that climbs out through `..`; a secret file beside the folder.
const outside = path.join(tmp, 'private');
mkdirSync(outside);
writeFileSync(path.join(outside, 'secret.txt'), 'The password of the payroll system is hunter2.');
const inbox = path.join(tmp, 'inbox');
mkdirSync(path.join(inbox, 'wire'), { recursive: true });
writeFileSync(path.join(inbox, 'wire', 'report.txt'), 'Shelling hit the market in the old town on Monday, residents said.');
symlinkSync(path.join(outside, 'secret.txt'), path.join(inbox, 'secret-link.txt'));
symlinkSync(outside, path.join(inbox, 'private-dir'));
symlinkSync('../../private/secret.txt', path.join(inbox, 'wire', 'climb.txt'));
symlinkSync('wire/report.txt', path.join(inbox, 'same-report.txt'));

describe('symbolic links never lead out of a folder sitrep reads', () => {
  it('watch: lists only what is inside, and says which links it did not follow', async () => {
    const { files, errors } = await scan(inbox);
    expect(files.map((f) => f.id).sort()).toEqual(['same-report.txt', 'wire/report.txt']);
    expect(errors.map((e) => path.relative(inbox, e.where)).sort()).toEqual(['private-dir', 'secret-link.txt', path.join('wire', 'climb.txt')]);
    expect(new Set(errors.map((e) => e.message))).toEqual(new Set([OUTSIDE_MESSAGE]));
  });

  it('ingest FOLDER: the same', async () => {
    const ok: string[] = [];
    const refused: string[] = [];
    for await (const it of readPath(inbox)) {
      if (it.error) refused.push(path.relative(inbox, it.error.origin));
      else ok.push(it.doc.text);
    }
    expect(ok.join('\n')).not.toContain('hunter2');
    expect(ok).toHaveLength(2);
    expect(refused.sort()).toEqual(['private-dir', 'secret-link.txt', path.join('wire', 'climb.txt')]);
  });

  it('a file given by name is the user’s choice, link or not', async () => {
    const texts: string[] = [];
    for await (const it of readPath(path.join(inbox, 'secret-link.txt'))) if (!it.error) texts.push(it.doc.text);
    expect(texts.join('')).toContain('hunter2');
  });
});
