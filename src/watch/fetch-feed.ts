/**
 * Fetching a feed over http(s) for `sitrep watch`: a conditional GET (ETag, Last-Modified) so an unchanged
 * feed costs one small response, a time limit on the whole exchange, and a size limit enforced while the
 * body streams in (a server that lies about Content-Length, or sends none, is cut off at the limit).
 */

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
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (e) {
    throw new FetchError(timeout.aborted ? `no answer within ${opts.timeoutMs / 1000} s` : `cannot fetch (${causeOf(e)})`);
  }
  try {
    if (res.status === 304) return { kind: 'unchanged' };
    if (!res.ok) throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) throw new FetchError(`feed too large (${declared} bytes; limit ${opts.maxBytes}, see --max-bytes)`);
    const parts: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.length;
        if (size > opts.maxBytes) throw new FetchError(`feed too large (more than ${opts.maxBytes} bytes, see --max-bytes)`);
        parts.push(chunk);
      }
    }
    const state: FetchState = {};
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (etag) state.etag = etag;
    if (lastModified) state.lastModified = lastModified;
    return { kind: 'body', bytes: Buffer.concat(parts), state };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(timeout.aborted ? `no complete answer within ${opts.timeoutMs / 1000} s` : `cannot read the response (${causeOf(e)})`);
  } finally {
    // Release the connection whatever happened (a body left unread would keep it open).
    if (res.body && !res.bodyUsed) await res.body.cancel().catch(() => {});
  }
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}
