/** The outcome of one piece of work: its value, or what it threw. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Start `start(item)` for up to `window` items ahead and yield each item with its outcome in input order:
 * work runs concurrently (in worker threads), output keeps the order of the input. With a window of 1
 * the items are handled one after the other, exactly as a plain loop would.
 */
export async function* mapOrdered<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  window: number,
  start: (item: T) => Promise<R>,
): AsyncGenerator<[T, Settled<R>]> {
  const pending: { item: T; done: Promise<Settled<R>> }[] = [];
  const settle = (item: T): Promise<Settled<R>> =>
    Promise.resolve()
      .then(() => start(item))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
  const size = Math.max(1, Math.floor(window));
  for await (const item of items) {
    pending.push({ item, done: settle(item) });
    if (pending.length >= size) {
      const next = pending.shift()!;
      yield [next.item, await next.done];
    }
  }
  while (pending.length) {
    const next = pending.shift()!;
    yield [next.item, await next.done];
  }
}
