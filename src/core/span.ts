/**
 * Spans are the currency of sitrep: every fact points back to the words it came from.
 * Offsets are UTF-16 code units (JavaScript string indices) into the input exactly as given, half-open.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span that carries its own text; `text === input.slice(start, end)` always holds. */
export interface TextSpan extends Span {
  text: string;
}

export function textSpan(input: string, start: number, end: number): TextSpan {
  return { start, end, text: input.slice(start, end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function spanLength(s: Span): number {
  return s.end - s.start;
}

/** Sort by start, longer first on ties: the order every layer is kept in. */
export function bySpan(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Drop spans that overlap an earlier kept one, preferring (in order) the caller's priority, then length.
 * Used by refiners that reconcile proposals from several parsers.
 */
export function removeOverlaps<T extends Span>(items: T[], priority: (x: T) => number = () => 0): T[] {
  const ranked = [...items].sort(
    (a, b) => priority(b) - priority(a) || spanLength(b) - spanLength(a) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const it of ranked) {
    if (!kept.some((k) => overlaps(k, it))) kept.push(it);
  }
  return kept.sort(bySpan);
}

/** Trim whitespace from both ends of a span without changing what it points at otherwise. */
export function trimSpan(input: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(input[start]!)) start++;
  while (end > start && /\s/.test(input[end - 1]!)) end--;
  return { start, end };
}
