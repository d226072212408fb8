/**
 * The situation report and its slices: `/` (HTML), `/api/report` (its JSON twin), `/api/figures`,
 * `/api/places`, `/api/export.csv`, `/api/export.geojson`. All take since, until, near and radius like
 * `sitrep report`, and read the picture kept in the store (only the part the period and area select).
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../cli/command.js';
import { selection } from '../cli/commands/report.js';
import { acledCsv } from '../export/acled-csv.js';
import { geojson } from '../export/geojson.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import type { Report, ReportEvent } from '../report/model.js';
import { matcher } from '../desk/filter.js';
import { narrowReport } from '../desk/narrow.js';
import { reviewReport } from '../desk/reviews.js';
import { eventView } from './event-view.js';
import { EVENT_PARAMS, selectionOf } from './routes-events.js';
import { pictureOf } from './picture.js';
import { HttpError, newNonce, send, sendHtml, sendJson } from './http.js';
import { readParams } from './params.js';
import type { Ctx } from './context.js';

const REPORT_PARAMS = EVENT_PARAMS;

/**
 * The report for the request's parameters, with the reviews applied and cut to the desk filters (country,
 * type, …) when any is given; bad parameters and unknown places are 400s.
 */
export async function reportFor(ctx: Ctx): Promise<Report> {
  const p = readParams(ctx.url.searchParams, REPORT_PARAMS);
  const sel = await selectionOf(ctx, p);
  const base = await periodReport(ctx, p);
  // Only the reviews, not the whole event view: the report reads the period's slice of the picture.
  const overrides = (await ctx.desk.overridesVersion()) === 0 ? [] : await ctx.desk.overrides();
  const reviewed = reviewReport(base, overrides);
  const { since: _s, until: _u, ...rest } = sel.filter;
  return Object.keys(rest).length ? narrowReport(reviewed, matcher(sel.filter)) : reviewed;
}

async function periodReport(ctx: Ctx, p: Record<string, string | undefined>): Promise<Report> {
  let opts;
  try {
    opts = selection({ since: p.since, until: p.until, near: p.near, radius: p.radius });
  } catch (e) {
    // The CLI's messages name its options (--since); here they are query parameters.
    if (e instanceof UsageError) throw new HttpError(400, 'usage', e.message.replace(/--(since|until|near|radius)\b/g, '$1'));
    throw e;
  }
  // Built in a worker thread under the report time limit (./offload.ts).
  return ctx.offload.report(opts, () => pictureOf(ctx));
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * The header policy for the report page: its script only by the page's own nonce, its style blocks only by
 * their hashes (so not even an injected style element would apply), nothing fetched, never framed. The
 * renderer puts the same nonce in its meta policy; both policies apply, so the stricter wins everywhere.
 */
export function reportPolicy(html: string): string {
  const nonce = /<script nonce="([A-Za-z0-9+/=_-]+)">/.exec(html)?.[1];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
  return [
    "default-src 'none'",
    `script-src ${nonce ? `'nonce-${nonce}'` : "'none'"}`,
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function reportPage(ctx: Ctx): Promise<void> {
  // A fresh nonce for every response: one seen in an earlier page must not let a script run in the next.
  const html = renderHtml(await reportFor(ctx), { nonce: newNonce() });
  sendHtml(ctx.res, 200, html, reportPolicy(html));
}

export async function reportJson(ctx: Ctx): Promise<void> {
  send(ctx.res, 200, 'application/json; charset=utf-8', renderJson(await reportFor(ctx)));
}

/** A slice of the JSON report, with the period and area it covers. */
export function reportSlice(key: 'events' | 'figures' | 'places') {
  return async (ctx: Ctx): Promise<void> => {
    const r = await reportFor(ctx);
    sendJson(ctx.res, 200, { schema: r.schema, period: r.period, near: r.near, [key]: r[key] });
  };
}

/** The events of an export: every one the filters select, reviews applied, rejected and merged-away ones left out. */
async function exportEvents(ctx: Ctx): Promise<ReportEvent[]> {
  const p = readParams(ctx.url.searchParams, REPORT_PARAMS);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  const out: ReportEvent[] = [];
  for await (const e of t.all(sel.filter, sel.near)) out.push(e);
  return out;
}

export async function exportCsv(ctx: Ctx): Promise<void> {
  send(ctx.res, 200, 'text/csv; charset=utf-8; header=present', acledCsv(await exportEvents(ctx)), { 'Content-Disposition': 'attachment; filename="sitrep-events.csv"' });
}

export async function exportGeojson(ctx: Ctx): Promise<void> {
  send(ctx.res, 200, 'application/geo+json; charset=utf-8', JSON.stringify(geojson(await exportEvents(ctx)), null, 2) + '\n');
}
