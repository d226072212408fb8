/**
 * Word clusters: what the entity recogniser knows of words EWT never showed it. Built once by
 * `npm run clusters` (scripts/build-clusters.ts) from GloVe vectors trained on 6 billion words of news and
 * encyclopaedia text, so "kandahar" sits beside other towns and "mahamat" beside other given names though
 * neither is in the treebank. Each word has a leaf of a three-level hierarchy (32 × 16 × 8 = 4,096 leaves
 * of spherical k-means) — its prefixes are the coarser clusters — and its vector binarised (Guo et al. 2014:
 * each dimension +1, 0 or -1 against that dimension's mean positive and negative value).
 *
 * File (data/models/clusters.bin, little-endian): "SCL1", u32 word count N, u32 bytes per code;
 * N sorted u32 strHash keys of the lower-cased words; N u16 leaves; N codes (2 bits a dimension: 01 for +1,
 * 10 for -1, 00 for 0).
 */
import { readFileSync } from 'node:fs';
import { MODELS_DIR } from './models.js';
import { strHash } from './hash.js';

/** Branching at each level: level 1 has 32 clusters, each split in 16, each of those in 8. */
export const CLUSTER_LEVELS = [32, 16, 8] as const;
export const LEAVES = CLUSTER_LEVELS[0] * CLUSTER_LEVELS[1] * CLUSTER_LEVELS[2];
const MAGIC = 0x314c4353; // "SCL1"

export class WordClusters {
  constructor(
    /** Sorted strHash keys. */
    readonly keys: Uint32Array,
    /** Leaf (0 … LEAVES - 1) per key. */
    readonly leaves: Uint16Array,
    readonly codes: Uint8Array,
    readonly codeBytes: number,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  /** The row of a lower-cased word, or -1. */
  row(lower: string): number {
    return this.rowOfKey(strHash(lower));
  }

  rowOfKey(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The word's cluster at a level (1 coarsest … 3 the leaf), numbered from 1; 0 for an unknown word. */
  clusterAt(row: number, level: 1 | 2 | 3): number {
    if (row < 0) return 0;
    return clusterOfLeaf(this.leaves[row]!, level) + 1;
  }

  /**
   * The dimensions the binarised vector sets, as d * 2 + (0 for +1, 1 for -1), written to out; returns
   * their count.
   */
  activeDims(row: number, out: Uint32Array, from = 0): number {
    if (row < 0) return 0;
    let n = from;
    const base = row * this.codeBytes;
    for (let b = 0; b < this.codeBytes; b++) {
      let byte = this.codes[base + b]!;
      for (let k = 0; byte !== 0 && k < 4; k++, byte >>>= 2) {
        const v = byte & 3;
        if (v !== 0) out[n++] = (b * 4 + k) * 2 + (v === 1 ? 0 : 1);
      }
    }
    return n - from;
  }
}

/** A leaf's ancestor at a level (the coarser clusters are the leaf's high digits). */
export function clusterOfLeaf(leaf: number, level: 1 | 2 | 3): number {
  if (level === 3) return leaf;
  if (level === 2) return Math.floor(leaf / CLUSTER_LEVELS[2]);
  return Math.floor(leaf / (CLUSTER_LEVELS[1] * CLUSTER_LEVELS[2]));
}

/** The file's bytes for words given with their leaves and codes (a word whose hash repeats keeps its first row). */
export function writeClusters(words: readonly string[], leaves: ArrayLike<number>, codes: Uint8Array, codeBytes: number): Buffer {
  const rows = new Map<number, number>();
  words.forEach((w, i) => {
    const k = strHash(w);
    if (!rows.has(k)) rows.set(k, i);
  });
  const keys = Uint32Array.from(rows.keys()).sort();
  const n = keys.length;
  const out = Buffer.alloc(12 + n * 4 + n * 2 + n * codeBytes);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(n, 4);
  out.writeUInt32LE(codeBytes, 8);
  let o = 12;
  for (const k of keys) {
    out.writeUInt32LE(k, o);
    o += 4;
  }
  for (const k of keys) {
    out.writeUInt16LE(leaves[rows.get(k)!]!, o);
    o += 2;
  }
  for (const k of keys) {
    const r = rows.get(k)!;
    out.set(codes.subarray(r * codeBytes, (r + 1) * codeBytes), o);
    o += codeBytes;
  }
  return out;
}

export function readClusters(data: Buffer, where = 'clusters'): WordClusters {
  if (data.length < 12 || data.readUInt32LE(0) !== MAGIC) throw new Error(`${where}: not a word-cluster file`);
  const n = data.readUInt32LE(4);
  const codeBytes = data.readUInt32LE(8);
  if (data.length !== 12 + n * (6 + codeBytes)) throw new Error(`${where}: truncated (${data.length} bytes for ${n} words)`);
  // Copies, so the arrays are aligned whatever the Buffer's offset in its pool.
  const keys = new Uint32Array(n);
  const leaves = new Uint16Array(n);
  for (let i = 0; i < n; i++) keys[i] = data.readUInt32LE(12 + i * 4);
  for (let i = 0; i < n; i++) leaves[i] = data.readUInt16LE(12 + n * 4 + i * 2);
  const codes = Uint8Array.from(data.subarray(12 + n * 6));
  return new WordClusters(keys, leaves, codes, codeBytes);
}

let shared: WordClusters | null = null;

/** The shipped clusters, loaded once per process. */
export function wordClusters(dir = MODELS_DIR): WordClusters {
  if (shared) return shared;
  const path = `${dir}clusters.bin`;
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new Error(`the word clusters are missing (${path}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; run \`npm run clusters\``, { cause: e });
  }
  shared = readClusters(data, path);
  return shared;
}
