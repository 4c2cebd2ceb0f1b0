// The console's only way to the server: the public API with the signed-in key. Failures become
// typed errors the pages turn into messages: a problem+json answer, or no answer at all.

/** The server answered with an error (problem+json). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  /** From Retry-After on a 429: how long to wait before asking again. */
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, code: string, detail: string, retryAfterSeconds?: number) {
    super(detail);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The server could not be reached (stopped, network down). */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

type Listener = (event: 'unauthenticated' | 'offline' | 'online') => void;
const listeners = new Set<Listener>();

/** Subscribes to session-wide outcomes (key rejected, connection lost or back). */
export function onApiEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const emit = (event: Parameters<Listener>[0]) => listeners.forEach((listener) => listener(event));

interface RequestInit {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly body?: unknown;
}

/** Calls the API; resolves with the JSON body or rejects with ApiError / ConnectionError. */
export async function api<T>(key: string | null, path: string, init: RequestInit = {}): Promise<T> {
  return (await apiWithDate<T>(key, path, init)).body;
}

/** Like `api`, with the server's clock reading from the Date header (when the answer was made). */
export async function apiWithDate<T>(key: string | null, path: string, init: RequestInit = {}): Promise<{ body: T; date: string | null }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) headers['authorization'] = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  } catch {
    emit('offline');
    throw new ConnectionError('server unreachable');
  }
  emit('online');
  const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
  if (!response.ok) {
    if (response.status === 401 && key) emit('unauthenticated');
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(response.status, body.code ?? 'internal', body.detail ?? response.statusText, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  const date = response.headers.get('date');
  return { body: body as T, date: date ? new Date(date).toISOString() : null };
}
