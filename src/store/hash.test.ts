import { describe, expect, it } from 'vitest';
import { contentHash, normaliseText, outletKey, outletOf, textHash } from './hash.js';

describe('what makes two documents the same', () => {
  it('ignores line endings, wrapping and surrounding whitespace', () => {
    const a = 'Troops entered the town.\nShelling continued.';
    expect(contentHash('  Troops entered the town.\r\n\r\nShelling   continued.\n', 'X')).toBe(contentHash(a, 'X'));
    expect(contentHash('Troops entered the town.\u00a0Shelling continued.', 'X')).toBe(contentHash(a, 'X'));
  });

  it('treats composed and decomposed accents alike', () => {
    expect(normaliseText('Mosul caf\u00e9')).toBe(normaliseText('Mosul cafe\u0301'));
  });

  it('counts every word, case and punctuation', () => {
    const a = 'Troops entered the town.';
    expect(contentHash('Troops entered the town!', null)).not.toBe(contentHash(a, null));
    expect(contentHash('troops entered the town.', null)).not.toBe(contentHash(a, null));
    expect(contentHash('Troops entered a town.', null)).not.toBe(contentHash(a, null));
  });

  it('includes the outlet, compared without case or spacing', () => {
    const t = 'Troops entered the town.';
    expect(contentHash(t, 'Tigris Wire')).toBe(contentHash(t, ' tigris   WIRE'));
    expect(contentHash(t, 'Tigris Wire')).not.toBe(contentHash(t, 'Harbor Post'));
    expect(contentHash(t, 'Tigris Wire')).not.toBe(contentHash(t, null));
    expect(textHash(t)).toBe(textHash(` ${t} `));
    expect(outletKey(null)).toBe('');
  });

  it('takes the outlet from the source, else the URL host', () => {
    expect(outletOf('CNN', 'https://edition.cnn.com/x')).toBe('CNN');
    expect(outletOf(null, 'https://www.reuters.com/world/x')).toBe('reuters.com');
    expect(outletOf('  ', 'https://www2.example.org/a')).toBe('example.org');
    expect(outletOf(null, 'not a url')).toBeNull();
    expect(outletOf(null, null)).toBeNull();
  });
});
