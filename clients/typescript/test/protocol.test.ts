/** The widget protocol against recorded answers of the BFF. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checkout, type CheckoutOptions, type SelectionAnswer } from '../dist/index.js';
import { fakeFetch, FakeHost, fixture, memoryStorage, settle, type Recorded, type Step } from './support.js';

/** What Ingrid's shipping choice makes the CheckoutScript emit (as in the sandbox widgets). */
const INGRID_EXPRESS = {
  additionalFields: { event: 'ingrid_v2_shipping_option_changed', suspendIgnore: { ingrid: true } },
  ingrid: { shippingMethod: 'express' },
};

/** A recording as it would be at another cart version. */
function atVersion(name: string, cartVersion: number): Recorded {
  const recorded = fixture(name);
  (recorded.body['bff'] as { widgets: { cartVersion: number } }).widgets.cartVersion = cartVersion;
  return recorded;
}

function checkout(steps: Step[], options: Partial<CheckoutOptions> = {}) {
  const log: string[] = [];
  const host = new FakeHost(log);
  const server = fakeFetch(steps, log);
  const sleeps: number[] = [];
  const c = new Checkout({
    fetch: server.fetch,
    host,
    eventSource: false,
    storage: memoryStorage(),
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { checkout: c, host, log, server, sleeps };
}

describe('suspend before a change', () => {
  it('suspends before sending when the last answer said so, and resumes as the answer says', async () => {
    const { checkout: c, log } = checkout(['selection-kco', 'add-item-kco']);
    await c.start();
    assert.deepEqual(log, ['fetch GET /api/checkout/selection', 'inject script']);
    log.length = 0;

    const reply = await c.api.addItem('1001-1');

    assert.equal(reply.status, 200);
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/items/1001-1', 'resume null']);
    assert.equal(c.cartVersion, 4);
    assert.equal(c.isSuspended, false);
  });

  it('does not suspend while no widget is active', async () => {
    const { checkout: c, log } = checkout(['selection-header-mode', 'add-item-header-mode']);
    await c.start();
    await c.api.addItem('1001-1');
    assert.ok(!log.includes('suspend'), log.join(', '));
  });

  it('does not suspend before the CheckoutScript has run', async () => {
    const { checkout: c, host, log } = checkout(['selection-kco', 'add-item-kco']);
    await c.start();
    host.scriptLoaded = false;
    await c.api.addItem('1001-1');
    assert.deepEqual(log.slice(2), ['fetch POST /api/checkout/items/1001-1']);
  });

  it('runs changes one at a time, each suspended and resumed once', async () => {
    const { checkout: c, log } = checkout(['selection-kco', 'add-item-kco', 'increase-line-kco']);
    await c.start();
    log.length = 0;
    await Promise.all([c.api.addItem('1001-1'), c.api.increaseLineBy('a1b2c3d4e5f60718293a4b5c6d7e8f90', 1)]);
    assert.deepEqual(log, [
      'suspend',
      'fetch POST /api/checkout/items/1001-1',
      'resume null',
      'suspend',
      'fetch POST /api/checkout/lines/a1b2c3d4e5f60718293a4b5c6d7e8f90/quantity/1',
      'resume null',
    ]);
    assert.equal(c.cartVersion, 5);
  });

  it('suspends after a widget-event answer although it carries no "before"', async () => {
    const { checkout: c, host, log } = checkout(['selection-kco', 'payment-fields-ingrid', 'increase-line-kco']);
    await c.start();
    host.emit(INGRID_EXPRESS);
    await settle();
    assert.equal(c.lastWidgets?.before, undefined);
    log.length = 0;
    await c.api.increaseLineBy('a1b2c3d4e5f60718293a4b5c6d7e8f90', 1);
    assert.equal(log[0], 'suspend');
  });
});

describe('after, replace and reinit', () => {
  it('runs "after" in order (totalPrice before resume), then swaps the replaced snippet', async () => {
    const { checkout: c, host, log } = checkout(['selection-qliro', 'voucher-qliro-replace']);
    await c.start();
    log.length = 0;
    await c.api.addVoucher('TEST+CODE');
    assert.deepEqual(log, [
      'suspend',
      'fetch POST /api/checkout/vouchers',
      'totalPrice 497.2',
      'resume null',
      'replace QLIRO',
    ]);
    assert.equal(host.totalPrice, 497.2);
  });

  it('follows "after" on Centra\'s own error too', async () => {
    const { checkout: c, log } = checkout(['selection-qliro', 'voucher-centra-error']);
    await c.start();
    log.length = 0;
    const reply = await c.api.addVoucher('NOPE');
    assert.equal(reply.ok, false);
    assert.equal(reply.status, 406);
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/vouchers', 'totalPrice 547', 'resume null']);
  });

  it('reloads for reinit at most once per widget order, across the reload', async () => {
    const storage = memoryStorage();
    const first = checkout(['selection-kco-expired'], { storage });
    await first.checkout.start();
    assert.deepEqual(first.log.filter((l) => l === 'reload'), ['reload']);

    // The reloaded page reads the selection first: reinit is still there until the payment step ran again.
    const reloaded = checkout(['selection-kco-expired', 'payment-kco-form', atVersion('selection-kco-expired', 11)], {
      storage,
    });
    await reloaded.checkout.start();
    assert.ok(!reloaded.log.includes('reload'), 'no second reload for the same order');

    // The payment step created a new Klarna order (ACTIVE); when that one expires, one reload again.
    await reloaded.checkout.api.startPayment({ paymentReturnPage: 'https://shop.example/return' });
    await reloaded.checkout.api.getSelection();
    assert.deepEqual(reloaded.log.filter((l) => l === 'reload'), ['reload']);
  });

  it('injects the CheckoutScript once', async () => {
    const { checkout: c, log } = checkout(['selection-kco', 'add-item-kco', 'selection-kco']);
    await c.start();
    await c.api.addItem('1001-1');
    await c.api.getSelection();
    assert.equal(log.filter((l) => l === 'inject script').length, 1);
  });
});

describe('stale answers', () => {
  it('ignores an answer with a lower cartVersion than one applied', async () => {
    const rendered: number[] = [];
    const onSelection = (a: SelectionAnswer) => rendered.push(a.bff?.widgets.cartVersion ?? -1);
    const { checkout: c, host } = checkout(['selection-qliro', 'voucher-qliro-replace', 'voucher-centra-error'], {
      onSelection,
    });
    await c.start();
    await c.api.addVoucher('TEST+CODE');
    assert.equal(host.totalPrice, 497.2);

    // A late answer at cartVersion 7 says totalPrice 547: applying it would set a stale total.
    const late = await c.api.addVoucher('NOPE');
    assert.equal(late.status, 406);
    assert.equal(host.totalPrice, 497.2);
    assert.equal(c.cartVersion, 8);
    assert.deepEqual(rendered, [7, 8]);
  });

  it('still resumes widgets its own change suspended when the answer is stale', async () => {
    const { checkout: c, log } = checkout(['selection-kco', 'add-item-kco-stale']);
    await c.start();
    log.length = 0;
    await c.api.addItem('1001-1');
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/items/1001-1', 'resume null']);
    assert.equal(c.cartVersion, 3);
  });
});

describe('answers without bff.widgets', () => {
  it('resumes after a 409 problem that carries no instructions', async () => {
    const { checkout: c, log } = checkout(['selection-kco', 'problem-payment-in-progress']);
    await c.start();
    log.length = 0;
    const reply = await c.api.addItem('1001-1');
    assert.equal(reply.ok, false);
    assert.equal(reply.problem?.type, 'urn:centra-bff:problem:payment-in-progress');
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/items/1001-1', 'resume null']);
  });

  it('resumes when the network fails for good, and rejects', async () => {
    const down = { network: 'fetch failed' };
    const { checkout: c, log } = checkout(['selection-kco', down, down, down]);
    await c.start();
    log.length = 0;
    await assert.rejects(c.api.addItem('1001-1'), TypeError);
    assert.deepEqual(log.at(0), 'suspend');
    assert.deepEqual(log.at(-1), 'resume null');
    assert.equal(c.isSuspended, false);
  });

  it('keeps the queue going after a failed change', async () => {
    const { checkout: c } = checkout(['selection-kco', { network: 'x' }, { network: 'x' }, { network: 'x' }, 'add-item-kco']);
    await c.start();
    const failed = c.api.addItem('1001-1');
    const next = c.api.addItem('1001-1');
    await assert.rejects(failed);
    assert.equal((await next).status, 200);
  });
});

describe('payment lock', () => {
  it('reports the lock from a signal answer', async () => {
    const locks: boolean[] = [];
    const { checkout: c } = checkout(['selection-qliro', 'signal-payment-started'], {
      onPaymentLock: (locked) => void locks.push(locked),
    });
    await c.start();
    await c.api.widgetSignal('QLIRO', 'payment-started');
    assert.deepEqual(locks, [true]);
    assert.equal(c.paymentLocked, true);
  });
});
