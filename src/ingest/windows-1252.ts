/**
 * Windows-1252, decoded by hand: Node's TextDecoder('windows-1252') decodes bytes 0x80–0x9F as Latin-1 C1
 * controls instead of the curly quotes, dashes and euro sign those bytes are in real Windows-1252 text.
 * Bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point, as the
 * WHATWG Encoding Standard does.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    const codes = new Array<number>(end - at);
    for (let i = at; i < end; i++) {
      const b = bytes[i]!;
      codes[i - at] = b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
