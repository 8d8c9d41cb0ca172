/**
 * The subscription to `GET /selection/events`. A browser's EventSource retries on its own after a dropped
 * connection, but gives up for good on an HTTP error (404 `no-selection` before the first cart change, 429
 * `too-many-streams`, a 503 from a proxy). So every error closes the source and this class opens a new one after an
 * exponential back-off with jitter; the first event of each connection is a `snapshot`, which resets the back-off.
 */
import type { SelectionEventData, SelectionEventName } from './types.js';

/** The part of EventSource this client uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/**
 * Opens an event source. The browser's EventSource cannot send headers: in header mode pass a factory of a
 * polyfill that does (`init.headers` carries API-Token).
 */
export type EventSourceFactory = (
  url: string,
  init: { withCredentials: boolean; headers: Record<string, string> },
) => EventSourceLike;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackOff {
  /** First wait after an error. */
  initialMs: number;
  /** Longest wait. */
  maxMs: number;
}

export const DEFAULT_BACK_OFF: BackOff = { initialMs: 1_000, maxMs: 30_000 };

export const SELECTION_EVENTS: readonly SelectionEventName[] = [
  'snapshot',
  'suspend',
  'resume',
  'replace',
  'reload',
  'payment-lock',
  'payment-unlock',
];

export type SelectionEventHandler = <N extends SelectionEventName>(name: N, data: SelectionEventData<N>) => void;

export interface CartStreamOptions {
  url: string;
  open: EventSourceFactory;
  withCredentials: boolean;
  headers: () => Record<string, string>;
  onEvent: SelectionEventHandler;
  /** Told of every error and of each reconnection delay chosen. */
  onError?: (error: unknown, retryInMs: number) => void;
  backOff?: Partial<BackOff>;
  timers?: Timers;
  random?: () => number;
}

export class CartStream {
  private readonly options: CartStreamOptions;
  private readonly backOff: BackOff;
  private readonly timers: Timers;
  private readonly random: () => number;
  private source: EventSourceLike | undefined;
  private timer: unknown;
  private failures = 0;
  private closed = true;

  constructor(options: CartStreamOptions) {
    this.options = options;
    this.backOff = { ...DEFAULT_BACK_OFF, ...options.backOff };
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    };
    this.random = options.random ?? Math.random;
  }

  get open(): boolean {
    return !this.closed;
  }

  start(): void {
    if (!this.closed) return;
    this.closed = false;
    this.connect();
  }

  stop(): void {
    this.closed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.source?.close();
    this.source = undefined;
  }

  /** The wait before reconnection attempt `failures` (1, 2, …): doubling, capped, with 50–100 % jitter. */
  delay(failures: number): number {
    const ceiling = Math.min(this.backOff.maxMs, this.backOff.initialMs * 2 ** (failures - 1));
    return Math.round(ceiling * (0.5 + this.random() / 2));
  }

  private connect(): void {
    this.timer = undefined;
    const { url, open, withCredentials, headers } = this.options;
    const source = open(url, { withCredentials, headers: headers() });
    this.source = source;
    for (const name of SELECTION_EVENTS) {
      source.addEventListener(name, (event) => {
        if (this.source !== source) return;
        if (name === 'snapshot') this.failures = 0;
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch (error) {
          this.options.onError?.(error, 0);
          return;
        }
        this.options.onEvent(name, data as SelectionEventData<typeof name>);
      });
    }
    source.addEventListener('error', (error) => {
      if (this.source !== source || this.closed) return;
      source.close();
      this.source = undefined;
      this.failures++;
      const wait = this.delay(this.failures);
      this.options.onError?.(error, wait);
      this.timer = this.timers.setTimeout(() => this.connect(), wait);
    });
  }
}
