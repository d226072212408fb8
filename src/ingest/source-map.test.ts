import { describe, expect, it } from 'vitest';
import { composeMaps, SegmentBuilder, toSource, type SourceSegment } from './source-map.js';

// text:   "a & b"      source: "<p>a &amp; b</p>"
const segments: SourceSegment[] = [
  { start: 0, end: 2, sourceStart: 3, sourceEnd: 5, exact: true },
  { start: 2, end: 3, sourceStart: 5, sourceEnd: 10, exact: false },
  { start: 3, end: 5, sourceStart: 10, sourceEnd: 12, exact: true },
];

describe('toSource', () => {
  it('maps positions inside exact segments one to one', () => {
    expect(toSource({ segments }, { start: 0, end: 1 })).toEqual({ start: 3, end: 4 });
    expect(toSource({ segments }, { start: 4, end: 5 })).toEqual({ start: 11, end: 12 });
  });
  it('maps a span touching an entity to the whole entity', () => {
    expect(toSource({ segments }, { start: 2, end: 3 })).toEqual({ start: 5, end: 10 });
    expect(toSource({ segments }, { start: 0, end: 5 })).toEqual({ start: 3, end: 12 });
  });
  it('returns null for text the extractor wrote itself, and handles empty spans', () => {
    const gap: SourceSegment[] = [{ start: 0, end: 1, sourceStart: 0, sourceEnd: 1, exact: true }, { start: 3, end: 4, sourceStart: 9, sourceEnd: 10, exact: true }];
    expect(toSource({ segments: gap }, { start: 1, end: 3 })).toBeNull();
    expect(toSource({ segments: gap }, { start: 3, end: 3 })).toEqual({ start: 9, end: 9 });
    expect(toSource({ segments: [] }, { start: 0, end: 0 })).toBeNull();
  });
});

describe('SegmentBuilder', () => {
  it('merges exact neighbours and keeps inexact ones apart', () => {
    const b = new SegmentBuilder();
    b.add(0, 2, 10, 12, true);
    b.add(2, 4, 12, 14, true);
    b.add(4, 5, 14, 19, false);
    b.add(5, 6, 19, 24, false);
    b.add(6, 6, 24, 24, true);
    expect(b.segments).toEqual([
      { start: 0, end: 4, sourceStart: 10, sourceEnd: 14, exact: true },
      { start: 4, end: 5, sourceStart: 14, sourceEnd: 19, exact: false },
      { start: 5, end: 6, sourceStart: 19, sourceEnd: 24, exact: false },
    ]);
  });
});

describe('composeMaps', () => {
  it('chains text → fragment → file, splitting where the inner map changes', () => {
    // file: '<d>x &lt;b&gt;y</d>' ; fragment: 'x <b>y' (entity-decoded) ; text: 'x y'
    const file = '<d>x &lt;b&gt;y</d>';
    const inner = { source: file, segments: [
      { start: 0, end: 2, sourceStart: 3, sourceEnd: 5, exact: true },
      { start: 2, end: 3, sourceStart: 5, sourceEnd: 9, exact: false },
      { start: 3, end: 4, sourceStart: 9, sourceEnd: 10, exact: true },
      { start: 4, end: 5, sourceStart: 10, sourceEnd: 14, exact: false },
      { start: 5, end: 6, sourceStart: 14, sourceEnd: 15, exact: true },
    ] };
    const outer: SourceSegment[] = [
      { start: 0, end: 2, sourceStart: 0, sourceEnd: 2, exact: true },
      { start: 2, end: 3, sourceStart: 5, sourceEnd: 6, exact: true },
    ];
    const m = composeMaps(outer, inner);
    expect(m.source).toBe(file);
    expect(m.segments).toEqual([
      { start: 0, end: 2, sourceStart: 3, sourceEnd: 5, exact: true },
      { start: 2, end: 3, sourceStart: 14, sourceEnd: 15, exact: true },
    ]);
    for (const s of m.segments) if (s.exact) expect(file.slice(s.sourceStart, s.sourceEnd)).toBe('x y'.slice(s.start, s.end));
  });
});
