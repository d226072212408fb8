import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Analyzer } from '../analyze/analyzer.js';
import type { DeskData } from '../desk/types.js';
import type { ReadOptions } from '../ingest/read.js';
import type { Store } from '../store/types.js';
import type { Identity } from './auth.js';
import type { RateLimiter } from './rate-limit.js';
import type { Snapshots } from './snapshot.js';
import type { Offload, TimeLimits } from './offload.js';

/** How a server behaves; `sitrep serve` fills it from its options. */
export interface ServerOptions {
  /** Largest request body accepted by POST /api/documents, in bytes. */
  maxBody: number;
  /** Read limits for posted documents (--max-chars, --max-bytes), as `sitrep ingest`. */
  read: ReadOptions;
  /** Refuse every write but signing in and out (405): a server others can reach but not change. */
  readOnly: boolean;
  /**
   * Host names (without port) the Host header may carry, or null to accept any. A server bound to a loopback
   * address accepts only loopback names, so a web page cannot reach it through DNS rebinding.
   */
  allowedHosts: readonly string[] | null;
  /** Whether reading needs no account (`--anonymous-read on|off`). Writes always need one. */
  anonymousRead: boolean;
  /** Writes per minute and account (0: no limit); failed sign-ins per minute and client address. */
  writesPerMinute: number;
  loginsPerMinute: number;
  /** How long a browser session lasts. */
  sessionTtlMs: number;
  /** Mark the session cookie Secure (browsers then send it only over https, or to localhost). */
  secureCookies: boolean;
  /** Time limits of searches, reports and the analysis of a posted document (./offload.ts). */
  timeLimits: TimeLimits;
  /**
   * Worker threads that read the desk's events (src/desk/read-pool.ts), each with a read-only connection
   * of its own to a SQLite file: reads use every core and do not block the event loop. 0: read on the
   * store's own connection.
   */
  readWorkers: number;
  /** The worker script for searches and reports (tests only; default ./offload-worker.ts). */
  offloadWorker?: URL;
}

/** What a route handler gets. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  store: Store;
  desk: DeskData;
  snapshots: Snapshots;
  opts: ServerOptions;
  /** Who is asking (./auth.ts). */
  identity: Identity;
  /** The rest of the path after a route's prefix, still percent-encoded (`/api/events/:id` gives the id). */
  param: string;
  limits: { writes: RateLimiter; logins: RateLimiter };
  /** Searches and reports, in worker threads under time limits (./offload.ts). */
  offload: Offload;
  /** Where posted documents are analysed: worker threads, started on first use (each loads the models once). */
  analyzer(): Analyzer;
  /** Record a write in the audit log, with the request's account and address. */
  audit(action: string, target: string | null, detail?: unknown, why?: string | null): Promise<void>;
}
