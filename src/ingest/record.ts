import { Doc, type DocMeta, type InputFormat, type PublishedFrom } from '../core/document.js';
import { detectPublished, normalisePublished } from './published.js';
import { headlineOf, outletOf } from './title.js';

/** A document as it arrives in JSON Lines, before analysis. Only `text` is required. */
export interface RawRecord {
  id?: unknown;
  text?: unknown;
  published?: unknown;
  title?: unknown;
  url?: unknown;
  source?: unknown;
  author?: unknown;
}

/** An input that cannot be read; `origin` names it (path, "path:LINE", "stdin:LINE", "feed.xml#3"). */
export class InputError extends Error {
  constructor(
    readonly origin: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Everything known about a document before analysis. */
export interface DocParts {
  id: string;
  text: string;
  origin: string;
  format: InputFormat;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  author?: string | null;
  /** A publication date already found (given in the input, page metadata, feed item), normalised. */
  published?: string | null;
  publishedFrom?: PublishedFrom | null;
}

/**
 * A Doc with its publication date settled: the one given, else one found at the top of the text
 * (./published.ts), else none — `published: null`, `publishedFrom: null`, never a guess. A missing title
 * or outlet is taken from the top of the text when it states one (./title.ts).
 */
export function makeDoc(p: DocParts): Doc {
  const meta: Partial<DocMeta> & { id: string } = {
    id: p.id,
    title: p.title ?? headlineOf(p.text),
    url: p.url ?? null,
    source: p.source ?? outletOf(p.text),
    author: p.author ?? null,
    format: p.format,
    origin: p.origin,
  };
  if (p.published && p.publishedFrom) {
    meta.published = p.published;
    meta.publishedFrom = p.publishedFrom;
  } else {
    const found = detectPublished(p.text, { url: p.url ?? null });
    meta.published = found?.date ?? null;
    meta.publishedFrom = found?.from ?? null;
  }
  return new Doc(p.text, meta);
}

const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);

/**
 * Turn a JSON Lines record into a Doc. Throws InputError when it has no usable text. A `published` that is
 * not a date does not lose the document: it is reported in `warnings` and the date is looked for in the
 * text as if none had been given.
 */
export function docFromRecord(rec: RawRecord, origin: string, format: InputFormat, extra: Partial<DocMeta> = {}, warnings: string[] = []): Doc {
  if (typeof rec.text !== 'string') throw new InputError(origin, 'no "text" field (a string is required)');
  if (rec.text.trim() === '') throw new InputError(origin, 'empty document (no text)');
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : origin;
  let published: string | null = null;
  const given = rec.published;
  if (given !== undefined && given !== null && given !== '') {
    published = typeof given === 'string' ? normalisePublished(given) : null;
    if (!published) warnings.push(`"published" is not a date (${JSON.stringify(given).slice(0, 60)}); looking for the date in the text instead`);
  }
  const doc = makeDoc({
    id,
    text: rec.text,
    origin,
    format,
    title: str(rec.title),
    url: str(rec.url),
    source: str(rec.source),
    author: str(rec.author),
    published,
    publishedFrom: published ? 'input' : null,
  });
  Object.assign(doc.meta, extra);
  return doc;
}
