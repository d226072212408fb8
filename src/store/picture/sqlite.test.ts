import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pictureContract } from './contract.test-support.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-picture-'));
let n = 0;

pictureContract('SQLite (temp file)', {
  dialect: 'sqlite',
  fresh: async () => path.join(dir, `p${++n}.db`),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
