import type { Span } from '../core/span.js';

/**
 * Where the analysed text came from. HTML pages and feed items are analysed as text extracted from markup,
 * so offsets in every layer are offsets into that extracted text; a source map takes a span of it back to
 * the page. Source offsets are UTF-16 indices into `source`, the decoded page (the HTML string after
 * charset decoding, BOM removed), not byte offsets.
 *
 * A segment maps `[start, end)` of the text to `[sourceStart, sourceEnd)` of the source. It is `exact`
 * when the two stretches are the same characters (`text.slice(start, end) === source.slice(sourceStart,
 * sourceEnd)`), so positions inside it map one to one; otherwise (an entity such as `&amp;`, whitespace
 * collapsed into one space) the whole text stretch comes from the whole source stretch. Text the
 * extractor wrote itself (blank lines between blocks, the "- " before a list item) has no segment.
 */
export interface SourceSegment extends Span {
  sourceStart: number;
  sourceEnd: number;
  exact: boolean;
}

export interface SourceMap {
  /** The decoded source the segments point into. */
  source: string;
  /** Sorted by `start`, not overlapping. */
  segments: SourceSegment[];
}

/** Builds segments in text order, merging neighbours that continue each other exactly. */
export class SegmentBuilder {
  readonly segments: SourceSegment[] = [];

  add(start: number, end: number, sourceStart: number, sourceEnd: number, exact: boolean): void {
    if (end <= start) return;
    const last = this.segments[this.segments.length - 1];
    if (last && exact && last.exact && last.end === start && last.sourceEnd === sourceStart) {
      last.end = end;
      last.sourceEnd = sourceEnd;
      return;
    }
    this.segments.push({ start, end, sourceStart, sourceEnd, exact });
  }
}

/** Index of the first segment whose end is after `pos`. */
function firstEndingAfter(segments: readonly SourceSegment[], pos: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stretch of the source a span of the text came from, or null when no part of the span came from the
 * source (it lies in text the extractor wrote). An empty span maps to an empty span where possible.
 */
export function toSource(map: Pick<SourceMap, 'segments'>, span: Span): Span | null {
  const segs = map.segments;
  let i = firstEndingAfter(segs, span.start);
  if (span.start === span.end) {
    const s = segs[i];
    if (!s || s.start > span.start) return null;
    const at = s.exact ? s.sourceStart + (span.start - s.start) : s.sourceStart;
    return { start: at, end: at };
  }
  let first: SourceSegment | null = null;
  let last: SourceSegment | null = null;
  for (; i < segs.length && segs[i]!.start < span.end; i++) {
    first ??= segs[i]!;
    last = segs[i]!;
  }
  if (!first || !last) return null;
  const start = first.exact ? first.sourceStart + Math.max(0, span.start - first.start) : first.sourceStart;
  const end = last.exact ? last.sourceStart + (Math.min(span.end, last.end) - last.start) : last.sourceEnd;
  return { start, end: Math.max(start, end) };
}

/**
 * Chain two maps: `outer` maps text → middle, `inner` maps middle → source. Used for a feed item, whose text
 * is extracted from an HTML fragment that was itself decoded out of the XML file.
 */
export function composeMaps(outer: readonly SourceSegment[], inner: Pick<SourceMap, 'segments' | 'source'>): SourceMap {
  const b = new SegmentBuilder();
  const segs = inner.segments;
  for (const o of outer) {
    if (!o.exact) {
      const s = toSource(inner, { start: o.sourceStart, end: o.sourceEnd });
      if (s) b.add(o.start, o.end, s.start, s.end, false);
      continue;
    }
    // An exact outer stretch splits wherever the inner map changes segment.
    for (let i = firstEndingAfter(segs, o.sourceStart); i < segs.length && segs[i]!.start < o.sourceEnd; i++) {
      const m = segs[i]!;
      const from = Math.max(o.sourceStart, m.start);
      const to = Math.min(o.sourceEnd, m.end);
      const textFrom = o.start + (from - o.sourceStart);
      const textTo = o.start + (to - o.sourceStart);
      if (m.exact) b.add(textFrom, textTo, m.sourceStart + (from - m.start), m.sourceStart + (to - m.start), true);
      else b.add(textFrom, textTo, m.sourceStart, m.sourceEnd, false);
    }
  }
  return { source: inner.source, segments: b.segments };
}
