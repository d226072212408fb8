/** The API, from the page: same origin, JSON, the CSRF token on every write made with the session cookie. */
export interface Session {
  account: { name: string; role: 'viewer' | 'editor' | 'admin' } | null;
  via: string;
  csrf: string | null;
  anonymousRead: boolean;
  readOnly: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let session: Session | null = null;

export async function loadSession(): Promise<Session> {
  session = await get<Session>('/api/session');
  return session;
}

export const currentSession = () => session;

export const canEdit = () => !!session?.account && session.account.role !== 'viewer' && !session.readOnly;

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'internal', `the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string } })?.error;
    throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export async function get<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
}

export async function send<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session?.csrf) headers['X-CSRF-Token'] = session.csrf;
  return answer<T>(await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' }));
}

export async function signOut(): Promise<void> {
  await send('POST', '/api/logout');
  await loadSession();
}
