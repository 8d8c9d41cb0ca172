/**
 * The HTTP side of the client: session mode, Idempotency-Key, bounded retries. Everything the browser provides
 * (fetch, timers, randomness) can be injected, so the same code runs under Node in tests.
 */
import { problemSlug } from './types.js';
export function memoryTokenStore(initial) {
    let token = initial;
    return {
        get: () => token,
        set: (value) => {
            token = value;
        },
    };
}
export const DEFAULT_RETRY = { attempts: 3, maxDelayMs: 5_000, networkDelayMs: 250 };
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
export class Transport {
    baseUrl;
    session;
    token;
    newKey;
    options;
    retry;
    fetchImpl;
    sleep;
    constructor(options = {}) {
        this.options = options;
        this.baseUrl = (options.baseUrl ?? '/api/checkout').replace(/\/+$/, '');
        this.session = options.session ?? 'cookie';
        this.token = options.token ?? memoryTokenStore();
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        const f = options.fetch ?? globalThis.fetch;
        if (typeof f !== 'function')
            throw new Error('No fetch: pass options.fetch');
        this.fetchImpl = (input, init) => f(input, init);
        this.newKey = options.newKey ?? randomKey;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }
    url(path, query) {
        const pairs = Object.entries(query ?? {}).filter((e) => e[1] !== undefined);
        const search = pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
        return this.baseUrl + path + search;
    }
    /** Headers every call carries (session, correlation id, caller's extras). */
    headers() {
        const extra = typeof this.options.headers === 'function' ? this.options.headers() : this.options.headers;
        const headers = { Accept: 'application/json', ...extra };
        const token = this.session === 'header' ? this.token.get() : undefined;
        if (token)
            headers['API-Token'] = token;
        const correlationId = this.options.correlationId?.();
        if (correlationId)
            headers['X-Correlation-ID'] = correlationId;
        return headers;
    }
    credentials() {
        return this.options.credentials ?? (this.session === 'cookie' ? 'include' : 'same-origin');
    }
    /**
     * Sends `request`, retrying with the same Idempotency-Key after a network error, a 503 with Retry-After (not
     * `cart-operation-timeout`: the BFF asks for a read first) or a 409 `cart-busy`, within the retry policy.
     */
    async send(request) {
        for (let attempt = 1;; attempt++) {
            const last = attempt >= this.retry.attempts;
            let response;
            try {
                response = await this.fetchImpl(this.url(request.path, request.query), this.init(request));
            }
            catch (error) {
                if (last || request.signal?.aborted)
                    throw error;
                await this.sleep(Math.min(this.retry.maxDelayMs, this.retry.networkDelayMs * 2 ** (attempt - 1)));
                continue;
            }
            const reply = await this.read(response);
            const wait = last ? undefined : this.retryWait(reply, request);
            if (wait === undefined)
                return reply;
            await this.sleep(wait);
        }
    }
    init(request) {
        const headers = this.headers();
        if (request.body !== undefined)
            headers['Content-Type'] = 'application/json';
        if (request.idempotencyKey)
            headers['Idempotency-Key'] = request.idempotencyKey;
        const init = { method: request.method, headers, credentials: this.credentials() };
        if (request.body !== undefined)
            init.body = JSON.stringify(request.body);
        if (request.signal)
            init.signal = request.signal;
        return init;
    }
    async read(response) {
        const type = response.headers.get('Content-Type') ?? '';
        const text = await response.text();
        let body;
        try {
            body = JSON_TYPE.test(type) && text ? JSON.parse(text) : undefined;
        }
        catch {
            body = undefined;
        }
        if (body && typeof body === 'object' && this.session === 'header') {
            const token = body.token;
            if (typeof token === 'string' && token)
                this.token.set(token);
        }
        if (response.ok) {
            if (body === undefined)
                throw new Error(`Answer ${response.status} is not JSON`);
            return { ok: true, status: response.status, body: body, headers: response.headers };
        }
        const problem = /problem\+json/i.test(type) && body ? body : undefined;
        const errorBody = body ?? notJson(response.status, text);
        return { ok: false, status: response.status, body: errorBody, headers: response.headers, problem };
    }
    retryWait(reply, request) {
        const slug = problemSlug(reply.problem?.type);
        // A change (it carries a key) or the payment step is retried after a 503 only when Centra was not called: the
        // BFF keeps no 5xx answer under the Idempotency-Key, so after Centra timed out a retry could apply it twice.
        const changes = request.paymentStep || request.idempotencyKey !== undefined;
        const retryable = (reply.status === 503 &&
            slug !== 'cart-operation-timeout' &&
            (!changes || slug === 'circuit-open' || slug === 'payment-busy')) ||
            (reply.status === 409 && slug === 'cart-busy');
        if (!retryable)
            return undefined;
        const wait = retryAfterMs(reply.headers.get('Retry-After'));
        return wait !== undefined && wait <= this.retry.maxDelayMs ? wait : undefined;
    }
}
/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\s*\d+\s*$/.test(value))
        return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function notJson(status, text) {
    const detail = `The answer (status ${status}) is not JSON` + (text ? `: ${text.slice(0, 200)}` : '');
    return { type: 'about:blank', title: 'Unreadable answer', status, detail, errors: { response: detail } };
}
function randomKey() {
    const c = globalThis.crypto;
    if (c && typeof c.randomUUID === 'function')
        return c.randomUUID();
    // Insecure contexts (plain http on another host) have no randomUUID; a key only needs to be unique per cart.
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
