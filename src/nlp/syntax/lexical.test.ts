import { describe, expect, it } from 'vitest';
import { key1, key2, strHash } from './hash.js';
import { lexOf, PAD } from './lexical.js';

describe('lexOf', () => {
  it('holds strHash bits as signed integers, which give the same feature keys', () => {
    // 'kabul' hashes above 2^31 (hash.test.ts): stored unsigned it would be a heap number in V8.
    const w = lexOf('Kabul');
    for (const v of [w.form, w.lower, w.shape, ...w.suf, ...w.pre, ...PAD.suf]) expect(v | 0).toBe(v);
    expect(w.lower).toBe(strHash('kabul') | 0);
    expect(w.lower).toBeLessThan(0);
    expect(key1(2, w.lower)).toBe(key1(2, strHash('kabul')));
    expect(key2(25, 7, w.lower)).toBe(key2(25, 7, strHash('kabul')));
    expect(w.suf[2]).toBe(strHash('bul') | 0);
    expect(w.pre[1]).toBe(strHash('ka') | 0);
  });
});
