/**
 * The view's filters live in the URL (so a view can be shared): the same parameters as the API's
 * (src/desk/filter.ts). Lists are comma-separated.
 */
export const FILTER_KEYS = ['country', 'admin1', 'type', 'subType', 'outlet', 'certainty', 'actor', 'q', 'minOutlets', 'since', 'until', 'bbox', 'review'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const LIST_KEYS: FilterKey[] = ['country', 'admin1', 'type', 'subType', 'outlet', 'certainty'];

export type Filters = Partial<Record<FilterKey, string>>;

export function readFilters(search = location.search): Filters {
  const q = new URLSearchParams(search);
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function query(f: Filters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function listOf(f: Filters, k: FilterKey): string[] {
  return (f[k] ?? '').split(',').filter(Boolean);
}

export function toggle(f: Filters, k: FilterKey, value: string): Filters {
  const l = listOf(f, k);
  const next = l.includes(value) ? l.filter((x) => x !== value) : [...l, value];
  return { ...f, [k]: next.join(',') || undefined };
}
