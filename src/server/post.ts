/**
 * `POST /api/documents`: documents in the request body are read, analysed and stored exactly as
 * `sitrep ingest` does it — the same reader (src/ingest/read.ts `readBytes`, told by content within the
 * declared type), the same pipeline (in worker threads, off the event loop), the same `ingest` (src/store/ingest.ts: a document already stored is
 * not analysed again, a failing one leaves nothing behind and does not stop the others). On PostgreSQL with
 * \`sitrep worker\` processes running, the documents are queued for them instead (202 Accepted).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Analyzer } from '../analyze/analyzer.js';
import { normalisePublished } from '../ingest/published.js';
import { readBytes, type ForcedFormat, type InputItem, type ReadOptions } from '../ingest/read.js';
import { ingest } from '../store/ingest.js';
import { queueFor } from '../store/queue.js';
import type { Store } from '../store/types.js';
import { HttpError, mediaType, readBody } from './http.js';
import { readParams } from './params.js';
import { busy } from './offload.js';

/** Media types accepted, and how their body is read. */
const TYPES: Record<string, ForcedFormat> = {
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': 'feed',
  'text/xml': 'feed',
};

/** Metadata a single page or text can be given in the query (JSON records carry their own). */
const META_PARAMS = ['id', 'published', 'source', 'title', 'url', 'author'] as const;

export interface PostResult {
  new: number;
  existing: number;
  /** Put in the queue of \`sitrep worker\` processes (PostgreSQL with workers running): stored once analysed. */
  queued: number;
  failed: { where: string; message: string }[];
  /** Read warnings ("not valid UTF-8; read as Windows-1252"), one per document concerned. */
  warnings: { where: string; message: string }[];
  /** Every document stored or found, with its stored id (link to /api/documents/ID). */
  documents: { where: string; id: string; status: 'new' | 'existing' | 'queued' }[];
}

/** Give other requests a turn between documents (storing one is synchronous work). */
async function* yielding(items: readonly InputItem[]): AsyncGenerator<InputItem> {
  for (const it of items) {
    yield it;
    await new Promise((r) => setImmediate(r));
  }
}

export async function postDocuments(req: IncomingMessage, search: URLSearchParams, store: Store, analyzer: Analyzer, read: ReadOptions, maxBody: number): Promise<{ status: number; result: PostResult }> {
  const type = mediaType(req);
  const format = type ? TYPES[type] : undefined;
  if (!format) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `${type ? `cannot read a body of type ${JSON.stringify(type.slice(0, 60))}` : 'no Content-Type'}: send application/x-ndjson (JSON Lines), application/json, text/html, text/plain or an RSS/Atom feed (application/rss+xml)`,
    );
  }
  const single = format === 'html' || format === 'text';
  const p = readParams(search, single ? META_PARAMS : []);
  let published: string | null = null;
  if (p.published !== undefined) {
    published = normalisePublished(p.published);
    if (!published) throw new HttpError(400, 'usage', `published must be a date (YYYY-MM-DD) or an ISO timestamp, got ${JSON.stringify(p.published.slice(0, 60))}`);
  }
  const body = await readBody(req, maxBody);
  if (body.length === 0) throw new HttpError(400, 'usage', 'empty request body: send the documents in it');

  const id = p.id?.trim() || `posted-${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
  const items = readBytes(body, { name: 'request', id }, { ...read, format });
  if (single) {
    for (const it of items) {
      if (!it.doc) continue;
      const m = it.doc.meta;
      for (const k of ['source', 'title', 'url', 'author'] as const) if (p[k]?.trim()) m[k] = p[k]!.trim();
      if (published) {
        m.published = published;
        m.publishedFrom = 'input';
      }
    }
  }

  const result: PostResult = { new: 0, existing: 0, queued: 0, failed: [], warnings: [], documents: [] };
  let timedOut = 0;
  await ingest(store, yielding(items), {
    analyzer,
    // PostgreSQL with workers running: they analyse and store; the server only queues (as \`sitrep ingest\` does).
    enqueue: await queueFor(store),
    onInput(it) {
      if (it.doc) for (const w of it.info.warnings) result.warnings.push({ where: it.doc.meta.origin, message: w });
    },
    onItem(o) {
      if (o.kind === 'failed') {
        result.failed.push({ where: o.origin, message: o.message });
        if (o.timedOut) timedOut++;
      } else {
        result[o.kind]++;
        result.documents.push({ where: o.origin, id: o.id, status: o.kind });
      }
    },
  });
  if (result.new + result.existing + result.queued === 0) {
    const n = result.failed.length;
    // Nothing wrong with the documents, only too long to analyse now: the client may try again later.
    if (n > 0 && timedOut === n) throw busy(`the analysis took longer than the server's limit and was stopped (${result.failed[0]!.message})`);
    throw new HttpError(422, 'nothing_processed', n === 1 ? `the document could not be stored: ${result.failed[0]!.message}` : `none of the ${n} documents could be stored`, {}, { ...result });
  }
  return { status: result.new > 0 ? 201 : result.queued > 0 ? 202 : 200, result };
}
