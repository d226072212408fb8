/**
 * The prebuilt gazetteer file: one binary blob holding typed arrays and big strings, so loading is a
 * file read plus zero-copy views (no JSON parse of a million names).
 *
 * Layout: the magic line, a little-endian uint32 header length, a JSON header listing the sections
 * (name, type, byte offset, element count) and small tables, then the sections, each 8-byte aligned.
 */

export const MAGIC = 'SITREP-GAZETTEER 1\n';

type ArrayKind = 'f32' | 'u32' | 'i32' | 'u16' | 'u8' | 'str';
type Typed = Float32Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

export type SectionValue = Typed | string;

interface SectionInfo {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}

function kindOf(v: SectionValue): ArrayKind {
  if (typeof v === 'string') return 'str';
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Uint32Array) return 'u32';
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Uint16Array) return 'u16';
  return 'u8';
}

export function writeBlob(sections: Record<string, SectionValue>, tables: Record<string, unknown>): Buffer {
  const infos: SectionInfo[] = [];
  const payloads: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    const bytes =
      typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const pad = (8 - (offset % 8)) % 8;
    if (pad) payloads.push(Buffer.alloc(pad));
    offset += pad;
    infos.push({ name, kind: kindOf(value), offset, length: typeof value === 'string' ? bytes.length : value.length });
    payloads.push(bytes);
    offset += bytes.length;
  }
  const header = Buffer.from(JSON.stringify({ sections: infos, tables }), 'utf8');
  const magic = Buffer.from(MAGIC, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  // The data start is aligned so typed-array views over the file buffer are legal.
  const before = magic.length + 4 + header.length;
  const lead = Buffer.alloc((8 - (before % 8)) % 8);
  return Buffer.concat([magic, len, header, lead, ...payloads]);
}

export interface Blob {
  sections: Map<string, SectionValue>;
  tables: Record<string, unknown>;
}

export function readBlob(buf: Buffer): Blob {
  const magic = buf.subarray(0, MAGIC.length).toString('utf8');
  if (magic !== MAGIC) throw new Error('not a sitrep gazetteer file');
  const hlen = buf.readUInt32LE(MAGIC.length);
  const hstart = MAGIC.length + 4;
  const header = JSON.parse(buf.subarray(hstart, hstart + hlen).toString('utf8')) as {
    sections: SectionInfo[];
    tables: Record<string, unknown>;
  };
  const before = hstart + hlen;
  const base = buf.byteOffset + before + ((8 - (before % 8)) % 8);
  // Node pools small buffers; a file read is its own ArrayBuffer, but copy if the base is misaligned.
  let ab = buf.buffer;
  let start = base;
  if (start % 8 !== 0) {
    const copy = new Uint8Array(buf.length - (base - buf.byteOffset));
    copy.set(buf.subarray(base - buf.byteOffset));
    ab = copy.buffer;
    start = 0;
  }
  const sections = new Map<string, SectionValue>();
  for (const s of header.sections) {
    const at = start + s.offset;
    switch (s.kind) {
      case 'str':
        sections.set(s.name, Buffer.from(ab, at, s.length).toString('utf8'));
        break;
      case 'f32':
        sections.set(s.name, new Float32Array(ab, at, s.length));
        break;
      case 'u32':
        sections.set(s.name, new Uint32Array(ab, at, s.length));
        break;
      case 'i32':
        sections.set(s.name, new Int32Array(ab, at, s.length));
        break;
      case 'u16':
        sections.set(s.name, new Uint16Array(ab, at, s.length));
        break;
      case 'u8':
        sections.set(s.name, new Uint8Array(ab, at, s.length));
        break;
    }
  }
  return { sections, tables: header.tables };
}
