/**
 * The HTTP side of the client: session mode, Idempotency-Key, bounded retries. Everything the browser provides
 * (fetch, timers, randomness) can be injected, so the same code runs under Node in tests.
 */
import { problemSlug, type CentraError, type Problem } from './types.js';

/**
 * An answer from the BFF. Non-2xx answers are replies too, not exceptions: Centra's errors and the BFF's problems
 * carry `bff.widgets` on cart changes, and the widget protocol must follow them. Only a network failure that
 * outlasted the retries rejects.
 */
export type Reply<T> =
  | { ok: true; status: number; body: T; headers: Headers; problem?: undefined }
  | { ok: false; status: number; body: Problem | CentraError; headers: Headers; problem: Problem | undefined };

/** Where header mode keeps Centra's token between calls (memory by default; pass one backed by storage to keep it). */
export interface TokenStore {
  get(): string | undefined;
  set(token: string): void;
}

export function memoryTokenStore(initial?: string): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (value) => {
      token = value;
    },
  };
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Longest wait honoured: a Retry-After above it is handed to the caller instead of waited for. */
  maxDelayMs: number;
  /** Wait after the first network error; doubled after each further one (capped by maxDelayMs). */
  networkDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, maxDelayMs: 5_000, networkDelayMs: 250 };

export interface ClientOptions {
  /** Where the storefront API is served (`bff.api.base-path`), absolute or relative to the page. */
  baseUrl?: string;
  /** `cookie` (default): the BFF keeps the token in an HttpOnly cookie. `header`: sent as API-Token, read from bodies. */
  session?: 'cookie' | 'header';
  /** Header mode: where the token is kept. */
  token?: TokenStore;
  /** fetch's credentials; default `include` in cookie mode (cross-origin BFFs need it), `same-origin` otherwise. */
  credentials?: RequestCredentials;
  /** Extra headers on every call, e.g. `X-BFF-Server-Key` or a forwarded `Cookie` from a server. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** A correlation id per call (sent as X-Correlation-ID), or none. */
  correlationId?: () => string | undefined;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** A fresh Idempotency-Key; default `crypto.randomUUID()`. */
  newKey?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Request {
  method: Method;
  /** Path below the base URL, segments already encoded. */
  path: string;
  query?: Record<string, string | undefined> | undefined;
  body?: unknown;
  /** Cart changes carry one; every attempt of the call sends the same. */
  idempotencyKey?: string | undefined;
  /**
   * The payment step: a 503 is retried only when Centra was not called (`circuit-open`, `payment-busy`), since the
   * BFF keeps no answer of a 5xx and Centra may have acted on a call that timed out.
   */
  paymentStep?: boolean;
  signal?: AbortSignal | undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export class Transport {
  readonly baseUrl: string;
  readonly session: 'cookie' | 'header';
  readonly token: TokenStore;
  readonly newKey: () => string;
  private readonly options: ClientOptions;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: ClientOptions = {}) {
    this.options = options;
    this.baseUrl = (options.baseUrl ?? '/api/checkout').replace(/\/+$/, '');
    this.session = options.session ?? 'cookie';
    this.token = options.token ?? memoryTokenStore();
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== 'function') throw new Error('No fetch: pass options.fetch');
    this.fetchImpl = (input, init) => f(input, init);
    this.newKey = options.newKey ?? randomKey;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  url(path: string, query?: Record<string, string | undefined>): string {
    const pairs = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    const search = pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
    return this.baseUrl + path + search;
  }

  /** Headers every call carries (session, correlation id, caller's extras). */
  headers(): Record<string, string> {
    const extra = typeof this.options.headers === 'function' ? this.options.headers() : this.options.headers;
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = this.session === 'header' ? this.token.get() : undefined;
    if (token) headers['API-Token'] = token;
    const correlationId = this.options.correlationId?.();
    if (correlationId) headers['X-Correlation-ID'] = correlationId;
    return headers;
  }

  credentials(): RequestCredentials {
    return this.options.credentials ?? (this.session === 'cookie' ? 'include' : 'same-origin');
  }

  /**
   * Sends `request`, retrying with the same Idempotency-Key after a network error, a 503 with Retry-After (not
   * `cart-operation-timeout`: the BFF asks for a read first) or a 409 `cart-busy`, within the retry policy.
   */
  async send<T>(request: Request): Promise<Reply<T>> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.retry.attempts;
      let response: Response;
      try {
        response = await this.fetchImpl(this.url(request.path, request.query), this.init(request));
      } catch (error) {
        if (last || request.signal?.aborted) throw error;
        await this.sleep(Math.min(this.retry.maxDelayMs, this.retry.networkDelayMs * 2 ** (attempt - 1)));
        continue;
      }
      const reply = await this.read<T>(response);
      const wait = last ? undefined : this.retryWait(reply, request);
      if (wait === undefined) return reply;
      await this.sleep(wait);
    }
  }

  private init(request: Request): RequestInit {
    const headers = this.headers();
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    const init: RequestInit = { method: request.method, headers, credentials: this.credentials() };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);
    if (request.signal) init.signal = request.signal;
    return init;
  }

  private async read<T>(response: Response): Promise<Reply<T>> {
    const type = response.headers.get('Content-Type') ?? '';
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON_TYPE.test(type) && text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (body && typeof body === 'object' && this.session === 'header') {
      const token = (body as { token?: unknown }).token;
      if (typeof token === 'string' && token) this.token.set(token);
    }
    if (response.ok) {
      if (body === undefined) throw new Error(`Answer ${response.status} is not JSON`);
      return { ok: true, status: response.status, body: body as T, headers: response.headers };
    }
    const problem = /problem\+json/i.test(type) && body ? (body as Problem) : undefined;
    const errorBody = (body as Problem | CentraError | undefined) ?? notJson(response.status, text);
    return { ok: false, status: response.status, body: errorBody, headers: response.headers, problem };
  }

  private retryWait(reply: Reply<unknown>, request: Request): number | undefined {
    const slug = problemSlug(reply.problem?.type);
    // A change (it carries a key) or the payment step is retried after a 503 only when Centra was not called: the
    // BFF keeps no 5xx answer under the Idempotency-Key, so after Centra timed out a retry could apply it twice.
    const changes = request.paymentStep || request.idempotencyKey !== undefined;
    const retryable =
      (reply.status === 503 &&
        slug !== 'cart-operation-timeout' &&
        (!changes || slug === 'circuit-open' || slug === 'payment-busy')) ||
      (reply.status === 409 && slug === 'cart-busy');
    if (!retryable) return undefined;
    const wait = retryAfterMs(reply.headers.get('Retry-After'));
    return wait !== undefined && wait <= this.retry.maxDelayMs ? wait : undefined;
  }
}

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function notJson(status: number, text: string): Problem {
  const detail = `The answer (status ${status}) is not JSON` + (text ? `: ${text.slice(0, 200)}` : '');
  return { type: 'about:blank', title: 'Unreadable answer', status, detail, errors: { response: detail } };
}

function randomKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Insecure contexts (plain http on another host) have no randomUUID; a key only needs to be unique per cart.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
