import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinearModel } from './linear.js';
import { prng } from './random.js';
import { readTables, tablesHash, writeTables } from './tables-cache.js';

/** A model of `n` features, each voting for 1 to `maxVotes` of `nClasses` classes (many votes: dense rows). */
function model(n: number, nClasses: number, maxVotes: number, seed: number): LinearModel {
  const rnd = prng(seed);
  const keys = Array.from({ length: n }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0) || 1).sort((a, b) => a - b);
  const offsets = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  for (let f = 0; f < n; f++) {
    const k = 1 + Math.floor(rnd() * maxVotes);
    const picked = [...new Set(Array.from({ length: k }, () => Math.floor(rnd() * nClasses)))].sort((a, b) => a - b);
    for (const c of picked) {
      classes.push(c);
      weights.push(Math.round((rnd() * 2 - 1) * 3000));
    }
    offsets.push(classes.length);
  }
  return new LinearModel(nClasses, Uint32Array.from(keys), Uint32Array.from(offsets), Uint8Array.from(classes), Int16Array.from(weights), 0.01);
}

describe('scoring tables cache', () => {
  let dir: string;
  const saved = process.env.SITREP_CACHE_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-tables-'));
    process.env.SITREP_CACHE_DIR = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SITREP_CACHE_DIR;
    else process.env.SITREP_CACHE_DIR = saved;
  });

  it('gives a model that scores as the one whose tables were written, dense rows included', () => {
    const m = model(400, 40, 30, 5);
    expect(m.tables.nDense).toBeGreaterThan(0);
    writeTables('test', 'abc', m.tables);
    const t = readTables('test', 'abc');
    expect(t).not.toBeNull();
    const again = new LinearModel(m.nClasses, m.keys, m.offsets, m.classes, m.weights, m.scale, t!);
    const rnd = prng(9);
    const a = new Float64Array(40);
    const b = new Float64Array(40);
    for (let trial = 0; trial < 40; trial++) {
      const feats = Uint32Array.from({ length: 25 }, () => (rnd() < 0.8 ? m.keys[Math.floor(rnd() * m.keys.length)]! : (Math.floor(rnd() * 2 ** 32) | 1) >>> 0));
      m.score(feats, feats.length, a);
      again.score(feats, feats.length, b);
      expect([...b]).toEqual([...a]);
    }
  });

  it('names the tables by the model file, replaces older ones and ignores a damaged file', () => {
    expect(tablesHash(Uint8Array.from([1, 2, 3]))).not.toBe(tablesHash(Uint8Array.from([1, 2, 4])));
    const m = model(50, 17, 3, 2);
    writeTables('test', 'old', m.tables);
    writeTables('test', 'new', m.tables);
    expect(readdirSync(dir).filter((f) => f.startsWith('model-tables-test-'))).toEqual(['model-tables-test-new.bin']);
    expect(readTables('test', 'old')).toBeNull();
    writeFileSync(join(dir, 'model-tables-test-bad.bin'), Buffer.from('SRPT and then nothing that fits'));
    expect(readTables('test', 'bad')).toBeNull();
  });
});
