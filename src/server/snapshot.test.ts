import { describe, expect, it } from 'vitest';
import type { Store } from '../store/types.js';
import { Snapshots } from './snapshot.js';

/** A store that only counts: how often the snapshot asks, and what it is told. */
function countingStore() {
  const s = { documents: 0, asked: 0 };
  const store = {
    kind: 'sqlite',
    stats: async () => {
      s.asked++;
      return { documents: s.documents };
    },
    analyses: async () => [],
  } as unknown as Store;
  return { s, store };
}

describe('snapshots of the store', () => {
  it('asks the store for its document count at most once a second, and at once after a local write', async () => {
    const { s, store } = countingStore();
    let t = 0;
    const snaps = new Snapshots(store, () => t);
    const a = await snaps.get();
    await snaps.get();
    await snaps.get();
    expect(s.asked).toBe(1);
    // Another process stored a document: seen once the second has passed.
    s.documents = 1;
    t = 500;
    expect(await snaps.get()).toBe(a);
    t = 1001;
    const b = await snaps.get();
    expect(b).not.toBe(a);
    expect(b.count).toBe(1);
    expect(s.asked).toBe(2);
    // This process stored one: the next request looks.
    s.documents = 2;
    snaps.invalidate();
    expect((await snaps.get()).count).toBe(2);
  });
});
