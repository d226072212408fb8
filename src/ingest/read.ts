import { createReadStream, promises as fs, type Stats } from 'node:fs';
import { OUTSIDE_MESSAGE, realInside } from './inside.js';
import type { FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Doc, InputFormat } from '../core/document.js';
import { binaryKind } from './binary.js';
import { bomOf, decodeBytes, utf16Shape } from './decode.js';
import { parseFeed } from './feed.js';
import { readHtml } from './html.js';
import { byteLines, type Line } from './lines.js';
import { docFromRecord, InputError, makeDoc, type RawRecord } from './record.js';
import { sniffFormat, type Sniffed } from './sniff.js';
import type { SourceMap } from './source-map.js';

/**
 * Reading inputs: the single entry point for every kind of input sitrep takes (files, folders, standard
 * input; plain text, HTML, RSS/Atom, JSON Lines, JSON). Each yields InputItems in order: a document ready
 * for analysis, or an InputError naming where it came from. One bad input never stops the others.
 */

/** What was learnt while reading a document, beyond the Doc itself. */
export interface IngestInfo {
  format: InputFormat;
  /** Encoding the bytes were decoded with (WHATWG name), or null for text that arrived as a string. */
  encoding: string | null;
  /** A byte order mark was removed: offsets count from the character after it. */
  bomRemoved: boolean;
  /** Things the reader had to assume or repair, one line each ("not valid UTF-8; read as Windows-1252"). */
  warnings: string[];
  /** HTML pages and feed items: where each stretch of the analysed text came from (./source-map.ts). */
  sourceMap: SourceMap | null;
  /** HTML pages: 'readability' (main content found) or 'streaming' (whole page minus chrome). */
  extractor?: 'readability' | 'streaming';
}

export type InputItem =
  | { doc: Doc; info: IngestInfo; error?: undefined }
  | { doc?: undefined; info?: undefined; error: InputError };

export type ForcedFormat = 'text' | 'html' | 'feed' | 'jsonl' | 'json';

export interface ReadOptions {
  /** Maximum document size in characters of analysed text; larger documents are refused. */
  maxChars: number;
  /** Maximum size in bytes of a single-document file (text, HTML, feed, JSON), and of one JSON Lines line. */
  maxBytes: number;
  /** Skip content sniffing and read every input as this format. */
  format?: ForcedFormat;
  /** Maximum items read from one feed. */
  maxItems?: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxChars: 2_000_000, maxBytes: 20_000_000, maxItems: 10_000 };

const INFO = new WeakMap<Doc, IngestInfo>();

/** The ingest details of a document read by this module (source map, encoding, warnings). */
export function ingestInfo(doc: Doc): IngestInfo | undefined {
  return INFO.get(doc);
}

function ok(doc: Doc, info: IngestInfo): InputItem {
  INFO.set(doc, info);
  return { doc, info };
}

function fail(origin: string, message: string): InputItem {
  return { error: new InputError(origin, message) };
}

function attempt(origin: string, make: () => InputItem): InputItem {
  try {
    return make();
  } catch (e) {
    return { error: e instanceof InputError ? e : new InputError(origin, (e as Error).message || String(e)) };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

const tooManyChars = (n: number, opts: ReadOptions) =>
  `document too large (${n} characters; limit ${opts.maxChars}, see --max-chars)`;
const tooManyBytes = (n: number, opts: ReadOptions) =>
  `file too large (${formatBytes(n)}; limit ${formatBytes(opts.maxBytes)}, see --max-bytes)`;

// --- JSON Lines and JSON --------------------------------------------------------------------------

function recordItem(rec: unknown, origin: string, opts: ReadOptions, encoding: string | null, warnings: string[], fallbackId = origin): InputItem {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return fail(origin, 'a record must be a JSON object with a "text" field');
  const r = rec as RawRecord;
  // An error names the line and, when the record has one, its id: "docs.jsonl:7 (id wsj_1073)".
  const where = typeof r.id === 'string' || typeof r.id === 'number' ? `${origin} (id ${String(r.id).slice(0, 80)})` : origin;
  if (typeof r.text === 'string' && r.text.length > opts.maxChars) return fail(where, tooManyChars(r.text.length, opts));
  return attempt(where, () => {
    let doc;
    try {
      doc = docFromRecord(r.id === undefined || r.id === null ? { ...r, id: fallbackId } : r, origin, 'jsonl', {}, warnings);
    } catch (e) {
      throw e instanceof InputError ? new InputError(where, e.message) : e;
    }
    return ok(doc, { format: 'jsonl', encoding, bomRemoved: false, warnings, sourceMap: null });
  });
}

async function* jsonlItems(lines: AsyncIterable<Line>, name: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  let any = false;
  for await (const line of lines) {
    const origin = `${name}:${line.n}`;
    if (line.text === null) {
      any = true;
      yield fail(origin, `line too long (${formatBytes(line.bytes)}; limit ${formatBytes(opts.maxBytes)}, see --max-bytes)`);
      continue;
    }
    if (line.text.trim() === '') continue;
    any = true;
    let rec: unknown;
    try {
      rec = JSON.parse(line.text);
    } catch (e) {
      yield fail(origin, `invalid JSON (${(e as Error).message})`);
      continue;
    }
    yield recordItem(rec, origin, opts, 'utf-8', line.warning ? [line.warning] : []);
  }
  if (!any) yield fail(name, 'no documents (the JSON Lines input is empty)');
}

/** JSON Lines from already-decoded lines (one document per line); a broken line is an error for that line only. */
export async function* readJsonl(lines: AsyncIterable<string>, name: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  async function* numbered(): AsyncGenerator<Line> {
    let n = 0;
    for await (const text of lines) {
      n++;
      const bytes = Buffer.byteLength(text);
      yield { n, text: bytes > opts.maxBytes ? null : text.replace(/^\uFEFF/, ''), bytes, warning: null };
    }
  }
  yield* jsonlItems(numbered(), name, opts);
}

/** A file's lines as strings (UTF-8). Kept for callers that want plain lines; readPath streams bytes itself. */
export function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function jsonDocument(text: string, src: Source, opts: ReadOptions, encoding: string, warnings: string[]): InputItem[] {
  const name = src.name;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [fail(name, `invalid JSON (${(e as Error).message})`)];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [fail(name, 'no documents (empty JSON array)')];
    return value.map((rec, i) => recordItem(rec, `${name}[${i}]`, opts, encoding, [...warnings], `${src.id}[${i}]`));
  }
  return [recordItem(value, name, opts, encoding, warnings, src.id)];
}

// --- single-document inputs -----------------------------------------------------------------------

interface Source {
  /** For error messages: the path, or "stdin". */
  name: string;
  /** Document id for a single-document input. */
  id: string;
}

function textItem(text: string, src: Source, opts: ReadOptions, info: IngestInfo): InputItem {
  if (text.length > opts.maxChars) return fail(src.name, tooManyChars(text.length, opts));
  return ok(makeDoc({ id: src.id, text, origin: src.name, format: 'text' }), info);
}

function htmlItem(source: string, src: Source, opts: ReadOptions, base: Omit<IngestInfo, 'format' | 'sourceMap'>): InputItem {
  const page = readHtml(source);
  if (!page.text.trim()) return fail(src.name, 'no readable text in the HTML page');
  if (page.text.length > opts.maxChars) return fail(src.name, tooManyChars(page.text.length, opts));
  const m = page.meta;
  const doc = makeDoc({
    id: src.id,
    text: page.text,
    origin: src.name,
    format: 'html',
    title: m.title,
    url: m.url,
    source: m.source,
    author: m.author,
    published: m.published,
    publishedFrom: m.publishedFrom,
  });
  return ok(doc, { ...base, format: 'html', sourceMap: { source, segments: page.segments }, extractor: page.extractor });
}

function feedItems(source: string, src: Source, opts: ReadOptions, base: Omit<IngestInfo, 'format' | 'sourceMap'>): InputItem[] {
  const feed = parseFeed(source, { maxItems: opts.maxItems ?? DEFAULT_READ_OPTIONS.maxItems });
  if (feed.items.length === 0) return [fail(src.name, `no items in the ${feed.kind === 'atom' ? 'Atom' : 'RSS'} feed`)];
  const out: InputItem[] = feed.items.map((it) => {
    const origin = `${src.name}#${it.index + 1}`;
    const fallbackId = `${src.id}#${it.index + 1}`;
    if (!it.text.trim()) return fail(origin, 'feed item has no text (no title, description or content)');
    if (it.text.length > opts.maxChars) return fail(origin, tooManyChars(it.text.length, opts));
    const warnings = [...base.warnings];
    if (it.badDate) warnings.push(`item date is not a date (${JSON.stringify(it.badDate).slice(0, 60)}); looking for the date in the text instead`);
    return attempt(origin, () =>
      ok(
        makeDoc({
          id: it.id ?? fallbackId,
          text: it.text,
          origin,
          format: 'feed',
          title: it.title,
          url: it.url,
          source: it.source,
          author: it.author,
          published: it.published,
          publishedFrom: it.published ? 'feed' : null,
        }),
        { ...base, warnings, format: 'feed', sourceMap: { source, segments: it.segments } },
      ),
    );
  });
  if (feed.skipped > 0) out.push(fail(src.name, `${feed.skipped} more items not read (limit ${opts.maxItems ?? DEFAULT_READ_OPTIONS.maxItems} items per feed)`));
  return out;
}

/** Why these bytes cannot be read as text, or null. UTF-16 (by BOM or shape) is text despite its NUL bytes. */
function notText(head: Uint8Array): string | null {
  const bom = bomOf(head);
  if (bom && bom.encoding !== 'utf-8') return null;
  if (!bom && utf16Shape(head)) return null;
  const kind = binaryKind(bom ? head.subarray(bom.length) : head);
  return kind ? `binary file (${kind})` : null;
}

function sniff(head: Uint8Array, name: string, opts: ReadOptions): Sniffed {
  if (opts.format) return opts.format;
  // Enough of the head to see a prolog and the root element; decoding errors do not matter here.
  return sniffFormat(decodeBytes(head.subarray(0, 16384)).text, name);
}

/** A whole single input held in memory: decode it, tell its format, and read its documents. */
export function readBytes(bytes: Uint8Array, src: Source, opts: ReadOptions = DEFAULT_READ_OPTIONS): InputItem[] {
  if (bytes.length === 0) return [fail(src.name, 'empty file')];
  const why = notText(bytes);
  if (why) return [fail(src.name, why)];
  if (bytes.length > opts.maxBytes) return [fail(src.name, tooManyBytes(bytes.length, opts))];
  const format = sniff(bytes, src.name, opts);
  const decoded = decodeBytes(bytes, { declared: format === 'html' || format === 'feed' || format === 'xml' });
  const base = { encoding: decoded.encoding, bomRemoved: decoded.bom, warnings: decoded.warning ? [decoded.warning] : [] };
  const text = decoded.text;
  if (text.trim() === '') return [fail(src.name, text.length === 0 ? 'empty file' : 'no text (only whitespace)')];
  switch (format) {
    case 'jsonl': {
      const items: InputItem[] = [];
      const lines = text.split(/\r?\n/);
      let any = false;
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        any = true;
        const origin = `${src.name}:${i + 1}`;
        let rec: unknown;
        try {
          rec = JSON.parse(line);
        } catch (e) {
          items.push(fail(origin, `invalid JSON (${(e as Error).message})`));
          return;
        }
        items.push(recordItem(rec, origin, opts, decoded.encoding, [...base.warnings]));
      });
      return any ? items : [fail(src.name, 'no documents (the JSON Lines input is empty)')];
    }
    case 'json':
      return jsonDocument(text, src, opts, decoded.encoding, base.warnings);
    case 'html':
      return [attempt(src.name, () => htmlItem(text, src, opts, base))];
    case 'feed':
      try {
        return feedItems(text, src, opts, base);
      } catch (e) {
        return [fail(src.name, `unreadable feed (${(e as Error).message})`)];
      }
    case 'xml':
      return [fail(src.name, 'XML that is neither an RSS or Atom feed nor an XHTML page')];
    default:
      return [attempt(src.name, () => textItem(text, src, opts, { ...base, format: 'text', sourceMap: null }))];
  }
}

// --- files, folders, streams ----------------------------------------------------------------------

const HEAD_BYTES = 65536;

async function* chunksOf(first: Uint8Array, rest: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  if (first.length) yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * A stream (standard input, a pipe): sniffed like a file. JSON Lines stream through line by line; any other
 * format is read whole, up to --max-bytes.
 */
export async function* readStream(stream: AsyncIterable<Uint8Array | string>, name: string, opts: ReadOptions = DEFAULT_READ_OPTIONS): AsyncGenerator<InputItem> {
  const it = stream[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    parts.push(b);
    size += b.length;
  }
  const head = Buffer.concat(parts);
  if (size === 0) {
    yield fail(name, 'no input (standard input is empty)');
    return;
  }
  const why = notText(head);
  if (why) {
    yield fail(name, why);
    return;
  }
  const format = sniff(head, name, opts);
  const bom = bomOf(head);
  if (format === 'jsonl' && (!bom || bom.encoding === 'utf-8')) {
    yield* jsonlItems(byteLines(chunksOf(head, it), opts.maxBytes), name, opts);
    return;
  }
  while (!done) {
    const r = await it.next();
    if (r.done) break;
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    size += b.length;
    if (size > opts.maxBytes) {
      await it.return?.();
      yield fail(name, `input too large (more than ${formatBytes(opts.maxBytes)}, see --max-bytes)`);
      return;
    }
    parts.push(b);
  }
  yield* readBytes(Buffer.concat(parts), { name, id: name }, opts);
}

function statError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (e as Error).message;
}

async function* readFile(file: string, id: string, stat: Stats, opts: ReadOptions): AsyncGenerator<InputItem> {
  if (stat.size === 0) {
    yield fail(file, 'empty file');
    return;
  }
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    yield fail(file, statError(e));
    return;
  }
  let head: Uint8Array;
  try {
    const buf = Buffer.alloc(Math.min(stat.size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
    const why = notText(head);
    if (why) {
      yield fail(file, why);
      return;
    }
    const format = sniff(head, file, opts);
    const bom = bomOf(head);
    if (format === 'jsonl' && (!bom || bom.encoding === 'utf-8')) {
      // Any size: a batch streams line by line; only a single line is bounded by --max-bytes.
      yield* jsonlItems(byteLines(handle.createReadStream({ start: 0, autoClose: false }), opts.maxBytes), file, opts);
      return;
    }
    // One document (or one feed): refuse by size before reading it all.
    if (stat.size > opts.maxBytes) {
      yield fail(file, tooManyBytes(stat.size, opts));
      return;
    }
    const all = stat.size <= head.length ? head : await handle.readFile();
    yield* readBytes(all, { name: file, id }, opts);
  } catch (e) {
    yield fail(file, statError(e));
  } finally {
    await handle.close();
  }
}

const MAX_FOLDER_DEPTH = 32;
const NOT_INPUT = /^(?:readme|license|licence|changelog|copying|notice|authors)(?:\.[a-z0-9]+)?$/i;

async function* readEntry(file: string, id: string, opts: ReadOptions, depth: number, seen: Set<string>, root: string | null): AsyncGenerator<InputItem> {
  let stat: Stats;
  try {
    // Inside a folder, a symbolic link is followed only while it stays inside (./inside.ts).
    if (depth > 0 && root !== null && (await fs.lstat(file)).isSymbolicLink() && (await realInside(file, root)) === null) {
      yield fail(file, OUTSIDE_MESSAGE);
      return;
    }
    stat = await fs.stat(file);
  } catch (e) {
    yield fail(file, statError(e));
    return;
  }
  if (depth === 0 && stat.isDirectory()) root = await fs.realpath(file);
  if (stat.isDirectory()) {
    const key = `${stat.dev}:${stat.ino}`;
    if (seen.has(key) || depth > MAX_FOLDER_DEPTH) return; // a symlink loop or an absurdly deep tree
    seen.add(key);
    let entries: string[];
    try {
      entries = (await fs.readdir(file)).sort();
    } catch (e) {
      yield fail(file, statError(e));
      return;
    }
    // Hidden entries (.git, .DS_Store) and a folder's own documentation (README, LICENSE) are not inputs.
    for (const entry of entries) {
      if (entry.startsWith('.') || NOT_INPUT.test(entry)) continue;
      yield* readEntry(path.join(file, entry), depth === 0 ? entry : `${id}/${entry}`, opts, depth + 1, seen, root);
    }
    return;
  }
  if (!stat.isFile()) {
    // Named pipes, sockets and devices found in a folder are not documents (and a pipe would block);
    // given by name, a pipe or device is read as a stream: `sitrep analyze <(curl …)`, /dev/stdin.
    if (depth > 0) return;
    if (stat.isFIFO() || stat.isCharacterDevice()) yield* readStream(createReadStream(file), file, opts);
    else yield fail(file, 'not a regular file');
    return;
  }
  yield* readFile(file, id, stat, opts);
}

/**
 * A path: a file of any supported format (told by content), or a folder read recursively in name order.
 * A file's document id is its name; inside a folder, its path relative to the folder.
 */
export async function* readPath(file: string, opts: ReadOptions = DEFAULT_READ_OPTIONS): AsyncGenerator<InputItem> {
  yield* readEntry(file, path.basename(file), opts, 0, new Set(), null);
}
