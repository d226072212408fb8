/**
 * Query parameters: each route names the ones it takes. An unknown or repeated parameter is a 400 (a typo
 * like `?sinse=` would otherwise be silently ignored), except names starting with `_` (cache busters).
 */
import { HttpError } from './http.js';

export type Params = Record<string, string | undefined>;

export function readParams(search: URLSearchParams, allowed: readonly string[]): Params {
  const out: Params = {};
  for (const [k, v] of search) {
    if (k.startsWith('_')) continue;
    if (!allowed.includes(k)) {
      throw new HttpError(400, 'usage', `unknown parameter ${JSON.stringify(k.slice(0, 40))}${allowed.length ? ` (this route takes: ${allowed.join(', ')})` : ' (this route takes none)'}`);
    }
    if (out[k] !== undefined) throw new HttpError(400, 'usage', `parameter ${k} given twice`);
    out[k] = v;
  }
  return out;
}

/** A non-negative integer parameter within [min, max], or the fallback when absent. */
export function intParam(p: Params, name: string, fallback: number, min: number, max: number): number {
  const v = p[name];
  if (v === undefined) return fallback;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new HttpError(400, 'usage', `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(v.slice(0, 40))}`);
  }
  return Number(v);
}
