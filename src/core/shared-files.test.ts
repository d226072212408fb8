import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptSharedFiles, readFileShared, shareFiles } from './shared-files.js';

describe('shared files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-shared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const a = join(dir, 'a.bin');
  const b = join(dir, 'b.bin');
  writeFileSync(a, Buffer.from([1, 2, 3, 4, 5]));
  writeFileSync(b, Buffer.from('not shared'));

  it('reads existing files into shared memory and leaves missing ones out', () => {
    const files = shareFiles([a, join(dir, 'missing.bin')]);
    expect(Object.keys(files)).toEqual([a]);
    expect(files[a]).toBeInstanceOf(SharedArrayBuffer);
    expect([...new Uint8Array(files[a]!)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('a thread that adopted the files views the shared bytes; other paths are read from disk', () => {
    const files = shareFiles([a]);
    adoptSharedFiles(files);
    // The file changes on disk after the pool shared it: the adopting thread keeps reading the shared copy.
    writeFileSync(a, Buffer.from([9]));
    const got = readFileShared(a);
    expect(got.buffer).toBe(files[a]);
    expect([...got]).toEqual([1, 2, 3, 4, 5]);
    expect(readFileShared(b).toString()).toBe('not shared');
  });
});
