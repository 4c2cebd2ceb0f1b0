// The console's only way to the server: the public API with the signed-in key. Failures become
// typed errors the pages turn into messages: a problem+json answer, or no answer at all.

/** The server answered with an error (problem+json). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, detail: string) {
    super(detail);
    this.status = status;
    this.code = code;
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

/** Calls the API; resolves with the JSON body or rejects with ApiError / ConnectionError. */
export async function api<T>(key: string | null, path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
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
    throw new ApiError(response.status, body.code ?? 'internal', body.detail ?? response.statusText);
  }
  return body as T;
}
