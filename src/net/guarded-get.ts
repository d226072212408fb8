/**
 * One guard for every URL sitrep fetches (feeds today; anything later): an http(s) GET that follows
 * redirects itself, at most `maxRedirects`, and checks every hop. The host of a URL the user gave is
 * theirs to choose (a feed on the intranet, a test server on localhost); any other host — a redirect's
 * target — must resolve only to public addresses (./address.ts): not loopback, private, link-local,
 * multicast or reserved, so a feed cannot make the watcher read a cloud metadata service or an internal
 * page and publish it. `allowPrivate` (`--allow-private`) lifts that.
 *
 * The check is made on the addresses the connection actually uses (a `lookup` hook on the socket), so a
 * name that resolves differently a second time (DNS rebinding) cannot slip past it; an IP literal is
 * checked before connecting.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { addressKind } from './address.js';

export interface GuardOptions {
  /** Host names the user gave (their URLs' hosts): reached whatever they resolve to. */
  explicitHosts: readonly string[];
  /** Reach private, loopback, link-local, multicast and reserved addresses through any host. */
  allowPrivate?: boolean;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
}

/** A refusal by the guard: a forbidden address, scheme, or too many redirects. */
export class GuardError extends Error {}

export interface GuardedResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The URL that answered (after redirects). */
  url: string;
  /** The body, decompressed. */
  body: AsyncIterable<Buffer>;
  /** Stop reading and close the connection. */
  cancel(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const hostOf = (u: URL) => u.hostname.replace(/^\[|\]$/g, '').toLowerCase();

function checkedLookup(host: string): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      const bad = addresses.find((a) => addressKind(a.address) !== 'public');
      if (bad) return callback(new GuardError(`${host} resolves to a ${addressKind(bad.address)} address (${bad.address}); refused (--allow-private allows it)`));
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as unknown as LookupFunction;
}

function once(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined, guarded: boolean): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const host = hostOf(url);
    if (guarded && isIP(host)) {
      const kind = addressKind(host);
      if (kind !== 'public') return reject(new GuardError(`${host} is a ${kind} address; refused (--allow-private allows it)`));
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', headers, signal, ...(guarded ? { lookup: checkedLookup(host) } : {}) }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: IncomingMessage): AsyncIterable<Buffer> {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** GET `url`, following redirects under the guard. Rejects with a GuardError when a hop is refused. */
export async function guardedGet(url: string, headers: Record<string, string>, guard: GuardOptions, signal?: AbortSignal): Promise<GuardedResponse> {
  const explicit = new Set(guard.explicitHosts.map((h) => h.replace(/^\[|\]$/g, '').toLowerCase()));
  const max = guard.maxRedirects ?? 5;
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new GuardError(`${current.protocol} URLs are not fetched (http and https only)`);
    const guarded = !guard.allowPrivate && !explicit.has(hostOf(current));
    const res = await once(current, { 'Accept-Encoding': 'gzip, deflate, br', ...headers }, signal, guarded);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECTS.has(status) && location) {
      res.resume();
      if (hop >= max) throw new GuardError(`more than ${max} redirects`);
      current = new URL(location, current);
      continue;
    }
    return {
      status,
      statusText: res.statusMessage ?? '',
      headers: res.headers,
      url: current.href,
      body: decoded(res),
      cancel: () => res.destroy(),
    };
  }
}
