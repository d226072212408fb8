/**
 * Counts the work of a piece of code by what it scans, not by time: characters a regular expression
 * passes over, characters `indexOf` and friends search, elements array searches and passes visit. Enough
 * to tell linear code from code that re-scans the whole input per item (quadratic), deterministically and
 * whatever the load on the machine. The built-ins are wrapped only while `count` runs.
 */

type Fn = (...args: never[]) => unknown;

let total = 0;
let active = false;

function patch<T extends object>(proto: T, name: keyof T & string, cost: (self: unknown, args: unknown[], result: unknown) => number): () => void {
  const original = proto[name] as unknown as Fn;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args as never[]);
    if (active) {
      active = false; // the cost function must not count itself
      try {
        total += Math.max(1, cost(this, args, result));
      } finally {
        active = true;
      }
    }
    return result;
  };
  Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true });
  return () => Object.defineProperty(proto, name, { value: original, writable: true, configurable: true });
}

const len = (x: unknown) => (x as { length?: number }).length ?? 0;

/**
 * RegExp.prototype.exec, which test, match, matchAll, replace and split call once it is replaced: a search
 * costs the characters from where it starts (0, or lastIndex for global and sticky patterns) to the end of
 * its match, or to the end of the input when it fails (a sticky pattern tries one position).
 */
function patchExec(): () => void {
  const original = RegExp.prototype.exec;
  Object.defineProperty(RegExp.prototype, 'exec', {
    value: function (this: RegExp, input: string) {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const m = original.call(this, input);
      if (active) {
        const s = String(input);
        total += this.sticky ? 1 + (m ? m[0].length : 0) : Math.max(1, (m ? m.index + m[0].length : s.length) - from);
      }
      return m;
    },
    writable: true,
    configurable: true,
  });
  return () => Object.defineProperty(RegExp.prototype, 'exec', { value: original, writable: true, configurable: true });
}

/** Run `fn` and return its result with the work it did (arbitrary units). */
export function count<T>(fn: () => T): { result: T; work: number } {
  const restore: (() => void)[] = [];
  restore.push(patchExec());
  restore.push(
    patch(String.prototype, 'indexOf', (self, args, result) => {
      const from = Number(args[1] ?? 0) || 0;
      const r = result as number;
      return (r >= 0 ? r : len(self)) - from;
    }),
    patch(String.prototype, 'lastIndexOf', (self) => len(self)),
    patch(String.prototype, 'includes', (self) => len(self)),
    patch(String.prototype, 'search', (self) => len(self)),
  );
  for (const m of ['find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'some', 'every', 'indexOf', 'lastIndexOf', 'includes', 'forEach', 'map', 'reduce', 'flatMap', 'slice'] as const) {
    restore.push(patch(Array.prototype, m, (self, _args, result) => (m === 'slice' ? len(result) : len(self))));
  }
  total = 0;
  active = true;
  try {
    const result = fn();
    return { result, work: total };
  } finally {
    active = false;
    for (const r of restore.reverse()) r();
  }
}
