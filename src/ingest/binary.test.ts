import { describe, expect, it } from 'vitest';
import { binaryKind } from './binary.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('binaryKind', () => {
  it('names known formats by their magic numbers', () => {
    expect(binaryKind(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('looks like PDF');
    expect(binaryKind(bytes('PK\x03\x04\x14\x00\x06\x00'))).toMatch(/ZIP archive/);
    expect(binaryKind(bytes('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR'))).toBe('looks like PNG image');
    expect(binaryKind(bytes('\xff\xd8\xff\xe0\x00\x10JFIF'))).toBe('looks like JPEG image');
    expect(binaryKind(bytes('\x1f\x8b\x08\x00'))).toBe('looks like gzip archive');
    expect(binaryKind(bytes('SQLite format 3\x00'))).toBe('looks like SQLite database');
    expect(binaryKind(bytes('\x00\x00\x00\x18ftypmp42'))).toBe('looks like MP4 or QuickTime video');
  });

  it('calls anything else with NUL bytes or many control characters binary', () => {
    expect(binaryKind(bytes('abc\x00def'))).toBe('contains NUL bytes');
    const noisy = bytes('\x01\x02\x03\x04\x05\x06\x07\x08'.repeat(8) + 'some text here'.repeat(4));
    expect(binaryKind(noisy)).toMatch(/% control characters$/);
  });

  it('lets text through, whatever its script, line endings or tabs', () => {
    expect(binaryKind(new TextEncoder().encode('Mosul\r\n\tالموصل — Мосул\f 😀'))).toBeNull();
    expect(binaryKind(bytes('PK is a common abbreviation in text'))).toBeNull();
    expect(binaryKind(bytes('MZ Smith said the town was calm.'))).toBeNull();
    expect(binaryKind(bytes('BZhas no digit after it so it is text'))).toBeNull();
    expect(binaryKind(new Uint8Array())).toBeNull();
  });

  it('does not take a UTF-16 byte order mark for MP3 audio', () => {
    expect(binaryKind(bytes('\xff\xfeA'))).toBeNull();
    expect(binaryKind(bytes('\xff\xfbA'))).toBe('looks like MP3 audio');
  });
});
