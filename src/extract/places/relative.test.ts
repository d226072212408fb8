import { describe, expect, it } from 'vitest';
import { freeOffsets, offsetPoint, relationAround } from './relative.js';

// The relation a place name stands in, read from the words around it.
function around(text: string, name: string) {
  const start = text.indexOf(name);
  return relationAround(text, 0, start, start + name.length, text.length);
}

describe('relative locations', () => {
  it('reads a distance and a bearing before the anchor', () => {
    const text = 'Shelling hit a village 10 km north of Mosul overnight.';
    const r = around(text, 'Mosul')!;
    expect(r).toMatchObject({ bearing: 0, km: 10 });
    expect(text.slice(r.start, r.end)).toBe('10 km north of Mosul');
  });

  it('converts miles and words to kilometres and handles compound bearings', () => {
    expect(around('a base five miles southeast of Kirkuk', 'Kirkuk')).toMatchObject({ bearing: 135, km: expect.closeTo(8.045, 2) });
    expect(around('some 20 kilometres to the north-west of Erbil', 'Erbil')).toMatchObject({ bearing: 315, km: 20 });
  });

  it('reads a bare direction, nearness and possessive directions with precision but no distance', () => {
    expect(around('fighting south of Kirkuk city', 'Kirkuk')).toMatchObject({ bearing: 180, km: null });
    expect(around('an airstrike near Nimrud', 'Nimrud')).toMatchObject({ bearing: null, km: null });
    expect(around('clashes on the outskirts of Raqqa', 'Raqqa')).toMatchObject({ km: null });
    const text = "troops entered Mosul's northeast on Friday";
    const r = around(text, 'Mosul')!;
    expect(r.bearing).toBe(45);
    expect(text.slice(r.start, r.end)).toBe("Mosul's northeast");
  });

  it('finds no relation for a plain mention', () => {
    expect(around('The governor of Nineveh spoke in Mosul.', 'Mosul')).toBeNull();
    expect(around('Mosul is large.', 'Mosul')).toBeNull();
    expect(around('He came from the north, to Mosul.', 'Mosul')).toBeNull();
  });

  it('finds offsets with no anchor named', () => {
    const text = 'The convoy stopped a few kilometers to the south.';
    const [r] = freeOffsets(text, 0, text.length);
    expect(r).toMatchObject({ bearing: 180, km: 3 });
    expect(freeOffsets('They drove 5 km north of the river.', 0, 35)).toEqual([]);
  });

  it('moves a point along a bearing', () => {
    const p = offsetPoint(36.34, 43.13, 0, 10);
    expect(p.lat).toBeCloseTo(36.43, 2);
    expect(p.lon).toBeCloseTo(43.13, 5);
    const e = offsetPoint(0, 0, 90, 111.195);
    expect(e.lon).toBeCloseTo(1, 2);
    expect(e.lat).toBeCloseTo(0, 5);
  });
});
