/**
 * The page the widgets live in, behind a small interface: the Checkout never touches `window` or `document`
 * itself, so tests (and unusual pages) can supply their own.
 */
import type { WidgetKind } from './types.js';

/** Centra's CheckoutScript global (`window.CentraCheckout`). */
export interface CentraCheckoutGlobal {
  suspend(): void;
  resume(arg?: unknown): void;
}

export interface WidgetHost {
  /** `window.CentraCheckout`, looked up each time: it exists only once the CheckoutScript ran. */
  centraCheckout(): CentraCheckoutGlobal | undefined;
  /** `window.totalPrice = value` (Qliro One reads it on resume). */
  setTotalPrice(value: number): void;
  /** Runs `selection.centraCheckoutScript`; called once per page. */
  injectScript(html: string): void;
  /** Swaps a widget's snippet (Qliro One after Centra replaced its session). */
  replaceSnippet(kind: WidgetKind, html: string): void;
  /** Reloads the page (a Klarna order must never be re-initialised in a live page). */
  reload(): void;
  /** Calls `listener` with the `detail` of every `centra_checkout_callback` event; returns the unsubscribe. */
  onCallback(listener: (detail: unknown) => void): () => void;
}

/** The subset of `window` and `document` the browser host uses (any DOM, or a test double, will do). */
export interface BrowserWindow {
  CentraCheckout?: CentraCheckoutGlobal | undefined;
  totalPrice?: number;
  location: { reload(): void };
}

export interface BrowserDocument {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  createElement(tag: 'div' | 'script'): HTMLElement;
  querySelector(selector: string): Element | null;
  body: HTMLElement | null;
}

export interface BrowserHostOptions {
  window?: BrowserWindow;
  document?: BrowserDocument;
  /** Where a widget's snippet lives; default `[data-centra-widget="<KIND>"]`. */
  container?: (kind: WidgetKind) => Element | null;
}

export const CALLBACK_EVENT = 'centra_checkout_callback';

/** The host for a real page. */
export function browserHost(options: BrowserHostOptions = {}): WidgetHost {
  const win = options.window ?? (globalThis as unknown as { window: BrowserWindow }).window;
  const doc = options.document ?? (globalThis as unknown as { document: BrowserDocument }).document;
  if (!win || !doc) throw new Error('browserHost needs a window and a document');
  const container =
    options.container ?? ((kind: WidgetKind) => doc.querySelector(`[data-centra-widget="${kind}"]`));
  return {
    centraCheckout: () => win.CentraCheckout,
    setTotalPrice: (value) => {
      win.totalPrice = value;
    },
    injectScript: (html) => {
      const holder = doc.createElement('div');
      (doc.body ?? holder).appendChild(holder);
      insertHtml(holder, html, doc);
    },
    replaceSnippet: (kind, html) => {
      const target = container(kind);
      if (target) insertHtml(target, html, doc);
    },
    reload: () => win.location.reload(),
    onCallback: (listener) => {
      const handler = (event: Event) => listener((event as CustomEvent).detail);
      doc.addEventListener(CALLBACK_EVENT, handler);
      return () => doc.removeEventListener(CALLBACK_EVENT, handler);
    },
  };
}

/**
 * Puts `html` into `container` so that its scripts run: scripts inserted through innerHTML never do, so each is
 * re-created with the same attributes and text.
 */
export function insertHtml(
  container: Element,
  html: string,
  doc: Pick<BrowserDocument, 'createElement'> = (globalThis as unknown as { document: BrowserDocument }).document,
): void {
  container.innerHTML = html;
  container.querySelectorAll('script').forEach((old) => {
    const script = doc.createElement('script');
    for (const attribute of Array.from(old.attributes)) script.setAttribute(attribute.name, attribute.value);
    script.textContent = old.textContent;
    old.replaceWith(script);
  });
}
