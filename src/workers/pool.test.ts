import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskError, WorkerPool, workerScript } from './pool.js';
import { mapOrdered } from './ordered.js';

const script = workerScript(new URL('../test-support/x.ts', import.meta.url).href, 'echo-worker');
let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('WorkerPool', () => {
  it('answers tasks, passes options to the workers and starts workers only as work needs them', async () => {
    pool = new WorkerPool({ script, size: 2, options: { prefix: 'p' } });
    expect(pool.started).toBe(0);
    expect(await pool.run({ op: 'echo', value: [1, 'two'] })).toEqual({ prefix: 'p', value: [1, 'two'] });
    expect(pool.started).toBe(1);
    const infos = await pool.start();
    expect(infos).toHaveLength(2);
    for (const i of infos) expect(i.heapUsed).toBeGreaterThan(0);
  }, 60_000);

  it('runs its workers at a lower priority than the thread that made it, when asked (Linux: nice per thread)', async () => {
    pool = new WorkerPool({ script, size: 1, niceness: 4 });
    const mine = getPriority();
    const theirs = await pool.run({ op: 'priority' });
    if (process.platform === 'linux') expect(theirs).toBe(Math.min(19, mine + 4));
    expect(getPriority()).toBe(mine);
    await pool.close();
    pool = new WorkerPool({ script, size: 1 });
    expect(await pool.run({ op: 'priority' })).toBe(mine);
  }, 60_000);

  it('fails a task that throws on its own and goes on', async () => {
    pool = new WorkerPool({ script, size: 1 });
    await expect(pool.run({ op: 'throw', message: 'bad document' })).rejects.toMatchObject({ name: 'TaskError', kind: 'failed', message: 'bad document' });
    expect(await pool.run({ op: 'echo', value: 1 })).toMatchObject({ value: 1 });
  }, 60_000);

  it('stops a task over its time limit, replaces the worker and serves the next tasks', async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 300 });
    await pool.start();
    const slow = pool.run({ op: 'spin', ms: 60_000 });
    const next = pool.run({ op: 'echo', value: 'after' });
    await expect(slow).rejects.toMatchObject({ kind: 'timeout' });
    expect(await next).toMatchObject({ value: 'after' });
    // A per-call limit overrides the pool's.
    expect(await pool.run({ op: 'spin', ms: 400 }, { timeoutMs: 5_000 })).toBe('spun');
  }, 60_000);

  it('fails the task of a worker that dies and replaces the worker', async () => {
    pool = new WorkerPool({ script, size: 1 });
    await expect(pool.run({ op: 'exit' })).rejects.toMatchObject({ kind: 'crashed' });
    expect(await pool.run({ op: 'echo', value: 2 })).toMatchObject({ value: 2 });
  }, 60_000);

  it('rejects what is still queued when closed, and anything run afterwards', async () => {
    pool = new WorkerPool({ script, size: 1 });
    await pool.start();
    const busy = pool.run({ op: 'spin', ms: 2_000 });
    const queued = pool.run({ op: 'echo', value: 3 });
    expect(pool.busy).toBe(1);
    expect(pool.queued).toBe(1);
    const outcomes = Promise.all([expect(busy).rejects.toMatchObject({ kind: 'closed' }), expect(queued).rejects.toBeInstanceOf(TaskError)]);
    await pool.close();
    await outcomes;
    await expect(pool.run({ op: 'echo', value: 4 })).rejects.toMatchObject({ kind: 'closed' });
  }, 60_000);
});

describe('mapOrdered', () => {
  it('yields results in input order however long each takes, with failures in their place', async () => {
    const delays = [30, 1, 20, 1, 5, 0, 12];
    const out: string[] = [];
    for await (const [item, r] of mapOrdered(delays, 4, (ms) => new Promise<number>((res, rej) => setTimeout(() => (ms === 5 ? rej(new Error('five')) : res(ms * 2)), ms)))) {
      out.push(`${item}:${r.ok ? r.value : (r.error as Error).message}`);
    }
    expect(out).toEqual(['30:60', '1:2', '20:40', '1:2', '5:five', '0:0', '12:24']);
  });

  it('keeps at most `window` items in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    for await (const _ of mapOrdered(items, 3, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    })) void _;
    expect(most).toBeLessThanOrEqual(3);
  });
});
