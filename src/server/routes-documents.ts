/**
 * Documents: the list (`/api/documents`, paged), one document as its analysis-v1 record with its text
 * (`/api/documents/:id`) or as a page with every extracted span highlighted (`/api/documents/:id.html`),
 * `POST /api/documents` to add documents and `DELETE /api/documents/:id` to delete one.
 */
import { reportError } from '../cli/command.js';
import { keepDeskCurrent } from '../desk/keep-current.js';
import type { StoredAnalysis } from '../store/types.js';
import type { Ctx } from './context.js';
import { renderDocumentPage, type ExtraRange } from './document-page.js';
import { HttpError, newNonce, sendHtml, sendJson } from './http.js';
import { intParam, readParams } from './params.js';
import { postDocuments } from './post.js';
import { pictureOf } from './picture.js';

export const DOCUMENTS_PREFIX = '/api/documents/';

export const documentHref = (id: string, html = false) => `${DOCUMENTS_PREFIX}${encodeURIComponent(id)}${html ? '.html' : ''}`;

export async function listDocuments(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, ['limit', 'offset']);
  const limit = intParam(p, 'limit', 50, 1, 1000);
  const offset = intParam(p, 'offset', 0, 0, 1e9);
  const reader = await pictureOf(ctx);
  const total = (await reader.documentSummary({})).documents;
  const page = (await reader.documents({}, { offset, limit })).items.map((d) => ({
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    published: d.published,
    url: d.url,
    counts: d.layers,
    links: { json: documentHref(d.id), html: documentHref(d.id, true) },
  }));
  const next = offset + limit < total ? `/api/documents?limit=${limit}&offset=${offset + limit}` : null;
  sendJson(ctx.res, 200, { total, limit, offset, next, documents: page });
}

async function analysisById(ctx: Ctx, id: string): Promise<StoredAnalysis | null> {
  if (id === '') return null;
  const [a] = await ctx.store.analyses({ ids: [id] });
  return a ?? null;
}

/** `?hl=START-END[,START-END...]`: ranges to mark and anchor in the page, checked against the text. */
function extraRanges(hl: string | undefined, length: number): ExtraRange[] {
  if (hl === undefined) return [];
  const out: ExtraRange[] = [];
  for (const part of hl.split(',').slice(0, 50)) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(part.trim());
    const start = m ? Number(m[1]) : NaN;
    const end = m ? Number(m[2]) : NaN;
    if (!m || start > end || end > length) {
      throw new HttpError(400, 'usage', `hl must be START-END ranges within the text (0 to ${length}), got ${JSON.stringify(part.slice(0, 40))}`);
    }
    out.push({ start, end });
  }
  return out;
}

/**
 * `/api/documents/ID` is the record; `/api/documents/ID.html` the page. Ids are whole path remainders
 * (percent-encoded: ids hold slashes, `#` and spaces). An id that itself ends in ".html" (a page read from
 * `report.html`) is found first as it is; its page is then at `report.html.html`.
 */
export async function getDocument(ctx: Ctx, rawId: string): Promise<void> {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    throw new HttpError(400, 'usage', 'the document id is not valid percent-encoding');
  }
  const exact = await analysisById(ctx, id);
  if (exact) {
    readParams(ctx.url.searchParams, []);
    sendJson(ctx.res, 200, exact);
    return;
  }
  const asPage = id.endsWith('.html') ? await analysisById(ctx, id.slice(0, -'.html'.length)) : null;
  if (!asPage) throw new HttpError(404, 'not_found', `no document with id ${JSON.stringify(id.replace(/\.html$/, '').slice(0, 200))}`);
  const p = readParams(ctx.url.searchParams, ['hl']);
  const nonce = newNonce();
  const html = renderDocumentPage(asPage, nonce, extraRanges(p.hl, asPage.text.length));
  sendHtml(ctx.res, 200, html, `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
}

export async function addDocuments(ctx: Ctx): Promise<void> {
  let posted;
  try {
    posted = await postDocuments(ctx.req, ctx.url.searchParams, ctx.store, ctx.analyzer(), ctx.opts.read, ctx.opts.maxBody);
  } catch (e) {
    // A refused batch is logged too: who tried to add what is part of the record.
    if (e instanceof HttpError && e.code === 'nothing_processed') await ctx.audit('documents.add', null, { new: 0, existing: 0, failed: (e.extra.failed as unknown[] | undefined)?.length ?? 0 });
    throw e;
  }
  const { status, result } = posted;
  ctx.snapshots.invalidate();
  await deskAfterWrite(ctx);
  const ids = result.documents.filter((d) => d.status === 'new').map((d) => d.id);
  await ctx.audit('documents.add', ids.length === 1 ? ids[0]! : null, { new: result.new, existing: result.existing, queued: result.queued, failed: result.failed.length, ids: ids.slice(0, 100) });
  sendJson(ctx.res, status, result);
}

/**
 * `DELETE /api/documents/ID` (editor): the document and everything derived from it — layers, search entry,
 * its part of the stored picture (src/store/types.ts `deleteDocument`). Audited; 404 for an unknown id.
 */
export async function deleteDocument(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  let id: string;
  try {
    id = decodeURIComponent(ctx.param);
  } catch {
    throw new HttpError(400, 'usage', 'the document id is not valid percent-encoding');
  }
  if (!(await ctx.store.deleteDocument(id))) throw new HttpError(404, 'not_found', `no document with id ${JSON.stringify(id.slice(0, 200))}`);
  ctx.snapshots.invalidate();
  await deskAfterWrite(ctx);
  await ctx.audit('documents.delete', id);
  sendJson(ctx.res, 200, { deleted: id });
}

/**
 * The desk's event rows brought up to date after a write (src/desk/keep-current.ts), so another server with
 * the database open read-only shows it. What was written is stored either way, and this server's next desk
 * read tries again: a failure is logged, not answered.
 */
async function deskAfterWrite(ctx: Ctx): Promise<void> {
  try {
    await keepDeskCurrent(ctx.store);
  } catch (e) {
    reportError('serve', `the desk's event rows were not brought up to date after a write: ${(e as Error).message}`);
  }
}
