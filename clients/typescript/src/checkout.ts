/**
 * The checkout widget protocol, implemented once (README "Checkout widgets"). While Klarna Checkout, Qliro One or
 * Ingrid is active, the widgets must be suspended before every cart change and resumed after it, or the shopper
 * pays a stale total. The BFF orders the changes and says what to do in `bff.widgets`; this class does it:
 *
 * - changes run one at a time (like the BFF's lane), each with its own Idempotency-Key, retried with the same key;
 * - before a change, `CentraCheckout.suspend()` when the last applied answer says widgets are active;
 * - after the answer, success or error: `after` in order, then `replace`, then `reinit`;
 * - an answer (or event) older than the applied `cartVersion` is ignored;
 * - `centra_checkout_callback` details go to `PUT /payment-fields` verbatim, without a suspend;
 * - other tabs' changes arrive over Server-Sent Events and are applied here too.
 *
 * Suspend and resume are idempotent here: the class remembers whether it suspended the widgets and never suspends
 * twice (an extra suspend hangs Klarna) nor resumes what it did not suspend.
 */
import { createApi, type Api, type CallInfo } from './api.js';
import { browserHost, type WidgetHost } from './host.js';
import { Transport, type ClientOptions, type Reply } from './http.js';
import {
  CartStream,
  type BackOff,
  type EventSourceFactory,
  type EventSourceLike,
  type SelectionEventHandler,
  type Timers,
} from './stream.js';
import type { PaymentFields, SelectionAnswer, SelectionEventData, WidgetKind, WidgetsBlock } from './types.js';

/** Survives a page reload (sessionStorage in a browser): remembers which widget order a reload was spent on. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface CheckoutOptions extends ClientOptions {
  /** The page; default `browserHost()` (window and document). */
  host?: WidgetHost;
  /**
   * Opens the event stream; default the browser's EventSource in cookie mode. `false`: no stream. The browser's
   * EventSource cannot send API-Token, so header mode needs a factory of a polyfill that sends `init.headers`.
   */
  eventSource?: EventSourceFactory | false;
  stream?: { backOff?: Partial<BackOff>; timers?: Timers; random?: () => number };
  /** Default sessionStorage, else memory. */
  storage?: KeyValueStore;
  /** Read the selection again when another tab changed the cart (default true). */
  refreshOnRemoteChange?: boolean;
  /** Every applied answer that carries a selection (never a stale one): render the cart here. */
  onSelection?: (answer: SelectionAnswer) => void;
  /** Every applied `bff.widgets` block. */
  onWidgets?: (widgets: WidgetsBlock) => void;
  /** The payment lock changed (cart changes get 409 while locked). */
  onPaymentLock?: (locked: boolean, reason?: string) => void;
  /** Failures that have no caller to reject: the event stream, the callback bridge, background refreshes. */
  onError?: (error: unknown) => void;
}

type Data<N extends Parameters<SelectionEventHandler>[0]> = SelectionEventData<N>;

const REINIT_KEY = 'centra-bff:reinit:';

export class Checkout {
  /** Every endpoint; cart changes made through it follow the widget protocol. */
  readonly api: Api;
  private readonly raw: Api;
  private readonly transport: Transport;
  private readonly options: CheckoutOptions;
  private readonly host: WidgetHost;
  private readonly storage: KeyValueStore;
  private readonly swapped = new Map<WidgetKind, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private version = -1;
  private widgets: WidgetsBlock | undefined;
  private suspended = false;
  private inFlight = 0;
  private locked = false;
  private scriptInjected = false;
  private refreshing: Promise<unknown> | undefined;
  private stream: CartStream | undefined;
  private unlisten: (() => void) | undefined;

  constructor(options: CheckoutOptions = {}) {
    this.options = options;
    this.transport = new Transport(options);
    this.raw = createApi(this.transport);
    this.api = createApi(this.transport, (info, send) => this.around(info, send));
    this.host = options.host ?? browserHost();
    this.storage = options.storage ?? defaultStorage();
  }

  /** The highest `cartVersion` applied so far (-1 before the first answer). */
  get cartVersion(): number {
    return this.version;
  }

  /** The last applied `bff.widgets` block. */
  get lastWidgets(): WidgetsBlock | undefined {
    return this.widgets;
  }

  /** Whether this page has the widgets suspended (by itself, or the CheckoutScript for a pending widget event). */
  get isSuspended(): boolean {
    return this.suspended;
  }

  get paymentLocked(): boolean {
    return this.locked;
  }

  /** Reads the selection, listens for `centra_checkout_callback` and opens the event stream. */
  async start(): Promise<Reply<SelectionAnswer>> {
    this.unlisten ??= this.host.onCallback((detail) => {
      this.forwardWidgetEvent(detail).catch((error: unknown) => this.options.onError?.(error));
    });
    const reply = await this.api.getSelection();
    this.subscribe();
    return reply;
  }

  stop(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    this.stream?.stop();
  }

  /** Opens the event stream (done by `start`); the BFF answers 404 until the caller has a cart, so it retries. */
  subscribe(): void {
    if (this.stream) return this.stream.start();
    const open = this.options.eventSource ?? (this.transport.session === 'cookie' ? browserEventSource() : undefined);
    if (!open) return;
    this.stream = new CartStream({
      url: this.transport.url('/selection/events'),
      open,
      withCredentials: this.transport.credentials() === 'include',
      headers: () => ({ ...this.transport.headers(), Accept: 'text/event-stream' }),
      onEvent: this.onEvent,
      onError: (error) => this.options.onError?.(error),
      ...this.options.stream,
    });
    this.stream.start();
  }

  /**
   * The callback bridge: the CheckoutScript suspended itself before it emitted the event, so the detail goes to
   * `PUT /payment-fields` verbatim without a suspend, and the answer's resume carries the event's `suspendIgnore`.
   */
  forwardWidgetEvent(detail: unknown): Promise<Reply<SelectionAnswer>> {
    const suspendIgnore =
      (detail as { additionalFields?: { suspendIgnore?: unknown } } | null)?.additionalFields?.suspendIgnore ?? null;
    return this.enqueue(() =>
      this.change(() => this.raw.updatePaymentFields(detail as PaymentFields), { suspendIgnore }),
    );
  }

  private around<T>(info: CallInfo, send: () => Promise<Reply<T>>): Promise<Reply<T>> {
    switch (info.kind) {
      case 'read':
        return send();
      case 'selection':
      case 'signal':
        return send().then((reply) => {
          this.apply(reply.body);
          return reply;
        });
      case 'change':
        return this.enqueue(() => this.change(send));
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async change<T>(send: () => Promise<Reply<T>>, widgetEvent?: { suspendIgnore: unknown }): Promise<Reply<T>> {
    let ours: boolean;
    if (widgetEvent) {
      this.suspended = true;
      ours = true;
    } else {
      ours = this.widgetsActive() && this.suspend();
    }
    this.inFlight++;
    try {
      const reply = await send();
      this.apply(reply.body);
      return reply;
    } finally {
      this.inFlight--;
      // Whatever the answer was (stale, a problem without bff.widgets, no answer at all), widgets this change
      // suspended are not left suspended: Klarna would resume on its own only after about ten seconds.
      if (ours && this.suspended) this.resume(widgetEvent ? widgetEvent.suspendIgnore : null);
    }
  }

  /**
   * Whether the next change must suspend. `before: "suspend"` says so, but the answer to `PUT /payment-fields`
   * never carries `before` (the script suspends itself for widget events) although the widgets stay active, so
   * the active list decides too: the BFF sets `before` exactly when it is not empty.
   */
  private widgetsActive(): boolean {
    return !!this.widgets && (this.widgets.before === 'suspend' || this.widgets.active.length > 0);
  }

  private suspend(): boolean {
    const centra = this.host.centraCheckout();
    if (this.suspended || !centra) return false;
    centra.suspend();
    this.suspended = true;
    return true;
  }

  private resume(arg: unknown): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.host.centraCheckout()?.resume(arg);
  }

  /** Applies an answer's `bff.widgets`; false when the answer is older than one already applied. */
  private apply(body: unknown): boolean {
    const answer = (body ?? {}) as SelectionAnswer;
    const block = answer.bff?.widgets;
    if (block) {
      if (block.cartVersion < this.version) return false;
      this.version = block.cartVersion;
      this.widgets = block;
      for (const step of block.after) {
        if ('set' in step) this.host.setTotalPrice(step.value);
        else this.resume(step.arg);
      }
      for (const { kind, html } of block.replace) this.replace(kind, html);
      for (const session of block.sessions) {
        if (session.status === 'ACTIVE') this.storage.removeItem(REINIT_KEY + session.kind);
      }
      for (const { kind } of block.reinit) this.reinit(kind);
      this.lock(block.paymentLocked);
      this.options.onWidgets?.(block);
    }
    const script = answer.selection?.centraCheckoutScript;
    if (script && !this.scriptInjected) {
      this.scriptInjected = true;
      this.host.injectScript(script);
    }
    if (answer.selection) this.options.onSelection?.(answer);
    return true;
  }

  /** The same snippet arrives in the answer and as a `replace` event: it is swapped in once. */
  private replace(kind: WidgetKind, html: string): void {
    if (this.swapped.get(kind) === html) return;
    this.swapped.set(kind, html);
    this.host.replaceSnippet(kind, html);
  }

  /**
   * Reloads the page at most once per widget order. `reinit` stays in every answer until the payment step created
   * a new order, and the page that the reload brings up reads the selection first: without a mark that outlives
   * the reload it would reload forever. The mark goes when a session of that kind is ACTIVE again.
   */
  private reinit(kind: WidgetKind): void {
    const key = REINIT_KEY + kind;
    if (this.storage.getItem(key) !== null) return;
    this.storage.setItem(key, String(this.version));
    this.host.reload();
  }

  private lock(locked: boolean, reason?: string): void {
    if (locked === this.locked) return;
    this.locked = locked;
    this.options.onPaymentLock?.(locked, reason);
  }

  private refresh(): void {
    this.refreshing ??= this.api
      .getSelection()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.refreshing = undefined;
      });
  }

  /** Resumes after another tab's change; Qliro One first needs the new total in `window.totalPrice`. */
  private resumeAfterEvent(event: { total: number | null }, arg: unknown): void {
    if (!this.suspended) return;
    if (this.widgets?.active.includes('QLIRO') && event.total !== null) this.host.setTotalPrice(event.total);
    this.resume(arg);
  }

  /**
   * Events of the cart's stream. The tab that made a change receives its events too; while a change of this tab
   * is in flight its own answer decides, so `suspend` and `resume` are left to it.
   */
  private readonly onEvent: SelectionEventHandler = (name, data) => {
    switch (name) {
      case 'snapshot': {
        const event = data as Data<'snapshot'>;
        this.apply({ bff: { widgets: event.widgets } });
        // Every connection starts with a snapshot: a change that suspended the widgets while the stream was
        // down has ended by now.
        if (this.inFlight === 0) this.resumeAfterEvent(event, null);
        break;
      }
      case 'suspend': {
        const event = data as Data<'suspend'>;
        if (event.cartVersion >= this.version && this.inFlight === 0 && this.widgetsActive()) this.suspend();
        break;
      }
      case 'resume': {
        const event = data as Data<'resume'>;
        if (event.cartVersion < this.version || this.inFlight > 0) break;
        this.resumeAfterEvent(event, event.suspendIgnore);
        if (event.cartVersion > this.version && this.options.refreshOnRemoteChange !== false) this.refresh();
        break;
      }
      case 'replace': {
        const event = data as Data<'replace'>;
        this.replace(event.kind, event.html);
        break;
      }
      case 'reload': {
        const event = data as Data<'reload'>;
        if (event.cartVersion >= this.version) event.reinit.forEach(({ kind }) => this.reinit(kind));
        break;
      }
      case 'payment-lock': {
        const event = data as Data<'payment-lock'>;
        if (event.cartVersion >= this.version) this.lock(true, event.reason);
        break;
      }
      case 'payment-unlock': {
        const event = data as Data<'payment-unlock'>;
        if (event.cartVersion >= this.version) this.lock(false);
        break;
      }
    }
  };
}

function defaultStorage(): KeyValueStore {
  try {
    const session = (globalThis as { sessionStorage?: KeyValueStore }).sessionStorage;
    if (session) return session;
  } catch {
    // Storage can be disabled (privacy settings); memory then only guards this page.
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  };
}

function browserEventSource(): EventSourceFactory | undefined {
  const EventSource = (
    globalThis as { EventSource?: new (url: string, init?: { withCredentials?: boolean }) => EventSourceLike }
  ).EventSource;
  return EventSource ? (url, init) => new EventSource(url, { withCredentials: init.withCredentials }) : undefined;
}
