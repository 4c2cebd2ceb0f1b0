// How the simulated parties talk to the platform: plain fetch against its public API, each call
// with the calling party's key, exactly as an outside system would. Failures become one-line
// errors that name the call, the party and what the server said.

export interface SimApi {
  readonly baseUrl: string;
  /** Calls the API as `party` (its code, for messages) with `key`; resolves with the JSON body. */
  call<T>(party: string, key: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/** The answer of a batch endpoint: one result per item, by its index in the request, with what was created. */
export interface BatchAnswer<Created extends object = object> {
  readonly results: readonly (Partial<Created> & {
    readonly index: number;
    readonly result: 'created' | 'duplicate' | 'rejected';
    readonly error?: { readonly code: string; readonly message: string };
  })[];
}

/** Why a call failed, with the HTTP status when the server answered. */
export class SimApiError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'SimApiError';
    this.status = status;
  }
}

/** The underlying network reason of a fetch failure, e.g. ECONNREFUSED. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** An API client for the server at `baseUrl` (no trailing slash needed). */
export function createSimApi(baseUrl: string): SimApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: root,
    async call<T>(party: string, key: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      let response: Response;
      try {
        response = await fetch(`${root}${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        throw new SimApiError(`cannot reach the parcelgrid server at ${root} (${networkReason(error)}); is it running?`, null);
      }
      const text = await response.text();
      if (!response.ok) {
        const problem = safeJson(text) as { code?: string; detail?: string } | undefined;
        throw new SimApiError(`${method} ${path} as ${party} failed: ${response.status} ${problem?.code ?? ''} ${problem?.detail ?? text.slice(0, 200)}`.trim(), response.status);
      }
      return safeJson(text) as T;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items` with at most `limit` calls in flight; rejects on the first failure. */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
