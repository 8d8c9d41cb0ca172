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
import { createApi } from './api.js';
import { browserHost } from './host.js';
import { Transport } from './http.js';
import { CartStream, } from './stream.js';
const REINIT_KEY = 'centra-bff:reinit:';
export class Checkout {
    /** Every endpoint; cart changes made through it follow the widget protocol. */
    api;
    raw;
    transport;
    options;
    host;
    storage;
    swapped = new Map();
    queue = Promise.resolve();
    version = -1;
    widgets;
    suspended = false;
    inFlight = 0;
    locked = false;
    scriptInjected = false;
    refreshing;
    stream;
    unlisten;
    constructor(options = {}) {
        this.options = options;
        this.transport = new Transport(options);
        this.raw = createApi(this.transport);
        this.api = createApi(this.transport, (info, send) => this.around(info, send));
        this.host = options.host ?? browserHost();
        this.storage = options.storage ?? defaultStorage();
    }
    /** The highest `cartVersion` applied so far (-1 before the first answer). */
    get cartVersion() {
        return this.version;
    }
    /** The last applied `bff.widgets` block. */
    get lastWidgets() {
        return this.widgets;
    }
    /** Whether this page has the widgets suspended (by itself, or the CheckoutScript for a pending widget event). */
    get isSuspended() {
        return this.suspended;
    }
    get paymentLocked() {
        return this.locked;
    }
    /** Reads the selection, listens for `centra_checkout_callback` and opens the event stream. */
    async start() {
        this.unlisten ??= this.host.onCallback((detail) => {
            this.forwardWidgetEvent(detail).catch((error) => this.options.onError?.(error));
        });
        const reply = await this.api.getSelection();
        this.subscribe();
        return reply;
    }
    stop() {
        this.unlisten?.();
        this.unlisten = undefined;
        this.stream?.stop();
    }
    /** Opens the event stream (done by `start`); the BFF answers 404 until the caller has a cart, so it retries. */
    subscribe() {
        if (this.stream)
            return this.stream.start();
        const open = this.options.eventSource ?? (this.transport.session === 'cookie' ? browserEventSource() : undefined);
        if (!open)
            return;
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
    forwardWidgetEvent(detail) {
        const suspendIgnore = detail?.additionalFields?.suspendIgnore ?? null;
        return this.enqueue(() => this.change(() => this.raw.updatePaymentFields(detail), { suspendIgnore }));
    }
    around(info, send) {
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
    enqueue(task) {
        const result = this.queue.then(task, task);
        this.queue = result.catch(() => undefined);
        return result;
    }
    async change(send, widgetEvent) {
        let ours;
        if (widgetEvent) {
            this.suspended = true;
            ours = true;
        }
        else {
            ours = this.widgetsActive() && this.suspend();
        }
        this.inFlight++;
        try {
            const reply = await send();
            this.apply(reply.body);
            return reply;
        }
        finally {
            this.inFlight--;
            // Whatever the answer was (stale, a problem without bff.widgets, no answer at all), widgets this change
            // suspended are not left suspended: Klarna would resume on its own only after about ten seconds.
            if (ours && this.suspended)
                this.resume(widgetEvent ? widgetEvent.suspendIgnore : null);
        }
    }
    /**
     * Whether the next change must suspend. `before: "suspend"` says so, but the answer to `PUT /payment-fields`
     * never carries `before` (the script suspends itself for widget events) although the widgets stay active, so
     * the active list decides too: the BFF sets `before` exactly when it is not empty.
     */
    widgetsActive() {
        return !!this.widgets && (this.widgets.before === 'suspend' || this.widgets.active.length > 0);
    }
    suspend() {
        const centra = this.host.centraCheckout();
        if (this.suspended || !centra)
            return false;
        centra.suspend();
        this.suspended = true;
        return true;
    }
    resume(arg) {
        if (!this.suspended)
            return;
        this.suspended = false;
        this.host.centraCheckout()?.resume(arg);
    }
    /** Applies an answer's `bff.widgets`; false when the answer is older than one already applied. */
    apply(body) {
        const answer = (body ?? {});
        const block = answer.bff?.widgets;
        if (block) {
            if (block.cartVersion < this.version)
                return false;
            this.version = block.cartVersion;
            this.widgets = block;
            for (const step of block.after) {
                if ('set' in step)
                    this.host.setTotalPrice(step.value);
                else
                    this.resume(step.arg);
            }
            for (const { kind, html } of block.replace)
                this.replace(kind, html);
            for (const session of block.sessions) {
                if (session.status === 'ACTIVE')
                    this.storage.removeItem(REINIT_KEY + session.kind);
            }
            for (const { kind } of block.reinit)
                this.reinit(kind);
            this.lock(block.paymentLocked);
            this.options.onWidgets?.(block);
        }
        const script = answer.selection?.centraCheckoutScript;
        if (script && !this.scriptInjected) {
            this.scriptInjected = true;
            this.host.injectScript(script);
        }
        if (answer.selection)
            this.options.onSelection?.(answer);
        return true;
    }
    /** The same snippet arrives in the answer and as a `replace` event: it is swapped in once. */
    replace(kind, html) {
        if (this.swapped.get(kind) === html)
            return;
        this.swapped.set(kind, html);
        this.host.replaceSnippet(kind, html);
    }
    /**
     * Reloads the page at most once per widget order. `reinit` stays in every answer until the payment step created
     * a new order, and the page that the reload brings up reads the selection first: without a mark that outlives
     * the reload it would reload forever. The mark goes when a session of that kind is ACTIVE again.
     */
    reinit(kind) {
        const key = REINIT_KEY + kind;
        if (this.storage.getItem(key) !== null)
            return;
        this.storage.setItem(key, String(this.version));
        this.host.reload();
    }
    lock(locked, reason) {
        if (locked === this.locked)
            return;
        this.locked = locked;
        this.options.onPaymentLock?.(locked, reason);
    }
    refresh() {
        this.refreshing ??= this.api
            .getSelection()
            .catch((error) => this.options.onError?.(error))
            .finally(() => {
            this.refreshing = undefined;
        });
    }
    /** Resumes after another tab's change; Qliro One first needs the new total in `window.totalPrice`. */
    resumeAfterEvent(event, arg) {
        if (!this.suspended)
            return;
        if (this.widgets?.active.includes('QLIRO') && event.total !== null)
            this.host.setTotalPrice(event.total);
        this.resume(arg);
    }
    /**
     * Events of the cart's stream. The tab that made a change receives its events too; while a change of this tab
     * is in flight its own answer decides, so `suspend` and `resume` are left to it.
     */
    onEvent = (name, data) => {
        switch (name) {
            case 'snapshot': {
                const event = data;
                this.apply({ bff: { widgets: event.widgets } });
                // Every connection starts with a snapshot: a change that suspended the widgets while the stream was
                // down has ended by now.
                if (this.inFlight === 0)
                    this.resumeAfterEvent(event, null);
                break;
            }
            case 'suspend': {
                const event = data;
                if (event.cartVersion >= this.version && this.inFlight === 0 && this.widgetsActive())
                    this.suspend();
                break;
            }
            case 'resume': {
                const event = data;
                if (event.cartVersion < this.version || this.inFlight > 0)
                    break;
                this.resumeAfterEvent(event, event.suspendIgnore);
                if (event.cartVersion > this.version && this.options.refreshOnRemoteChange !== false)
                    this.refresh();
                break;
            }
            case 'replace': {
                const event = data;
                this.replace(event.kind, event.html);
                break;
            }
            case 'reload': {
                const event = data;
                if (event.cartVersion >= this.version)
                    event.reinit.forEach(({ kind }) => this.reinit(kind));
                break;
            }
            case 'payment-lock': {
                const event = data;
                if (event.cartVersion >= this.version)
                    this.lock(true, event.reason);
                break;
            }
            case 'payment-unlock': {
                const event = data;
                if (event.cartVersion >= this.version)
                    this.lock(false);
                break;
            }
        }
    };
}
function defaultStorage() {
    try {
        const session = globalThis.sessionStorage;
        if (session)
            return session;
    }
    catch {
        // Storage can be disabled (privacy settings); memory then only guards this page.
    }
    const memory = new Map();
    return {
        getItem: (key) => memory.get(key) ?? null,
        setItem: (key, value) => void memory.set(key, value),
        removeItem: (key) => void memory.delete(key),
    };
}
function browserEventSource() {
    const EventSource = globalThis.EventSource;
    return EventSource ? (url, init) => new EventSource(url, { withCredentials: init.withCredentials }) : undefined;
}
