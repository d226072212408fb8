/**
 * Finding the items of a layer inside a span, or the span holding a position, by binary search over the
 * layer sorted by start (sorted once per array and kept): a rule that asks this for each of its candidates
 * costs log n per question instead of a pass over the whole layer, so extraction stays linear in the
 * document (issue 15: per-candidate filters over every place or time made long documents quadratic).
 */

interface Spanned {
  start: number;
  end: number;
}

const sortedCache = new WeakMap<readonly Spanned[], readonly Spanned[]>();

function byStart<T extends Spanned>(items: readonly T[]): readonly T[] {
  let s = sortedCache.get(items) as readonly T[] | undefined;
  if (!s) {
    let ordered = true;
    for (let i = 1; i < items.length && ordered; i++) ordered = items[i - 1]!.start <= items[i]!.start;
    s = ordered ? items : [...items].sort((a, b) => a.start - b.start);
    sortedCache.set(items, s);
  }
  return s;
}

/** The first index in `sorted` (in order of start) whose start is at least `pos`. */
export function lowerBound(sorted: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The items lying wholly inside [start, end) (start >= start, end <= end), in order of start — what
 * `items.filter((x) => x.start >= start && x.end <= end)` gives, in the order of a sorted layer.
 */
export function within<T extends Spanned>(items: readonly T[], start: number, end: number): T[] {
  const sorted = byStart(items);
  const out: T[] = [];
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i]!.start < end + 1; i++) {
    const x = sorted[i]!;
    if (x.start > end) break;
    if (x.end <= end) out.push(x);
  }
  return out;
}

/**
 * The index (in `items`, sorted by start and not overlapping, like sentences) of the item with
 * start <= pos < end, or -1: what `items.findIndex((s) => s.start <= pos && pos < s.end)` gives.
 */
export function indexHolding(items: readonly Spanned[], pos: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  // The last item starting at or before pos.
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Items are sorted and disjoint, but an empty or zero-length one may sit at the same start: step back.
  for (let i = found; i >= 0 && i > found - 4; i--) if (items[i]!.start <= pos && pos < items[i]!.end) return firstHolding(items, i, pos);
  return -1;
}

function firstHolding(items: readonly Spanned[], i: number, pos: number): number {
  let j = i;
  while (j > 0 && items[j - 1]!.start <= pos && pos < items[j - 1]!.end) j--;
  return j;
}

const longest = new WeakMap<readonly Spanned[], number>();

/**
 * Whether some item holds [start, end) (item.start <= start && end <= item.end) and passes `test`: what
 * `items.some((a) => a.start <= start && end <= a.end && test(a))` answers, looking only at items that
 * start within the longest item's length before `start`.
 */
export function someHolding<T extends Spanned>(items: readonly T[], start: number, end: number, test: (item: T) => boolean = () => true): boolean {
  const sorted = byStart(items);
  let max = longest.get(items);
  if (max === undefined) {
    max = 0;
    for (const x of items) max = Math.max(max, x.end - x.start);
    longest.set(items, max);
  }
  for (let i = lowerBound(sorted, start + 1) - 1; i >= 0 && sorted[i]!.start >= start - max; i--) {
    const x = sorted[i]!;
    if (x.start <= start && end <= x.end && test(x)) return true;
  }
  return false;
}
