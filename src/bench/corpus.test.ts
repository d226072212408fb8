import { describe, expect, it } from 'vitest';
import { countWords, generateCorpus, rng } from './corpus.js';

describe('bench corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateCorpus({ articles: 20, seed: 7 });
    expect(generateCorpus({ articles: 20, seed: 7 })).toEqual(a);
    expect(generateCorpus({ articles: 20, seed: 8 }).map((x) => x.text)).not.toEqual(a.map((x) => x.text));
  });

  it('keeps articles within the word range asked for', () => {
    const c = generateCorpus({ articles: 60, seed: 3, minWords: 300, maxWords: 800 });
    for (const a of c) {
      expect(a.words).toBe(countWords(a.text));
      // The dateline or date line and a closing prompt may add a few words to the body's count.
      expect(a.words).toBeGreaterThanOrEqual(300);
      expect(a.words).toBeLessThanOrEqual(830);
    }
    const short = generateCorpus({ articles: 10, seed: 3, minWords: 50, maxWords: 120 });
    for (const a of short) expect(a.words).toBeLessThanOrEqual(150);
  });

  it('mixes date lines, datelines and undated pieces, with distinct ids', () => {
    const c = generateCorpus({ articles: 100, seed: 11 });
    expect(new Set(c.map((a) => a.id)).size).toBe(100);
    const dateLine = c.filter((a) => /^date \d{4}-\d{2}-\d{2}\n/.test(a.text));
    const dateline = c.filter((a) => /^[A-Z][A-Z' -]+, [A-Za-z ]+, [A-Z][a-z]+\.? \d{1,2} \([A-Z][a-z]+\) — /.test(a.text));
    const undated = c.filter((a) => a.published === null);
    expect(dateLine.length).toBeGreaterThan(10);
    expect(dateline.length).toBeGreaterThan(10);
    expect(undated.length).toBeGreaterThan(0);
    expect(dateLine.length + dateline.length + undated.length).toBe(100);
    for (const a of dateLine) expect(a.text.slice(5, 15)).toBe(a.published);
  });

  it('draws numbers spread over [0, 1)', () => {
    const r = rng(1);
    const xs = Array.from({ length: 2000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(800);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(1200);
  });
});
