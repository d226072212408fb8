/** Store queries: full-text search and row counts. */
import type { Ctx } from './context.js';
import { HttpError, sendJson } from './http.js';
import { intParam, readParams } from './params.js';
import { documentHref } from './routes-documents.js';

/**
 * `/api/search?q=…&limit=N`: the store's full-text search (docs/store.md, "Search queries"). Snippets are
 * plain article text with matched words between « and »: a client must escape them before showing them
 * as HTML.
 */
export async function search(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, ['q', 'limit']);
  const q = p.q?.trim();
  if (!q) throw new HttpError(400, 'usage', 'q is required: /api/search?q=words');
  if (q.length > 1000) throw new HttpError(400, 'usage', `q is too long (${q.length} characters; at most 1000)`);
  const limit = intParam(p, 'limit', 20, 1, 200);
  // In a worker thread under the search time limit (./offload.ts): a costly query cannot stall the server.
  const hits = await ctx.offload.search(q, { limit });
  sendJson(ctx.res, 200, { query: q, hits: hits.map((h) => ({ ...h, links: { json: documentHref(h.id), html: documentHref(h.id, true) } })) });
}

/** `/api/stats`: what `sitrep stats --json` prints, with the store's kind and schema version. */
export async function stats(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const counts = await ctx.store.stats();
  sendJson(ctx.res, 200, { ...counts, store: ctx.store.kind, schema: await ctx.store.schemaVersion() });
}
