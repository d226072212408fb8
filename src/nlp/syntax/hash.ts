/**
 * Feature hashing. Every feature is a 32-bit key made from a template number and the hashes of the
 * strings or small integers it combines, so no feature string is ever built: a token's strings are hashed
 * once, and each template mixes a few integers (MurmurHash3's mixing steps). Keys are the same on every
 * machine and in every run, which is what lets a weight file name its features by key alone.
 *
 * Feature keys are returned as signed 32-bit integers (the same 32 bits a weight file stores unsigned): a
 * value above 2^31 as an unsigned number does not fit V8's small integers, so each such key was a number
 * allocated on the heap (about 6% of the bytes an analysis allocated). Every consumer stores keys in a
 * Uint32Array or compares them as `key | 0` / `key >>> 0`, so both forms name the same feature.
 */

/** FNV-1a over UTF-16 code units, finished with Murmur's avalanche: a string's 32-bit hash. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h) >>> 0;
}

function step(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur's avalanche, as a signed 32-bit integer. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The key of template `t` over one to three values, signed (see above; `>>> 0` gives the unsigned key a
 * weight file stores). Never 0 (0 marks an empty slot in the tables).
 */
export function key1(t: number, a: number): number {
  return fmix(step(step(0x9747b28c, t), a)) || 1;
}
export function key2(t: number, a: number, b: number): number {
  return fmix(step(step(step(0x9747b28c, t), a), b)) || 1;
}
export function key3(t: number, a: number, b: number, c: number): number {
  return fmix(step(step(step(step(0x9747b28c, t), a), b), c)) || 1;
}
