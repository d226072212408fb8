/**
 * The HTTP plumbing of `sitrep serve`: the one error shape, security headers, JSON and HTML responses, and
 * reading a request body under a size limit. Nothing here knows about reports or documents.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonError, type ErrorCode } from '../cli/command.js';
import { escapeHtml } from '../report/escape.js';

/** The CLI's error codes serve HTTP too: 400 is `usage`, like a bad CLI option; 404 `not_found`; 500 `internal`. */
export type HttpErrorCode = ErrorCode;

/** A failure with its HTTP status; anything else thrown by a route is a 500 `internal`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    /** Extra response headers (Allow on 405). */
    readonly headers: Record<string, string> = {},
    /** Extra top-level fields next to `error` (the per-document failures of a POST that stored nothing). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The one error shape, `{"error": {"code", "message"}}`: the CLI's own. */
export const errorJson = jsonError;

/** Headers every response carries: no MIME sniffing, no referrer, never framed, never cached by proxies. */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** For responses that are not pages (JSON, CSV): a policy under which nothing in them could run. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Security-Policy': NON_PAGE_CSP,
    ...headers,
    'Content-Type': type,
    'Content-Length': String(buf.length),
  });
  res.end(buf);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2) + '\n', headers);
}

/** A random CSP nonce for one response. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** A page: `csp` is its whole Content-Security-Policy (frame-ancestors is added: meta tags cannot say it). */
export function sendHtml(res: ServerResponse, status: number, html: string, csp: string, headers: Record<string, string> = {}): void {
  const policy = /frame-ancestors/.test(csp) ? csp : `${csp}; frame-ancestors 'none'`;
  send(res, status, 'text/html; charset=utf-8', html, { ...headers, 'Content-Security-Policy': policy });
}

export function sendError(res: ServerResponse, e: HttpError): void {
  send(res, e.status, 'application/json; charset=utf-8', errorJson(e.code, e.message, e.extra) + '\n', e.headers);
}

/** A minimal error page for the HTML routes: the message escaped, a style under a nonce, nothing else. */
export function sendErrorPage(res: ServerResponse, e: HttpError): void {
  const nonce = newNonce();
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e.status} — sitrep</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}code{color:#666}</style></head>
<body><h1>${e.status}</h1><p>${escapeHtml(e.message)}</p><p><code>${escapeHtml(e.code)}</code> · <a href="/">situation report</a></p></body></html>
`;
  sendHtml(res, e.status, html, `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`, e.headers);
}

/**
 * The request body, up to `limit` bytes. A declared Content-Length over the limit is refused before
 * reading; a body that grows past it while streaming is refused as soon as it does (413 `too_large`).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    throw new HttpError(413, 'too_large', `request body too large (${declared} bytes; limit ${limit}, see --max-body)`, { Connection: 'close' });
  }
  // Events rather than `for await`: leaving a for-await loop destroys the socket, and the 413 could not be sent.
  return new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (b: Buffer) => {
      size += b.length;
      if (size > limit) {
        done();
        req.pause();
        reject(new HttpError(413, 'too_large', `request body too large (more than ${limit} bytes, see --max-body)`, { Connection: 'close' }));
        return;
      }
      parts.push(b);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(parts));
    };
    const onError = (e: Error) => {
      done();
      reject(new HttpError(400, 'usage', `the request body could not be read: ${e.message}`));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The media type of a request, lower case, without parameters ("text/html; charset=utf-8" → "text/html"). */
export function mediaType(req: IncomingMessage): string | null {
  const t = req.headers['content-type'];
  if (!t) return null;
  return t.split(';')[0]!.trim().toLowerCase() || null;
}
