/**
 * Telling a binary file from text before trying to read it as news. Known formats are named by their magic
 * numbers, so the error says what the file probably is ("binary file (looks like PDF)"); anything else with
 * NUL bytes or many control characters is binary too. Text in UTF-16 has NUL bytes, so callers check for
 * a UTF-16 byte order mark (or UTF-16 shape, see ./decode.ts) first.
 */
const MAGIC: [string, (b: Uint8Array) => boolean][] = [
  ['PDF', (b) => starts(b, '%PDF-')],
  ['ZIP archive (or a Word, Excel or EPUB document)', (b) => starts(b, 'PK\x03\x04') || starts(b, 'PK\x05\x06')],
  ['PNG image', (b) => starts(b, '\x89PNG\r\n\x1a\n')],
  ['JPEG image', (b) => starts(b, '\xff\xd8\xff')],
  ['GIF image', (b) => starts(b, 'GIF87a') || starts(b, 'GIF89a')],
  ['WebP image', (b) => starts(b, 'RIFF') && starts(b, 'WEBP', 8)],
  ['WAV audio', (b) => starts(b, 'RIFF') && starts(b, 'WAVE', 8)],
  ['gzip archive', (b) => starts(b, '\x1f\x8b')],
  ['bzip2 archive', (b) => starts(b, 'BZh') && b.length > 3 && b[3]! >= 0x31 && b[3]! <= 0x39],
  ['xz archive', (b) => starts(b, '\xfd7zXZ\x00')],
  ['7-Zip archive', (b) => starts(b, '7z\xbc\xaf\x27\x1c')],
  ['RAR archive', (b) => starts(b, 'Rar!\x1a\x07')],
  ['old Word or Excel document', (b) => starts(b, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')],
  ['SQLite database', (b) => starts(b, 'SQLite format 3\x00')],
  ['ELF executable', (b) => starts(b, '\x7fELF')],
  ['Mach-O executable', (b) => starts(b, '\xcf\xfa\xed\xfe') || starts(b, '\xfe\xed\xfa\xcf')],
  ['WebAssembly module', (b) => starts(b, '\x00asm')],
  ['MP4 or QuickTime video', (b) => starts(b, 'ftyp', 4)],
  ['MP3 audio', (b) => starts(b, 'ID3') || (b.length > 1 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && b[1] !== 0xfe)],
  ['Ogg media', (b) => starts(b, 'OggS')],
  ['FLAC audio', (b) => starts(b, 'fLaC')],
  ['TIFF image', (b) => starts(b, 'II*\x00') || starts(b, 'MM\x00*')],
  ['Windows executable', (b) => starts(b, 'MZ') && b.subarray(0, 512).includes(0)],
  ['Java class file', (b) => starts(b, '\xca\xfe\xba\xbe')],
  ['Parquet file', (b) => starts(b, 'PAR1')],
];

function starts(b: Uint8Array, sig: string, at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig.charCodeAt(i)) return false;
  return true;
}

/** How much of the head to look at. */
export const SNIFF_BYTES = 8192;

/**
 * Why these bytes are not text, or null if they may be. Looks at the first few kilobytes: the magic
 * number, NUL bytes, and the share of control characters other than tab, line feed, form feed and carriage
 * return (text in any 8-bit encoding has almost none; compressed or encoded data has about one in eight).
 */
export function binaryKind(head: Uint8Array): string | null {
  const b = head.subarray(0, SNIFF_BYTES);
  for (const [name, test] of MAGIC) if (test(b)) return `looks like ${name}`;
  if (b.includes(0)) return 'contains NUL bytes';
  let control = 0;
  for (const byte of b) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  if (b.length >= 32 && control / b.length > 0.05) return `${Math.round((100 * control) / b.length)}% control characters`;
  return null;
}
