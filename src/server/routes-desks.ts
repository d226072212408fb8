/**
 * Desks: saved views, one per crisis — a name and filters (countries or a bounding box, a period, types …).
 * Each desk has its own report, feed and exports: the same routes with the desk's filters (`links`).
 */
import { FILTER_PARAMS, FilterError, filterQuery, parseFilter } from '../desk/filter.js';
import type { DeskView } from '../desk/types.js';
import { readObject, stringField } from './body.js';
import type { Ctx } from './context.js';
import { HttpError, sendJson } from './http.js';
import { readParams } from './params.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'desk'
  );
}

function links(d: DeskView) {
  const q = d.query ? `?${d.query}` : '';
  return {
    app: `/desks/${d.id}`,
    events: `/api/events${q}`,
    report: `/report${q}`,
    feed: `/api/feed.atom${q}`,
    csv: `/api/export.csv${q}`,
    geojson: `/api/export.geojson${q}`,
  };
}

const withLinks = (d: DeskView) => ({ ...d, links: links(d) });

/** The query of a desk: only filter parameters, checked and written in one canonical form. */
function canonicalQuery(v: unknown): string {
  let params: Record<string, string | undefined>;
  if (typeof v === 'string') params = Object.fromEntries(new URLSearchParams(v.replace(/^\?/, '')));
  else if (typeof v === 'object' && v !== null && !Array.isArray(v)) params = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null || x === undefined ? undefined : String(x)]));
  else throw new HttpError(400, 'usage', 'query must be the filters as a query string or an object');
  for (const k of Object.keys(params)) if (!(FILTER_PARAMS as readonly string[]).includes(k)) throw new HttpError(400, 'usage', `a desk's query takes ${FILTER_PARAMS.join(', ')}; not ${JSON.stringify(k.slice(0, 40))}`);
  try {
    return filterQuery(parseFilter(params)).toString();
  } catch (e) {
    if (e instanceof FilterError) throw new HttpError(400, 'usage', e.message);
    throw e;
  }
}

function idParam(ctx: Ctx): string {
  const id = ctx.param;
  if (!SLUG.test(id)) throw new HttpError(404, 'not_found', `no desk ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

export async function listDesks(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  sendJson(ctx.res, 200, { desks: (await ctx.desk.desks()).map(withLinks) });
}

export async function getDesk(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const d = await ctx.desk.desk(idParam(ctx));
  if (!d) throw new HttpError(404, 'not_found', `no desk ${JSON.stringify(ctx.param)}`);
  sendJson(ctx.res, 200, withLinks(d));
}

async function save(ctx: Ctx, id: string | null, status: number): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const { value } = await readObject(ctx.req);
  for (const k of Object.keys(value)) if (!['id', 'name', 'description', 'query'].includes(k)) throw new HttpError(400, 'usage', `a desk has id, name, description and query; not ${JSON.stringify(k.slice(0, 40))}`);
  const name = stringField(value, 'name', 200);
  if (!name) throw new HttpError(400, 'usage', 'name is required');
  const given = id ?? stringField(value, 'id', 64) ?? slugOf(name);
  if (!SLUG.test(given)) throw new HttpError(400, 'usage', 'id must be lower-case letters, digits and dashes (at most 64)');
  if (id === null && (await ctx.desk.desk(given))) throw new HttpError(409, 'conflict', `there is already a desk ${given}`);
  const query = canonicalQuery(value.query ?? '');
  const d = await ctx.desk.saveDesk({ id: given, name, description: stringField(value, 'description', 2000) || null, query, by: ctx.identity.account?.name ?? null });
  await ctx.audit('desk.save', d.id, { name: d.name, query: d.query });
  sendJson(ctx.res, status, withLinks(d));
}

export const addDesk = (ctx: Ctx) => save(ctx, null, 201);
export const putDesk = (ctx: Ctx) => save(ctx, idParam(ctx), 200);

export async function deleteDesk(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const id = idParam(ctx);
  if (!(await ctx.desk.deleteDesk(id))) throw new HttpError(404, 'not_found', `no desk ${JSON.stringify(id)}`);
  await ctx.audit('desk.delete', id);
  sendJson(ctx.res, 200, { removed: id });
}
