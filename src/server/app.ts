/**
 * `sitrep serve`: the situation report as a web page and an HTTP API over the store, on node:http alone.
 * Every page has a JSON twin, and every failure is one error shape, `{"error": {"code", "message"}}`
 * (src/cli/command.ts), with its HTTP status. docs/server.md lists the routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PooledAnalyzer, type Analyzer } from '../analyze/analyzer.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read.js';
import type { Store } from '../store/types.js';
import type { Ctx, ServerOptions } from './context.js';
import { deskData } from '../desk/open.js';
import type { DeskData, Role } from '../desk/types.js';
import { checkRead, checkWrite, clientAddress, identify } from './auth.js';
import { HttpError, send, sendError, sendErrorPage, sendJson } from './http.js';
import { openApiDocument } from './openapi.js';
import { readParams } from './params.js';
import { RateLimiter } from './rate-limit.js';
import { addAccount, auditLog, getAccount, listAccounts, login, loginPage, logout, removeAccount, sessionInfo } from './routes-auth.js';
import { appAsset, appPage, gazetteerSearch } from './routes-app.js';
import { addDesk, deleteDesk, getDesk, listDesks, putDesk } from './routes-desks.js';
import { controlChanges, eventFeed, eventPoints, eventTimeline, facets, getEvent, listEvents, reviewEvent } from './routes-events.js';
import { exportCsv, exportGeojson, reportJson, reportPage, reportSlice } from './routes-report.js';
import { addDocuments, deleteDocument, getDocument, listDocuments } from './routes-documents.js';
import { search, stats } from './routes-store.js';
import { Snapshots } from './snapshot.js';
import { DEFAULT_TIME_LIMITS, Offload, WORKER_NICENESS } from './offload.js';
import { readInWorkers } from '../desk/read-pool.js';

type Handler = (ctx: Ctx) => Promise<void>;

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
type WriteMethod = (typeof WRITE_METHODS)[number];

export interface Route {
  /** An exact path, or a prefix ending in `/:name` that takes the rest of the path (ctx.param). */
  path: string;
  /** What the route is, for the `/api` index. */
  about: string;
  GET?: Handler;
  POST?: Handler;
  PUT?: Handler;
  PATCH?: Handler;
  DELETE?: Handler;
  /** The least role a write here needs (default editor). */
  writeRole?: Role;
  /** Readable without an account even when anonymous reading is off (the login page and what it loads). */
  open?: boolean;
  /** Writes that need no account and pass a read-only server: signing in and out. */
  session?: boolean;
}

const ROUTES: Route[] = [
  { path: '/', about: 'the desk: map, timeline, filters and events (a web app over this API); filters in the query', GET: appPage },
  { path: '/events/:id', about: 'the desk\'s page of one event (web app)', GET: appPage },
  { path: '/desks', about: 'the desks (web app)', GET: appPage },
  { path: '/desks/:id', about: 'one desk (web app)', GET: appPage },
  { path: '/app/:file', about: 'the web app\'s script, stylesheet and basemap', GET: appAsset },
  { path: '/report', about: 'the situation report (HTML); ?since=YYYY-MM-DD&until=…&near=PLACE|LAT,LON&radius=KM and the desk filters', GET: reportPage },
  { path: '/login', about: 'the sign-in page', GET: loginPage, open: true },
  { path: '/api', about: 'this list', GET: apiIndex },
  { path: '/api/openapi.json', about: 'this API described in OpenAPI 3.1', GET: openApi, open: true },
  { path: '/api/login', about: 'sign in with a token (JSON {"token"} or a form); sets the session cookie', POST: login, open: true, session: true },
  { path: '/api/logout', about: 'end the session', POST: logout, open: true, session: true },
  { path: '/api/session', about: 'who is signed in, with the CSRF token writes need', GET: sessionInfo, open: true },
  { path: '/api/report', about: 'the situation report as JSON (schema sitrep-report/1); same parameters as /report', GET: reportJson },
  { path: '/api/events', about: 'the merged events, reviews applied: filters (country, admin1, type, subType, actor, outlet, certainty, minOutlets, since, until, q, bbox, review, near, radius), sort, limit, offset', GET: listEvents },
  { path: '/api/events/points', about: 'every matching located event in a few fields (map and timeline); same filters', GET: eventPoints },
  { path: '/api/events/timeline', about: 'matching dated events counted per day, month or year of their start and per type (?bucket=); same filters', GET: eventTimeline },
  { path: '/api/events/:id', about: 'one event with its documents, figures, control changes and history; POST /api/events/ID/review reviews it (editor)', GET: getEvent, POST: reviewEvent },
  { path: '/api/facets', about: 'counts per country, admin1, type, subType, outlet, certainty and actor for the filters', GET: facets },
  { path: '/api/control', about: 'places whose control changed, in the filters\' countries, box and period', GET: controlChanges },
  { path: '/api/feed.atom', about: 'the latest matching events as an Atom feed', GET: eventFeed },
  { path: '/api/desks', about: 'saved desks (views of one crisis); POST {"name","query","description"} saves one (editor)', GET: listDesks, POST: addDesk },
  { path: '/api/desks/:id', about: 'one desk with the links to its report, feed and exports; PUT replaces it, DELETE removes it (editor)', GET: getDesk, PUT: putDesk, DELETE: deleteDesk },
  { path: '/api/figures', about: 'the figures of the report, contested first', GET: reportSlice('figures') },
  { path: '/api/places', about: 'the places of the report with their control history', GET: reportSlice('places') },
  { path: '/api/export.csv', about: 'the merged events as ACLED-style CSV', GET: exportCsv },
  { path: '/api/export.geojson', about: 'the located events as GeoJSON', GET: exportGeojson },
  { path: '/api/documents', about: 'stored documents, ?limit=50&offset=0; POST documents to analyse and store them (editor)', GET: listDocuments, POST: addDocuments },
  { path: '/api/documents/:id', about: 'one document: its analysis-v1 record and text; :id.html shows the text with every extracted span highlighted; DELETE removes it and everything derived from it (editor)', GET: (ctx) => getDocument(ctx, ctx.param), DELETE: deleteDocument },
  { path: '/api/search', about: 'full-text search, ?q=words&limit=20', GET: search },
  { path: '/api/stats', about: 'row counts of the store', GET: stats },
  { path: '/api/gazetteer', about: 'places by name (?q=) or nearest a point (?lat=&lon=), for correcting an event\'s place', GET: gazetteerSearch },
  { path: '/api/audit', about: 'the audit log, newest first: ?limit=100&before=ID&target=&account=&action=', GET: auditLog },
  { path: '/api/accounts', about: 'accounts (admin); POST {"name","role"} adds one and returns its token once', GET: listAccounts, POST: addAccount, writeRole: 'admin' },
  { path: '/api/accounts/:name', about: 'one account (admin); DELETE removes it', GET: getAccount, DELETE: removeAccount, writeRole: 'admin' },
];

async function apiIndex(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  sendJson(ctx.res, 200, {
    name: 'sitrep',
    openapi: '/api/openapi.json',
    routes: ROUTES.map((r) => ({ path: r.path, methods: methodsOf(r, ctx.opts), about: r.about })),
  });
}

async function openApi(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  sendJson(ctx.res, 200, openApiDocument(ROUTES.map((r) => r.path)));
}

/** Every route path, for the OpenAPI test. */
export const routePaths = (): string[] => ROUTES.map((r) => r.path);

export function methodsOf(r: Route, opts: Pick<ServerOptions, 'readOnly'>): string[] {
  const m: string[] = [];
  if (r.GET) m.push('GET', 'HEAD');
  for (const w of WRITE_METHODS) if (r[w] && (!opts.readOnly || r.session)) m.push(w);
  return m;
}

function routeFor(pathname: string): { route: Route; param: string } | null {
  const exact = ROUTES.find((r) => r.path === pathname);
  if (exact) return { route: exact, param: '' };
  for (const r of ROUTES) {
    const i = r.path.indexOf('/:');
    if (i < 0) continue;
    const prefix = r.path.slice(0, i + 1);
    if (pathname.startsWith(prefix) && pathname.length > prefix.length) return { route: r, param: pathname.slice(prefix.length) };
  }
  return null;
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
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    let same = true;
    // Browsers say where a request comes from in Sec-Fetch-Site; under Referrer-Policy: no-referrer a form's
    // POST carries "Origin: null", so the browser's own same-origin verdict is taken first.
    if (site === 'same-origin') same = true;
    else if (origin !== undefined) {
      try {
        same = new URL(origin).host.toLowerCase() === (host ?? '').toLowerCase();
      } catch {
        same = false;
      }
    }
    if (!same || req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'forbidden', `cross-site ${req.method} refused: write from the same origin, or without an Origin header (curl, scripts)`);
  }
}

/** Does the client want HTML errors? Only browsers on the HTML routes: API clients always get JSON. */
function wantsHtml(req: IncomingMessage, pathname: string): boolean {
  const htmlRoute = pathname === '/' || pathname.endsWith('.html') || !pathname.startsWith('/api');
  return htmlRoute && /\btext\/html\b/.test(req.headers.accept ?? '');
}

export interface Handle {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  snapshots: Snapshots;
  /** Stop the analysis, search and report workers, if any were started. */
  close(): Promise<void>;
}

export function createHandler(store: Store, opts: ServerOptions, onError: (e: unknown) => void = () => {}): Handle {
  const snapshots = new Snapshots(store);
  // Opened on first use: a request that names no account never touches the desk's tables.
  let desk: DeskData | null = null;
  const getDesk = () => (desk ??= deskData(store));
  const limits = { writes: new RateLimiter(opts.writesPerMinute), logins: new RateLimiter(opts.loginsPerMinute) };
  // Posted documents are analysed in worker threads, off the event loop: other requests are served meanwhile.
  let analyzer: Analyzer | null = null;
  const offload = new Offload(store, opts.timeLimits, opts.offloadWorker);
  const stopReaders = readInWorkers(store, opts.readWorkers);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    const ctx: Ctx = {
      req,
      res,
      url,
      store,
      get desk() {
        return getDesk();
      },
      snapshots,
      opts,
      limits,
      identity: { account: null, via: 'anonymous' },
      param: '',
      offload,
      analyzer: () => (analyzer ??= new PooledAnalyzer({ timeoutMs: opts.timeLimits.analysisMs, niceness: WORKER_NICENESS })),
      audit: async (action, target, detail = null, why = null) => {
        await getDesk().audit({ account: ctx.identity.account?.name ?? null, action, target, detail, why, client: clientAddress(req) });
      },
    };
    const run = async () => {
      checkOrigin(req, opts);
      const found = routeFor(url.pathname);
      if (!found) throw new HttpError(404, 'not_found', `no such page: ${url.pathname.slice(0, 200)} (see /api for the routes)`);
      const { route } = found;
      ctx.param = found.param;
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const write = (WRITE_METHODS as readonly string[]).includes(method);
      const h = method === 'GET' ? route.GET : write && (!opts.readOnly || route.session) ? route[method as WriteMethod] : undefined;
      if (!h) {
        const allow = methodsOf(route, opts).join(', ');
        const refusedByReadOnly = write && route[method as WriteMethod] && opts.readOnly;
        throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here (allowed: ${allow}${refusedByReadOnly ? '; the server is read-only' : ''})`, { Allow: allow });
      }
      ctx.identity = await identify(req, getDesk);
      if (write && !route.session) {
        const account = checkWrite(req, ctx.identity, route.writeRole ?? 'editor');
        const wait = limits.writes.take(account.name);
        if (wait > 0) throw new HttpError(429, 'rate_limited', `too many writes from ${account.name}: at most ${opts.writesPerMinute} a minute; retry in ${wait} s`, { 'Retry-After': String(wait) });
      } else if (!write && !route.open) {
        checkRead(ctx.identity, opts.anonymousRead);
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
      if (err.status === 401 && wantsHtml(req, url.pathname) && req.method === 'GET') {
        // A browser on a page that needs an account goes to the sign-in page, and comes back after.
        send(res, 303, 'text/plain; charset=utf-8', 'sign in first\n', { Location: `/login?next=${encodeURIComponent(url.pathname + url.search)}` });
        return;
      }
      if (wantsHtml(req, url.pathname)) sendErrorPage(res, err);
      else sendError(res, err);
      // A refused body may still be arriving: do not read it, close the connection once answered.
      if (err.status === 413) res.on('finish', () => req.destroy());
    });
  };
  return {
    handler,
    snapshots,
    close: async () => {
      await Promise.all([analyzer?.close(), offload.close(), stopReaders()]);
    },
  };
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  maxBody: 10_000_000,
  read: DEFAULT_READ_OPTIONS,
  readOnly: false,
  allowedHosts: allowedHostsFor('127.0.0.1'),
  anonymousRead: true,
  writesPerMinute: 120,
  loginsPerMinute: 10,
  sessionTtlMs: 12 * 3600_000,
  secureCookies: true,
  timeLimits: DEFAULT_TIME_LIMITS,
  readWorkers: 0,
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
  const { handler, close } = createHandler(store, full, onError);
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
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await close();
    },
  };
}
