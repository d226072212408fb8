import { Doc, type DocMeta, type InputFormat } from '../core/document.js';
import { detectPublished, normalisePublished } from './published.js';

/** A document as it arrives, before analysis. Only `text` is required. */
export interface RawRecord {
  id?: unknown;
  text?: unknown;
  published?: unknown;
  title?: unknown;
  url?: unknown;
  source?: unknown;
  author?: unknown;
}

export class InputError extends Error {
  constructor(
    readonly origin: string,
    message: string,
  ) {
    super(message);
  }
}

const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x : null);

/** Turn a raw record into a Doc, settling the publication date: given, else found in the text, else null. */
export function docFromRecord(rec: RawRecord, origin: string, format: InputFormat, extra: Partial<DocMeta> = {}): Doc {
  if (typeof rec.text !== 'string') throw new InputError(origin, 'no "text" field (a string is required)');
  if (rec.text.trim() === '') throw new InputError(origin, 'empty document (no text)');
  const id = rec.id === undefined || rec.id === null ? origin : String(rec.id);
  const meta: Partial<DocMeta> & { id: string } = {
    id,
    title: str(rec.title),
    url: str(rec.url),
    source: str(rec.source),
    author: str(rec.author),
    format,
    origin,
    ...extra,
  };
  const given = rec.published === undefined || rec.published === null || rec.published === '' ? null : String(rec.published);
  if (given !== null) {
    const norm = normalisePublished(given);
    if (!norm) throw new InputError(origin, `"published" is not a date: ${JSON.stringify(given).slice(0, 60)}`);
    meta.published = norm;
    meta.publishedFrom = 'input';
  } else if (!meta.published) {
    const found = detectPublished(rec.text);
    if (found) {
      meta.published = found.date;
      meta.publishedFrom = found.from;
    }
  }
  return new Doc(rec.text, meta);
}
