import { describe, expect, it } from 'vitest';
import { bomOf, declaredCharset, decodeBytes, utf16Shape } from './decode.js';
import { decodeWindows1252 } from './windows-1252.js';

const enc = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeBytes', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    const d = decodeBytes(enc('Qaraqosh — “Bakhdida” 😀'));
    expect(d).toEqual({ text: 'Qaraqosh — “Bakhdida” 😀', encoding: 'utf-8', bom: false, warning: null });
  });

  it('removes a UTF-8 byte order mark, so offsets count from the first real character', () => {
    const d = decodeBytes(cat(new Uint8Array([0xef, 0xbb, 0xbf]), enc('date 2016-10-23')));
    expect(d.text).toBe('date 2016-10-23');
    expect(d.bom).toBe(true);
  });

  it('reads UTF-16 LE and BE by their byte order marks, surrogate pairs included', () => {
    const s = 'Erbil 😀 Irbil';
    const le = decodeBytes(cat(new Uint8Array([0xff, 0xfe]), utf16(s, true)));
    const be = decodeBytes(cat(new Uint8Array([0xfe, 0xff]), utf16(s, false)));
    expect([le.text, le.encoding, le.bom]).toEqual([s, 'utf-16le', true]);
    expect([be.text, be.encoding, be.bom]).toEqual([s, 'utf-16be', true]);
  });

  it('recognises UTF-16 without a BOM by its NUL pattern, but not ordinary text', () => {
    expect(utf16Shape(utf16('Iraqi forces advanced on Bartella.', true))).toBe('utf-16le');
    expect(utf16Shape(utf16('Iraqi forces advanced on Bartella.', false))).toBe('utf-16be');
    expect(utf16Shape(enc('Iraqi forces advanced on Bartella.'))).toBeNull();
  });

  it('falls back to Windows-1252 with a warning when the bytes are not valid UTF-8', () => {
    const d = decodeBytes(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9]));
    expect(d.text).toBe('“Hi” — €5 café');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warning).toMatch(/not valid UTF-8/);
  });

  it('does not fall back when the text is valid UTF-8', () => {
    expect(decodeBytes(enc('café')).warning).toBeNull();
  });

  it('honours a declared charset in markup only when asked', () => {
    const page = cat(enc('<meta charset="windows-1252"><p>caf'), new Uint8Array([0xe9]), enc('</p>'));
    expect(decodeBytes(page, { declared: true }).text).toBe('<meta charset="windows-1252"><p>café</p>');
    expect(decodeBytes(page, { declared: true }).warning).toBeNull();
  });

  it('trusts valid UTF-8 over a Latin-1 label (a page converted to UTF-8 that kept its old meta)', () => {
    const page = enc('<meta charset="iso-8859-1"><p>café</p>');
    expect(decodeBytes(page, { declared: true })).toMatchObject({ text: '<meta charset="iso-8859-1"><p>café</p>', encoding: 'utf-8' });
  });

  it('uses other declared encodings as declared', () => {
    const koi8 = cat(enc('<?xml version="1.0" encoding="koi8-r"?><t>'), new Uint8Array([0xf0, 0xd2, 0xc9]), enc('</t>'));
    expect(decodeBytes(koi8, { declared: true }).text).toContain('При');
  });
});

describe('declaredCharset', () => {
  it('finds meta charset, http-equiv and the XML declaration', () => {
    expect(declaredCharset(enc('<html><head><meta charset=utf-8>'))).toBe('utf-8');
    expect(declaredCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('windows-1252');
    expect(declaredCharset(enc("<?xml version='1.0' encoding='UTF-8'?><rss>"))).toBe('utf-8');
  });
  it('ignores unknown labels and pages without a declaration', () => {
    expect(declaredCharset(enc('<meta charset="no-such-charset">'))).toBeNull();
    expect(declaredCharset(enc('<p>charset=utf-8 in prose is not markup</p>'))).toBeNull();
  });
});

describe('bomOf and Windows-1252', () => {
  it('tells the three byte order marks apart', () => {
    expect(bomOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(bomOf(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(bomOf(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(bomOf(enc('plain'))).toBeNull();
  });
  it('maps the 0x80–0x9F range to the characters Windows-1252 puts there', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = decodeWindows1252(bytes);
    expect(s.length).toBe(256);
    expect(s[0x80]).toBe('€');
    expect(s[0x85]).toBe('…');
    expect(s[0x96]).toBe('–');
    expect(s[0x81]).toBe('\u0081');
    expect(s[0xe9]).toBe('é');
    expect(s[0x41]).toBe('A');
  });
});
