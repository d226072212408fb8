/**
 * The desk web app: one page shell for every app URL (/, /events/ID, /desks, /desks/ID), its script, its
 * stylesheet and the basemap, built into dist/web by scripts/build-web.mjs (`npm run build`). The page
 * may load only from this server: script, style, images and connections all 'self'.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exactKey, looseKey } from '../gazetteer/fold.js';
import { gazetteer } from '../gazetteer/load.js';
import type { Ctx } from './context.js';
import { HttpError, send, sendHtml, sendJson } from './http.js';
import { readParams } from './params.js';
import { EVENT_PARAMS, selectionOf } from './routes-events.js';

const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'countries-110m.json': 'application/json; charset=utf-8',
  'countries-50m.json': 'application/json; charset=utf-8',
};

const cache = new Map<string, Buffer>();

function asset(name: string): Buffer {
  let b = cache.get(name);
  if (!b) {
    try {
      b = readFileSync(WEB_DIR + name);
    } catch {
      throw new HttpError(500, 'internal', `the web app is not built (${name} is missing from dist/web): run \`npm run build\``);
    }
    cache.set(name, b);
  }
  return b;
}

export const APP_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'none'; object-src 'none'; frame-ancestors 'none'";

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>sitrep desk</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app/app.css">
</head>
<body>
<div id="app"><noscript><p>The desk needs JavaScript. The <a href="/report">static report</a> and the <a href="/api">API</a> work without it.</p></noscript></div>
<script src="/app/app.js"></script>
</body>
</html>
`;

/** The app's page: the same shell for every app path; the script reads the path and the filters in the URL. */
export async function appPage(ctx: Ctx): Promise<void> {
  // The filters in the URL are checked here too: a bad link gets a clear error page, not an empty desk.
  await selectionOf(ctx, readParams(ctx.url.searchParams, EVENT_PARAMS));
  asset('app.js');
  sendHtml(ctx.res, 200, SHELL, APP_CSP);
}

export async function appAsset(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const type = ASSETS[ctx.param];
  if (!type) throw new HttpError(404, 'not_found', `no such file: /app/${ctx.param.slice(0, 80)}`);
  // The bundle changes only with a new build: let the browser keep it for a while, checking by ETag.
  send(ctx.res, 200, type, asset(ctx.param), { 'Cache-Control': 'no-cache' });
}

interface PlaceHit {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  kind: string;
  population: number;
  precision: 1 | 2 | 3;
}

function hit(id: number): PlaceHit {
  const e = gazetteer().entry(id);
  // ACLED geo-precision: a town is 1; a district 2; a province or a country 3.
  const precision = e.kind === 'country' || e.kind === 'admin1' ? 3 : e.kind === 'admin2' ? 2 : 1;
  return { name: e.name, lat: Number(e.lat.toFixed(4)), lon: Number(e.lon.toFixed(4)), country: e.country, admin1: e.admin1, kind: e.kind, population: e.population, precision };
}

/**
 * `/api/gazetteer?q=NAME` finds places by name (most populous first); `?lat=&lon=` the places nearest to
 * a point (what a click on the map means). For correcting an event's place.
 */
export async function gazetteerSearch(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, ['q', 'lat', 'lon', 'limit']);
  const limit = Math.min(50, Math.max(1, Number(p.limit ?? 10) || 10));
  const g = gazetteer();
  if (p.q !== undefined) {
    const q = p.q.trim();
    if (!q || q.length > 200) throw new HttpError(400, 'usage', 'q must be a place name (1-200 characters)');
    const ids = new Set<number>();
    for (const x of g.lookupExact(exactKey(q))) ids.add(x.id);
    for (const x of g.lookupLoose(looseKey(q))) ids.add(x.id);
    const places = [...ids].map(hit).sort((a, b) => b.population - a.population).slice(0, limit);
    sendJson(ctx.res, 200, { places });
    return;
  }
  const lat = Number(p.lat);
  const lon = Number(p.lon);
  if (p.lat === undefined || p.lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new HttpError(400, 'usage', 'give q=NAME, or lat and lon');
  }
  // A scan of every entry: only on a click, and a few milliseconds.
  const best: { id: number; d: number }[] = [];
  const k = Math.cos((lat * Math.PI) / 180);
  for (let id = 0; id < g.size; id++) {
    const kind = g.kindOf(id);
    if (kind === 'country' || kind === 'admin1') continue;
    const dy = g.latOf(id) - lat;
    const dx = (g.lonOf(id) - lon) * k;
    const d = dx * dx + dy * dy;
    if (best.length < limit || d < best[best.length - 1]!.d) {
      best.push({ id, d });
      best.sort((a, b) => a.d - b.d);
      if (best.length > limit) best.pop();
    }
  }
  sendJson(ctx.res, 200, { places: best.filter((b) => Math.sqrt(b.d) < 1).map((b) => hit(b.id)) });
}
