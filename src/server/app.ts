/**
 * `sitrep serve`: the situation report as a web page and an HTTP API over the store, on node:http alone.
 * Every page has a JSON twin, and every failure is one error shape, `{"error": {"code", "message"}}`
 * (src/cli/command.ts), with its HTTP status. docs/server.md lists the routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pipeline } from '../core/pipeline.js';
import { defaultPipeline } from '../analyze/pipeline.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read.js';
import type { Store } from '../store/types.js';
import type { Ctx, ServerOptions } from './context.js';
import { HttpError, sendError, sendErrorPage, sendJson } from './http.js';
import { exportCsv, exportGeojson, reportJson, reportPage, reportSlice } from './routes-report.js';
import { EVENTS_PREFIX, getEvent, listEvents } from './routes-events.js';
import { addDocuments, DOCUMENTS_PREFIX, getDocument, listDocuments } from './routes-documents.js';
import { search, stats } from './routes-store.js';

type Handler = (ctx: Ctx) => Promise<void>;

interface Route {
  path: string;
  /** What the route is, for the `/api` index. */
  about: string;
  GET?: Handler;
  POST?: Handler;
}

const ROUTES: Route[] = [
  { path: '/', about: 'the situation report (HTML); ?since=YYYY-MM-DD&until=…&near=PLACE|LAT,LON&radius=KM', GET: reportPage },
  { path: '/api', about: 'this list', GET: apiIndex },
  { path: '/api/report', about: 'the situation report as JSON (schema sitrep-report/1); same parameters as /', GET: reportJson },
  { path: '/api/events', about: 'merged events, page by page: ?since&until&near&radius&bbox=S,W,N,E&country&type&actor&outlet&certainty&limit=100&after=CURSOR', GET: listEvents },
  { path: '/api/events/:id', about: 'one merged event with all its reports (member keys, sources, why each joined)', GET: (ctx) => getEvent(ctx, decodeURIComponent(ctx.url.pathname.slice(EVENTS_PREFIX.length))) },
  { path: '/api/figures', about: 'the figures of the report, contested first', GET: reportSlice('figures') },
  { path: '/api/places', about: 'the places of the report with their control history', GET: reportSlice('places') },
  { path: '/api/export.csv', about: 'the merged events as ACLED-style CSV', GET: exportCsv },
  { path: '/api/export.geojson', about: 'the located events as GeoJSON', GET: exportGeojson },
  { path: '/api/documents', about: 'stored documents, ?limit=50&offset=0; POST documents to analyse and store them', GET: listDocuments, POST: addDocuments },
  { path: '/api/documents/:id', about: 'one document: its analysis-v1 record and text; :id.html shows the text with every extracted span highlighted', GET: (ctx) => getDocument(ctx, ctx.url.pathname.slice(DOCUMENTS_PREFIX.length)) },
  { path: '/api/search', about: 'full-text search, ?q=words&limit=20', GET: search },
  { path: '/api/stats', about: 'row counts of the store', GET: stats },
];

async function apiIndex(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, {
    name: 'sitrep',
    routes: ROUTES.map((r) => ({ path: r.path, methods: methodsOf(r, ctx.opts), about: r.about })),
  });
}

function methodsOf(r: Route, opts: ServerOptions): string[] {
  const m: string[] = [];
  if (r.GET) m.push('GET', 'HEAD');
  if (r.POST && !opts.readOnly) m.push('POST');
  return m;
}

function routeFor(pathname: string): Route | null {
  if (pathname.startsWith(DOCUMENTS_PREFIX) && pathname.length > DOCUMENTS_PREFIX.length) return ROUTES.find((r) => r.path === '/api/documents/:id')!;
  if (pathname.startsWith(EVENTS_PREFIX) && pathname.length > EVENTS_PREFIX.length) return ROUTES.find((r) => r.path === '/api/events/:id')!;
  return ROUTES.find((r) => r.path === pathname) ?? null;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The host names a server bound to `host` should answer to (null: any). */
export function allowedHostsFor(host: string): string[] | null {
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback ? [...new Set([...LOOPBACK_NAMES, host])] : null;
}

function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

/**
 * Requests a browser makes on behalf of another site are refused: any request whose Host is not a name the
 * server answers to (DNS rebinding), and any POST from another origin (a page elsewhere posting documents
 * into the store; browsers send such simple requests without asking first).
 */
function checkOrigin(req: IncomingMessage, opts: ServerOptions): void {
  const host = req.headers.host;
  if (opts.allowedHosts && host !== undefined && !opts.allowedHosts.includes(hostName(host))) {
    throw new HttpError(403, 'forbidden', `this server answers to ${opts.allowedHosts.filter((h) => h !== '::1').join(', ')}, not to the host name in this request`);
  }
  if (req.method === 'POST') {
    const origin = req.headers.origin;
    let same = true;
    if (origin !== undefined) {
      try {
        same = new URL(origin).host.toLowerCase() === (host ?? '').toLowerCase();
      } catch {
        same = false;
      }
    }
    if (!same || req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'forbidden', 'cross-site POST refused: post from the same origin, or without an Origin header (curl, scripts)');
  }
}

/** Does the client want HTML errors? Only browsers on the HTML routes: API clients always get JSON. */
function wantsHtml(req: IncomingMessage, pathname: string): boolean {
  const htmlRoute = pathname === '/' || pathname.endsWith('.html') || !pathname.startsWith('/api');
  return htmlRoute && /\btext\/html\b/.test(req.headers.accept ?? '');
}

export interface Handle {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createHandler(store: Store, opts: ServerOptions, onError: (e: unknown) => void = () => {}): Handle {
  let pipeline: Pipeline | null = null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    const ctx: Ctx = { req, res, url, store, opts, pipeline: () => (pipeline ??= defaultPipeline()) };
    const run = async () => {
      checkOrigin(req, opts);
      const route = routeFor(url.pathname);
      if (!route) throw new HttpError(404, 'not_found', `no such page: ${url.pathname.slice(0, 200)} (see /api for the routes)`);
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const h = method === 'GET' ? route.GET : method === 'POST' && !opts.readOnly ? route.POST : undefined;
      if (!h) {
        const allow = methodsOf(route, opts).join(', ');
        throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here (allowed: ${allow}${route.POST && opts.readOnly ? '; the server is read-only' : ''})`, { Allow: allow });
      }
      await h(ctx);
    };
    run().catch((e: unknown) => {
      const err = e instanceof HttpError ? e : new HttpError(500, 'internal', `internal error: ${(e as Error)?.message ?? String(e)}`);
      if (!(e instanceof HttpError)) onError(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (wantsHtml(req, url.pathname)) sendErrorPage(res, err);
      else sendError(res, err);
      // A refused body may still be arriving: do not read it, close the connection once answered.
      if (err.status === 413) res.on('finish', () => req.destroy());
    });
  };
  return { handler };
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  maxBody: 10_000_000,
  read: DEFAULT_READ_OPTIONS,
  readOnly: false,
  allowedHosts: allowedHostsFor('127.0.0.1'),
};

export interface RunningServer {
  server: Server;
  /** http://HOST:PORT (the port actually bound, also when 0 was asked for). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on host:port (port 0: any free port). Rejects when the address cannot be bound. */
export async function startServer(store: Store, host: string, port: number, opts: Partial<ServerOptions> = {}, onError?: (e: unknown) => void): Promise<RunningServer> {
  const full: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, allowedHosts: allowedHostsFor(host), ...opts };
  const { handler } = createHandler(store, full, onError);
  const server = createServer(handler);
  // A slow client cannot hold a connection forever: two minutes to send a request, headers within 30 s.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    port: addr.port,
    url: `http://${shown}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
