/** Small request bodies for the desk's own writes: JSON objects and HTML forms, under a size limit. */
import type { IncomingMessage } from 'node:http';
import { HttpError, mediaType, readBody } from './http.js';

const SMALL_BODY = 256 * 1024;

/** The body as a JSON object, or as the fields of a urlencoded form when `form` is allowed. */
export async function readObject(req: IncomingMessage, opts: { form?: boolean; limit?: number } = {}): Promise<{ value: Record<string, unknown>; form: boolean }> {
  const type = mediaType(req);
  const isForm = type === 'application/x-www-form-urlencoded';
  if (type !== 'application/json' && !(opts.form && isForm)) {
    throw new HttpError(415, 'unsupported_media_type', `send application/json${opts.form ? ' or a form (application/x-www-form-urlencoded)' : ''}, not ${type ? JSON.stringify(type.slice(0, 60)) : 'a body without a Content-Type'}`);
  }
  const body = (await readBody(req, opts.limit ?? SMALL_BODY)).toString('utf8');
  if (isForm) return { value: Object.fromEntries(new URLSearchParams(body)), form: true };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new HttpError(400, 'usage', `invalid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'usage', 'the body must be a JSON object');
  return { value: value as Record<string, unknown>, form: false };
}

/** An optional string field, trimmed; a 400 when it is there but not a string or too long. */
export function stringField(o: Record<string, unknown>, name: string, max = 2000): string | undefined {
  const v = o[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'usage', `${name} must be a string`);
  if (v.length > max) throw new HttpError(400, 'usage', `${name} is too long (${v.length} characters; at most ${max})`);
  return v.trim();
}
