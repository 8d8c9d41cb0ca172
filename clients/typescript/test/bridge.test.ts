/** The centra_checkout_callback bridge, through the browser host on a DOM-like document. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserHost, Checkout, type BrowserDocument, type BrowserWindow } from '../dist/index.js';
import { fakeFetch, memoryStorage, settle } from './support.js';

/** A page: an EventTarget as document (Node has EventTarget and CustomEvent), a window with the script's global. */
function page() {
  const log: string[] = [];
  // Just enough of an element for the CheckoutScript's holder; no scripts run here.
  const element = () => ({ innerHTML: '', appendChild: () => void log.push('inject script'), querySelectorAll: () => [] });
  const document = Object.assign(new EventTarget(), {
    createElement: element,
    querySelector: () => null,
    body: element(),
  }) as unknown as BrowserDocument & EventTarget;
  const window: BrowserWindow = {
    CentraCheckout: {
      suspend: () => void log.push('suspend'),
      resume: (arg?: unknown) => void log.push(`resume ${JSON.stringify(arg ?? null)}`),
    },
    location: { reload: () => void log.push('reload') },
  };
  return { log, document, window };
}

/** What Centra's CheckoutScript does for a widget event: suspend itself, then dispatch the DOM event. */
function emit(p: ReturnType<typeof page>, detail: unknown) {
  p.window.CentraCheckout?.suspend();
  p.document.dispatchEvent(new CustomEvent('centra_checkout_callback', { detail }));
}

const INGRID_EXPRESS = {
  additionalFields: { event: 'ingrid_v2_shipping_option_changed', suspendIgnore: { ingrid: true } },
  ingrid: { shippingMethod: 'express' },
};

describe('centra_checkout_callback bridge', () => {
  it('forwards event.detail verbatim to PUT /payment-fields without suspending, then resumes with suspendIgnore', async () => {
    const p = page();
    const server = fakeFetch(['selection-kco', 'payment-fields-ingrid'], p.log);
    const c = new Checkout({
      fetch: server.fetch,
      host: browserHost({ window: p.window, document: p.document }),
      eventSource: false,
      storage: memoryStorage(),
    });
    const start = await c.start();
    assert.equal(start.ok && start.body.bff?.widgets.before, 'suspend', 'the last answer said suspend…');
    p.log.length = 0;

    emit(p, INGRID_EXPRESS);
    await settle();

    assert.deepEqual(p.log, [
      'suspend',
      'fetch PUT /api/checkout/payment-fields',
      'resume {"ingrid":true}',
    ], '…but only the script suspended');
    assert.deepEqual(server.sent[1]?.body, INGRID_EXPRESS);
    assert.ok(server.sent[1]?.headers['Idempotency-Key']);
    assert.equal(c.isSuspended, false);
    assert.equal(c.cartVersion, 4);
  });

  it('resumes with suspendIgnore even when the forward fails', async () => {
    const p = page();
    const down = { network: 'fetch failed' };
    const errors: unknown[] = [];
    const c = new Checkout({
      fetch: fakeFetch(['selection-kco', down, down, down], p.log).fetch,
      host: browserHost({ window: p.window, document: p.document }),
      eventSource: false,
      storage: memoryStorage(),
      sleep: async () => {},
      onError: (error) => void errors.push(error),
    });
    await c.start();
    p.log.length = 0;
    emit(p, INGRID_EXPRESS);
    await settle();
    assert.equal(p.log.filter((l) => l === 'suspend').length, 1);
    assert.equal(p.log.at(-1), 'resume {"ingrid":true}');
    assert.equal(errors.length, 1);
  });

  it('stops listening on stop()', async () => {
    const p = page();
    const server = fakeFetch(['selection-kco'], p.log);
    const c = new Checkout({
      fetch: server.fetch,
      host: browserHost({ window: p.window, document: p.document }),
      eventSource: false,
      storage: memoryStorage(),
    });
    await c.start();
    c.stop();
    emit(p, INGRID_EXPRESS);
    await settle();
    assert.equal(server.sent.length, 1);
  });

  it('the browser host sets window.totalPrice and reloads through location', () => {
    const p = page();
    const host = browserHost({ window: p.window, document: p.document });
    host.setTotalPrice(497.2);
    host.reload();
    assert.equal(p.window.totalPrice, 497.2);
    assert.deepEqual(p.log, ['reload']);
    assert.equal(host.centraCheckout(), p.window.CentraCheckout);
  });
});
