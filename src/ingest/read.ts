import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Doc } from '../core/document.js';
import { docFromRecord, InputError, type RawRecord } from './record.js';

/** One input item: a document ready for analysis, or a clear error naming where it came from. */
export type InputItem = { doc: Doc; error?: undefined } | { doc?: undefined; error: InputError };

export interface ReadOptions {
  /** Maximum document size in characters; larger documents are refused with an error. */
  maxChars: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxChars: 2_000_000 };

function item(make: () => Doc, origin: string): InputItem {
  try {
    return { doc: make() };
  } catch (e) {
    return { error: e instanceof InputError ? e : new InputError(origin, (e as Error).message) };
  }
}

/** JSON Lines, one document per line; a broken line is an error for that line only. */
export async function* readJsonl(lines: AsyncIterable<string>, name: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const origin = `${name}:${n}`;
    let rec: RawRecord;
    try {
      rec = JSON.parse(line) as RawRecord;
    } catch (e) {
      yield { error: new InputError(origin, `invalid JSON (${(e as Error).message})`) };
      continue;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      yield { error: new InputError(origin, 'a JSON Lines record must be an object') };
      continue;
    }
    if (typeof rec.text === 'string' && rec.text.length > opts.maxChars) {
      yield { error: new InputError(origin, `document too large (${rec.text.length} characters; limit ${opts.maxChars}, see --max-chars)`) };
      continue;
    }
    yield item(() => docFromRecord(rec, rec.id !== undefined ? String(rec.id) : origin, 'jsonl', { origin }), origin);
  }
}

export function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** A path: a JSON Lines file (by extension), else a single text document. */
export async function* readPath(file: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    yield { error: new InputError(file, 'no such file') };
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of (await fs.readdir(file)).sort()) yield* readPath(path.join(file, entry), opts);
    return;
  }
  if (/\.jsonl$/i.test(file)) {
    yield* readJsonl(fileLines(file), file, opts);
    return;
  }
  const text = await fs.readFile(file, 'utf8');
  if (text.length > opts.maxChars) {
    yield { error: new InputError(file, `document too large (${text.length} characters; limit ${opts.maxChars}, see --max-chars)`) };
    return;
  }
  yield item(() => docFromRecord({ id: path.basename(file), text }, file, 'text'), file);
}
