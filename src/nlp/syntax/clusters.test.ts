import { describe, expect, it } from 'vitest';
import { clusterOfLeaf, CLUSTER_LEVELS, LEAVES, readClusters, wordClusters, writeClusters } from './clusters.js';

describe('word clusters', () => {
  it('round-trips words, leaves and binarised codes through the file format', () => {
    const words = ['town', 'village', 'colonel', 'said'];
    const leaves = [5, 5, 700, LEAVES - 1];
    // Two bytes a word: 8 dimensions of 2 bits (01 = +1, 10 = -1).
    const codes = Uint8Array.from([0b00000001, 0, 0b00000001, 0b10000000, 0b00100100, 0, 0, 0]);
    const c = readClusters(writeClusters(words, leaves, codes, 2));
    expect(c.size).toBe(4);
    const out = new Uint32Array(16);
    for (const [w, leaf] of words.map((w, i) => [w, leaves[i]!] as const)) {
      const row = c.row(w);
      expect(row).toBeGreaterThanOrEqual(0);
      expect(c.clusterAt(row, 3)).toBe(leaf + 1);
    }
    // dimension 0 set to +1 → 0; dimension 7 set to -1 → 7 * 2 + 1; dimension 1 +1 → 2, dimension 2 -1 → 5.
    expect([...out.subarray(0, c.activeDims(c.row('village'), out))]).toEqual([0, 15]);
    expect([...out.subarray(0, c.activeDims(c.row('colonel'), out))]).toEqual([2, 5]);
    expect(c.activeDims(c.row('said'), out)).toBe(0);
    expect(c.row('unheard')).toBe(-1);
    expect(c.clusterAt(-1, 1)).toBe(0);
    expect(c.activeDims(-1, out)).toBe(0);
  });

  it('names a leaf’s ancestors by its high digits', () => {
    const leaf = 3 * CLUSTER_LEVELS[1] * CLUSTER_LEVELS[2] + 7 * CLUSTER_LEVELS[2] + 2;
    expect(clusterOfLeaf(leaf, 1)).toBe(3);
    expect(clusterOfLeaf(leaf, 2)).toBe(3 * CLUSTER_LEVELS[1] + 7);
    expect(clusterOfLeaf(leaf, 3)).toBe(leaf);
  });

  it('refuses a file that is not one, or is cut short', () => {
    expect(() => readClusters(Buffer.from('not a cluster file'))).toThrow(/not a word-cluster file/);
    const whole = writeClusters(['a', 'b'], [0, 1], new Uint8Array(2), 1);
    expect(() => readClusters(whole.subarray(0, whole.length - 1))).toThrow(/truncated/);
  });

  it('ships clusters that put towns with towns and given names with given names', () => {
    const c = wordClusters();
    expect(c.size).toBeGreaterThan(100_000);
    const at2 = (w: string) => c.clusterAt(c.row(w), 2);
    // Words of the project's own choosing, not from any evaluation set.
    expect(at2('herat')).toBe(at2('kandahar'));
    expect(at2('michael')).not.toBe(at2('herat'));
    expect(at2('tuesday')).toBe(at2('wednesday'));
  });
});
