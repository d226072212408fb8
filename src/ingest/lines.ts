import { decodeWindows1252 } from './windows-1252.js';

/**
 * JSON Lines read as bytes, one line at a time, so a file of any size streams and a single line longer
 * than the limit is skipped without ever being held in memory. Each line is decoded on its own: UTF-8,
 * or Windows-1252 with a warning when the line is not valid UTF-8.
 */
export interface Line {
  /** 1-based line number. */
  n: number;
  /** The decoded line without its line break, or null when it was longer than the limit. */
  text: string | null;
  /** Length of the line in bytes. */
  bytes: number;
  warning: string | null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeLine(b: Uint8Array, n: number): { text: string; warning: string | null } {
  let body = b;
  if (body.length && body[body.length - 1] === 0x0d) body = body.subarray(0, body.length - 1);
  if (n === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: UTF8.decode(body), warning: null };
  } catch {
    return { text: decodeWindows1252(body), warning: 'not valid UTF-8; read as Windows-1252' };
  }
}

export async function* byteLines(chunks: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let overlong = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    if (overlong) return { n, text: null, bytes: size, warning: null };
    const all = parts.length === 1 ? parts[0]! : concat(parts, size);
    return { n, ...decodeLine(all, n), bytes: size };
  };
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      size += piece.length;
      if (size > maxLineBytes) {
        overlong = true;
        parts = [];
      } else if (!overlong && piece.length) parts.push(new Uint8Array(piece)); // a copy: stream buffers may be reused
      if (nl < 0) break;
      yield finish();
      parts = [];
      size = 0;
      overlong = false;
      from = nl + 1;
    }
  }
  if (size > 0 || parts.length) yield finish();
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
