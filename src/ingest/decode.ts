import { decodeWindows1252 } from './windows-1252.js';

/**
 * Bytes to text. The order is the one browsers use, simplified: a byte order mark wins; then UTF-16 shape
 * (ASCII text with every other byte NUL); then a charset the document declares (`<meta charset>`,
 * `<meta http-equiv="Content-Type">`, `<?xml encoding?>`) when the caller asks for it; then UTF-8 if the
 * bytes are valid UTF-8; else Windows-1252, the usual encoding of old Western pages and Word exports,
 * with a warning. The BOM is not part of the text: offsets are counted from the first character after it.
 */
export interface Decoded {
  text: string;
  /** WHATWG name of the encoding used: utf-8, utf-16le, utf-16be, windows-1252, shift_jis ... */
  encoding: string;
  /** A byte order mark was found and removed. */
  bom: boolean;
  /** Set when the bytes were not what they claimed or seemed to be. */
  warning: string | null;
}

export type Bom = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number };

export function bomOf(b: Uint8Array): Bom | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: in mostly-ASCII text one byte of each pair is NUL and the other is not. */
export function utf16Shape(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.6 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.6 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/** The charset a page or feed declares in its first kilobytes, as a WHATWG encoding name, or null. */
export function declaredCharset(head: Uint8Array): string | null {
  const s = decodeWindows1252(head.subarray(0, 4096));
  const m =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(s) ??
    /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(s);
  if (!m) return null;
  try {
    return new TextDecoder(m[1]!.trim()).encoding;
  } catch {
    return null;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function validUtf8(b: Uint8Array): string | null {
  try {
    return UTF8.decode(b);
  } catch {
    return null;
  }
}

/** Any byte above 0x7F, i.e. the bytes are not plain ASCII. */
function hasHighBytes(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return true;
  return false;
}

function decodeAs(encoding: string, b: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(b);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(b);
}

export interface DecodeOptions {
  /** Honour a charset declared in the markup (HTML and feeds). */
  declared?: boolean;
}

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      const ok = validUtf8(body);
      if (ok !== null) return { text: ok, encoding: 'utf-8', bom: true, warning: null };
      return { text: decodeAs('utf-8', body), encoding: 'utf-8', bom: true, warning: 'not valid UTF-8 despite its byte order mark; bad bytes replaced by U+FFFD' };
    }
    return { text: decodeAs(bom.encoding, body), encoding: bom.encoding, bom: true, warning: null };
  }
  const shape = utf16Shape(bytes);
  if (shape) return { text: decodeAs(shape, bytes), encoding: shape, bom: false, warning: null };
  const utf8 = validUtf8(bytes);
  const declared = opts.declared ? declaredCharset(bytes) : null;
  // Valid UTF-8 with non-ASCII bytes is almost never really Latin-1: a page saved or converted to UTF-8
  // often keeps its old declaration, so trust the bytes over a Latin-1 label.
  if (declared && declared !== 'utf-8' && declared !== 'utf-16le' && declared !== 'utf-16be' && !(declared === 'windows-1252' && utf8 !== null && hasHighBytes(bytes))) {
    return { text: decodeAs(declared, bytes), encoding: declared, bom: false, warning: null };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false, warning: null };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false, warning: 'not valid UTF-8; read as Windows-1252' };
}
