/** Test doubles for everything the browser provides: fetch, the page, EventSource and timers. */
import { readFileSync } from 'node:fs';
import type { EventSourceFactory, EventSourceLike, Timers, WidgetHost, WidgetKind } from '../dist/index.js';

/** A recorded answer of the BFF (test/fixtures/*.json). */
export interface Recorded {
  request: string;
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function fixture(name: string): Recorded {
  return JSON.parse(readFileSync(new URL(`../test/fixtures/${name}.json`, import.meta.url), 'utf8')) as Recorded;
}

export interface RecordedEvent {
  event: string;
  id?: string;
  data: unknown;
}

export function recordedEvents(name: string): RecordedEvent[] {
  const file = JSON.parse(readFileSync(new URL(`../test/fixtures/${name}.json`, import.meta.url), 'utf8'));
  return (file as { events: RecordedEvent[] }).events;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** What the fake server does with one request: answer with a recording (by name or value), or fail the network. */
export type Step = string | Recorded | { network: string } | ((request: SentRequest) => Recorded | Promise<Recorded>);

/** A fetch that answers each call with the next step and records what was sent (also into `log`). */
export function fakeFetch(steps: Step[], log: string[] = []) {
  const sent: SentRequest[] = [];
  const queue = [...steps];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const request: SentRequest = {
      method: init.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    sent.push(request);
    log.push(`fetch ${request.method} ${request.url}`);
    const step = queue.shift();
    if (step === undefined) throw new Error(`No answer scripted for ${request.method} ${request.url}`);
    if (typeof step === 'object' && 'network' in step) throw new TypeError(step.network);
    const recorded = typeof step === 'string' ? fixture(step) : typeof step === 'function' ? await step(request) : step;
    return new Response(JSON.stringify(recorded.body), { status: recorded.status, headers: recorded.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, remaining: () => queue.length };
}

/** The page: every widget call lands in `log`, in order. */
export class FakeHost implements WidgetHost {
  readonly log: string[];
  totalPrice: number | undefined;
  /** Set to false to simulate a page where the CheckoutScript has not run. */
  scriptLoaded = true;
  private listener: ((detail: unknown) => void) | undefined;

  constructor(log: string[] = []) {
    this.log = log;
  }

  centraCheckout() {
    if (!this.scriptLoaded) return undefined;
    return {
      suspend: () => void this.log.push('suspend'),
      resume: (arg?: unknown) => void this.log.push(`resume ${JSON.stringify(arg ?? null)}`),
    };
  }

  setTotalPrice(value: number): void {
    this.totalPrice = value;
    this.log.push(`totalPrice ${value}`);
  }

  injectScript(): void {
    this.log.push('inject script');
  }

  replaceSnippet(kind: WidgetKind): void {
    this.log.push(`replace ${kind}`);
  }

  reload(): void {
    this.log.push('reload');
  }

  onCallback(listener: (detail: unknown) => void): () => void {
    this.listener = listener;
    return () => {
      this.listener = undefined;
    };
  }

  /** The CheckoutScript emitting an event: it suspends itself, then dispatches. */
  emit(detail: unknown): void {
    this.listener?.(detail);
  }
}

export class FakeEventSource implements EventSourceLike {
  readonly url: string;
  readonly init: Parameters<EventSourceFactory>[1];
  closed = false;
  private readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();

  constructor(url: string, init: Parameters<EventSourceFactory>[1]) {
    this.url = url;
    this.init = init;
  }

  static factory(): { open: EventSourceFactory; opened: FakeEventSource[] } {
    const opened: FakeEventSource[] = [];
    return {
      opened,
      open: (url, init) => {
        const source = new FakeEventSource(url, init);
        opened.push(source);
        return source;
      },
    };
  }

  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(event: string, data: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener({ data: JSON.stringify(data) });
  }

  fail(): void {
    for (const listener of this.listeners.get('error') ?? []) listener({});
  }
}

export class FakeTimers implements Timers {
  readonly pending: { callback: () => void; ms: number; handle: number }[] = [];
  private next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.push({ callback, ms, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    const index = this.pending.findIndex((t) => t.handle === handle);
    if (index >= 0) this.pending.splice(index, 1);
  }

  /** Runs the earliest timer; returns its delay. */
  fire(): number {
    const timer = this.pending.shift();
    if (!timer) throw new Error('No timer pending');
    timer.callback();
    return timer.ms;
  }
}

/** A storage shared by two "pages" (sessionStorage survives a reload). */
export function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

/** Lets pending promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
