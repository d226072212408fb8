import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pipeline } from '../core/pipeline.js';
import type { ReadOptions } from '../ingest/read.js';
import type { Store } from '../store/types.js';

/** How a server behaves; `sitrep serve` fills it from its options. */
export interface ServerOptions {
  /** Largest request body accepted by POST /api/documents, in bytes. */
  maxBody: number;
  /** Read limits for posted documents (--max-chars, --max-bytes), as `sitrep ingest`. */
  read: ReadOptions;
  /** Refuse POST /api/documents (405): a server others can reach but not write to. */
  readOnly: boolean;
  /**
   * Host names (without port) the Host header may carry, or null to accept any. A server bound to a loopback
   * address accepts only loopback names, so a web page cannot reach it through DNS rebinding.
   */
  allowedHosts: readonly string[] | null;
}

/** What a route handler gets. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  store: Store;
  opts: ServerOptions;
  /** The analysis pipeline, built on first use (loading the language model takes a moment). */
  pipeline(): Pipeline;
}
