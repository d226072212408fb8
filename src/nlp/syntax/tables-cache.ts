/**
 * The scoring tables of a model file (linear.ts, ScoringTables) kept in the cache folder, so that a process
 * or worker thread reads them (a few milliseconds) instead of building them (a third of a second for the
 * parser). The file name carries a hash of the model file and the tables' layout version, so new weights
 * or a new layout are built again; a cache that cannot be read or written is only a slower start.
 *
 *   "SRPT" | u32 nDense | u32 slots length | u32 packed length | u32 dense length | slots i32[] | packed i32[] | dense i16[]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirs } from '../../core/cache-dirs.js';
import { readFileShared } from '../../core/shared-files.js';
import { TABLES_VERSION, type ScoringTables } from './linear.js';

const MAGIC = 0x54505253; // "SRPT" read little-endian

const fileName = (kind: string, hash: string) => `model-tables-${kind}-${hash}.bin`;

/** The cache's name for the tables of this model file. */
export function tablesHash(modelFile: Uint8Array): string {
  return createHash('sha1').update(`v${TABLES_VERSION};`).update(modelFile).digest('hex').slice(0, 16);
}

export function readTables(kind: string, hash: string): ScoringTables | null {
  for (const dir of cacheDirs()) {
    let data: Buffer;
    try {
      data = readFileShared(join(dir, fileName(kind, hash)));
    } catch {
      continue;
    }
    const t = decodeTables(data);
    if (t) return t;
  }
  return null;
}

/** The cached tables' file for this model file, if a cache folder holds it (the one readTables reads first). */
export function tablesPath(kind: string, hash: string): string | null {
  return cacheDirs().map((d) => join(d, fileName(kind, hash))).find((p) => existsSync(p)) ?? null;
}

function decodeTables(data: Buffer): ScoringTables | null {
  if (data.length < 20 || data.readUInt32LE(0) !== MAGIC) return null;
  const nDense = data.readUInt32LE(4);
  const nSlots = data.readUInt32LE(8);
  const nPacked = data.readUInt32LE(12);
  const nRows = data.readUInt32LE(16);
  if (data.length !== 20 + 4 * nSlots + 4 * nPacked + 2 * nRows) return null;
  // Typed-array views need 4-byte alignment: a large file's buffer is its own, at offset 0; else one copy.
  let buf: ArrayBufferLike = data.buffer;
  let at = data.byteOffset + 20;
  if (at % 4 !== 0) {
    buf = new ArrayBuffer(data.length - 20);
    new Uint8Array(buf).set(data.subarray(20));
    at = 0;
  }
  return {
    nDense,
    slots: new Int32Array(buf, at, nSlots),
    packed: new Int32Array(buf, at + 4 * nSlots, nPacked),
    dense: new Int16Array(buf, at + 4 * (nSlots + nPacked), nRows),
  };
}

/** Writes the tables to the first writable cache folder (atomically), removing older tables of the kind. */
export function writeTables(kind: string, hash: string, t: ScoringTables): void {
  const head = Buffer.alloc(20);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(t.nDense, 4);
  head.writeUInt32LE(t.slots.length, 8);
  head.writeUInt32LE(t.packed.length, 12);
  head.writeUInt32LE(t.dense.length, 16);
  const parts = [head, ...[t.slots, t.packed, t.dense].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, fileName(kind, hash));
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, Buffer.concat(parts));
      renameSync(tmp, path);
      for (const f of readdirSync(dir)) {
        if (f.startsWith(`model-tables-${kind}-`) && f.endsWith('.bin') && f !== fileName(kind, hash)) {
          try {
            unlinkSync(join(dir, f));
          } catch {
            /* another process may have removed it */
          }
        }
      }
      return;
    } catch {
      continue;
    }
  }
}
