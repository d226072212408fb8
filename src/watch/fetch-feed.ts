/**
 * Fetching a feed over http(s) for `sitrep watch`: a conditional GET (ETag, Last-Modified) so an unchanged
 * feed costs one small response, a time limit on the whole exchange, and a size limit enforced while the
 * body streams in, decompressed (a server that lies about Content-Length, or sends none, is cut off at the
 * limit). Every hop goes through the fetch guard (src/net/guarded-get.ts): a redirect cannot lead to a
 * loopback, private, link-local, multicast or reserved address unless `allowPrivate`.
 */
import { GuardError, guardedGet, type GuardedResponse } from '../net/guarded-get.js';

export interface FetchState {
  etag?: string;
  lastModified?: string;
}

export type FetchResult = { kind: 'unchanged' } | { kind: 'body'; bytes: Buffer; state: FetchState };

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Aborts the fetch when the watch stops. */
  signal?: AbortSignal;
  /** Follow redirects (and host names) to private, loopback and other non-public addresses (--allow-private). */
  allowPrivate?: boolean;
}

export class FetchError extends Error {}

export function isFeedUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export async function fetchFeed(url: string, prev: FetchState, opts: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'User-Agent': 'sitrep-watch (a crisis news desk polling this feed)',
    Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, application/x-ndjson;q=0.8, */*;q=0.5',
  };
  if (prev.etag) headers['If-None-Match'] = prev.etag;
  if (prev.lastModified) headers['If-Modified-Since'] = prev.lastModified;
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  let res: GuardedResponse;
  try {
    // The feed's own host is the user's choice; where it redirects to is checked.
    res = await guardedGet(url, headers, { explicitHosts: [new URL(url).hostname], allowPrivate: opts.allowPrivate === true }, signal);
  } catch (e) {
    if (e instanceof GuardError) throw new FetchError(e.message);
    throw new FetchError(timeout.aborted ? `no answer within ${opts.timeoutMs / 1000} s` : `cannot fetch (${causeOf(e)})`);
  }
  try {
    if (res.status === 304) return { kind: 'unchanged' };
    if (res.status < 200 || res.status > 299) throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (!res.headers['content-encoding'] && declared > opts.maxBytes) throw new FetchError(`feed too large (${declared} bytes; limit ${opts.maxBytes}, see --max-bytes)`);
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > opts.maxBytes) throw new FetchError(`feed too large (more than ${opts.maxBytes} bytes, see --max-bytes)`);
      parts.push(chunk);
    }
    const state: FetchState = {};
    const etag = res.headers.etag;
    const lastModified = res.headers['last-modified'];
    if (etag) state.etag = etag;
    if (lastModified) state.lastModified = lastModified;
    return { kind: 'body', bytes: Buffer.concat(parts), state };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(timeout.aborted ? `no complete answer within ${opts.timeoutMs / 1000} s` : `cannot read the response (${causeOf(e)})`);
  } finally {
    // Release the connection whatever happened (a body left unread would keep it open).
    res.cancel();
  }
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}
