// The reference checkout in Chromium against the BFF in sandbox mode: the widget contract as a shopper lives it.
// Scenarios marked `todo` are written as they must pass and still run; they name the server behaviour they wait for.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { scenario, startBff } from './harness.mjs';
import { Shop } from './shop.mjs';

let bff;

before(async () => {
  bff = await startBff();
});

after(async () => {
  await bff?.stop();
});

/** A shop tab with a Classic Tee (size M) in the bag. */
async function shopWithTee(context) {
  const shop = await Shop.open(context, bff);
  await shop.add('1001', 'M');
  assert.equal(await shop.quantity(), 1);
  return shop;
}

async function latency(ms) {
  const reply = await bff.admin(`latency?ms=${ms}`, { method: 'POST' });
  assert.equal(reply.status, 200);
}

const WIDGET_METHOD = { KCO: 'klarna-checkout', QLIRO: 'qliro-one' };

describe('each widget through quantity, voucher and country changes', () => {
  for (const kind of ['KCO', 'QLIRO']) {
    test(`${kind}: the widget's total equals the cart's after every step`, () =>
      scenario(`${kind} steps`, async (context) => {
        const shop = await shopWithTee(context);
        await shop.payWith(WIDGET_METHOD[kind]);
        await shop.expectInStep(kind, 'widget shown');
        await shop.plus();
        await shop.expectInStep(kind, 'plus');
        await shop.add('1002', 'L');
        await shop.expectInStep(kind, 'second product');
        await shop.minus();
        await shop.expectInStep(kind, 'minus');
        await shop.voucher('TEST+CODE');
        assert.match(await shop.page.locator('#vouchers').textContent(), /TEST\+CODE/);
        await shop.expectInStep(kind, 'voucher');
        await shop.country('DE');
        assert.match(await shop.page.locator('#bag-total').textContent(), /€|EUR/, 'prices in euro');
        await shop.expectInStep(kind, 'country');
        await shop.removeVoucher();
        await shop.expectInStep(kind, 'voucher removed');
        await shop.remove(1);
        await shop.expectInStep(kind, 'line removed');
        await shop.expectBalancedLog();
      }));
  }

  test('INGRID: resumed after every step and the delivery it shows is the cart\'s', () =>
    scenario('Ingrid steps', async (context) => {
      const shop = await shopWithTee(context);
      await shop.payWith('qliro-one');
      const ingridChoice = () => shop.page.locator('#sandbox-ingrid input:checked').getAttribute('value');
      for (const [step, run] of [
        ['plus', () => shop.plus()],
        ['voucher', () => shop.voucher('TEST+CODE')],
        ['country', () => shop.country('FI')],
        ['minus', () => shop.minus()],
      ]) {
        await run();
        assert.equal(await shop.widgetState('INGRID'), 'ready', `Ingrid resumed after ${step}`);
        assert.equal(await ingridChoice(), 'standard');
        await shop.expectInStep('QLIRO', step);
      }
      await shop.expectBalancedLog();
    }));
});

test('an Ingrid event, then a cart change: both reach the widgets', () =>
  scenario('Ingrid event then change', async (context) => {
    const shop = await shopWithTee(context);
    await shop.payWith('klarna-checkout');
    const standard = await shop.cartTotal();
    await shop.page.check('#sandbox-ingrid input[value="express"]');
    await shop.page.waitForFunction((before) => Number(document.querySelector('#bag-total').dataset.total) !== before, standard);
    await shop.expectInStep('KCO', 'Ingrid express');
    assert.equal(await shop.cartTotal(), standard + 50, 'express costs 50 more than standard');
    await shop.plus();
    await shop.expectInStep('KCO', 'plus after the Ingrid event');
    assert.equal(await shop.widgetState('INGRID'), 'ready');
    await shop.expectBalancedLog();
  }));

test('a reload mid-checkout reuses the widget order', () =>
  scenario('reload reuses order', async (context) => {
    const shop = await shopWithTee(context);
    await shop.payWith('klarna-checkout');
    const order = () =>
      shop.page.evaluate(() => /order=([0-9a-f]+)/.exec(document.querySelector('#klarna-checkout-container script')?.textContent ?? '')?.[1]);
    const first = await order();
    assert.ok(first, 'a Klarna order id in the snippet');
    const orders = (await (await bff.admin('widgets')).json()).kcoOrders;
    await shop.page.reload();
    await shop.ready();
    await shop.page.waitForSelector('#sandbox-kco');
    await shop.idle();
    assert.equal(await order(), first, 'the same Klarna order after the reload');
    assert.equal((await (await bff.admin('widgets')).json()).kcoOrders, orders, 'no second Klarna order');
    await shop.expectInStep('KCO', 'reload');
  }));

test('two tabs of one cart converge within 1 s', () =>
  scenario('two tabs', async (context) => {
    const first = await shopWithTee(context);
    await first.payWith('klarna-checkout');
    const second = await Shop.open(context, bff);
    await second.page.waitForSelector('#sandbox-kco');
    await second.idle();
    for (const step of ['plus', 'voucher']) {
      const before = await first.cartTotal();
      if (step === 'plus') await first.line().locator('.plus').click();
      else {
        await first.page.fill('#voucher', 'TEST+CODE');
        await first.page.click('#voucher-form button[type=submit]');
      }
      // From the moment the first tab has its answer.
      await first.page.waitForFunction(
        (b) => Number(document.querySelector('#bag-total').dataset.total) !== b,
        before,
      );
      const started = Date.now();
      const total = await first.cartTotal();
      await second.page.waitForFunction(
        (t) => Number(document.querySelector('#bag-total').dataset.total) === t &&
          document.querySelector('#sandbox-kco').dataset.state === 'ready' &&
          Number(document.querySelector('#sandbox-kco').dataset.total) === t,
        total,
        { timeout: 1000 },
      );
      const took = Date.now() - started;
      assert.ok(took <= 1000, `the other tab took ${took} ms`);
      await first.idle();
    }
    await first.expectBalancedLog();
    await second.expectBalancedLog();
  }));

test('a payment in progress blocks the other tab with a visible message, then releases it', () =>
  scenario('payment lock', async (context) => {
    const paying = await shopWithTee(context);
    await paying.payWith('qliro-one');
    const other = await Shop.open(context, bff);
    const signal = (name) =>
      paying.page.evaluate(async (s) => {
        const reply = await fetch('/api/checkout/widgets/signal', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'QLIRO', signal: s }),
        });
        return reply.status;
      }, name);
    assert.equal(await signal('payment-started'), 200);
    await other.page.locator('#payment-lock').waitFor({ state: 'visible', timeout: 2000 });
    await other.page.locator('.line .plus').click();
    await other.idle();
    assert.match(await other.notice(), /payment .* in progress/i);
    assert.equal(await other.quantity(), 1, 'the locked cart did not change');
    assert.equal(await signal('payment-ended'), 200);
    await other.page.locator('#payment-lock').waitFor({ state: 'hidden', timeout: 2000 });
    await other.plus();
    assert.equal(await other.quantity(), 2);
    await paying.expectInStep('QLIRO', 'after the lock');
  }));

describe('every sandbox payment method ends on the receipt page', () => {
  const toReceipt = async (shop) => {
    await shop.page.waitForURL(/receipt\.html/, { timeout: 15_000 });
    await shop.page.waitForSelector('body[data-state="receipt"]');
    assert.match(await shop.page.locator('#order-number').textContent(), /\S/);
    assert.match(await shop.page.locator('#order-lines').textContent(), /Classic Tee/);
  };

  for (const method of ['paypal', 'invoice', 'adyen-drop-in', 'external-payment']) {
    test(method, () =>
      scenario(`pay ${method}`, async (context) => {
        const shop = await shopWithTee(context);
        await shop.payWith(method);
        const visited = [];
        shop.page.on('framenavigated', (frame) => frame === shop.page.mainFrame() && visited.push(frame.url()));
        await shop.placeOrder();
        await toReceipt(shop);
        if (method === 'paypal') {
          assert.ok(visited.some((url) => url.includes('/sandbox/psp/paypal')) || visited.some((url) => /PayerID=/.test(url)),
            `through PayPal and back: ${visited.join(' → ')}`);
          assert.ok(visited.some((url) => /return\.html\?.*paymentId=.*PayerID=/.test(url)), visited.join(' → '));
        }
      }));
  }

  for (const method of ['klarna-checkout', 'qliro-one']) {
    test(`${method} (the provider sends the shopper to the return page)`, () =>
      scenario(`pay ${method}`, async (context) => {
        const shop = await shopWithTee(context);
        await shop.payWith(method);
        await shop.page.click('#finish-widget');
        await toReceipt(shop);
      }));
  }

  test('declined-card: the shopper is told and keeps the bag', () =>
    scenario('pay declined-card', async (context) => {
      const shop = await shopWithTee(context);
      await shop.payWith('declined-card');
      await shop.placeOrder();
      await shop.idle();
      assert.match(await shop.notice(), /declined/i);
      assert.equal(await shop.quantity(), 1);
    }));

  test('failing-psp: the failed page says nothing was charged and leads back to the bag', () =>
    scenario('pay failing-psp', async (context) => {
      const shop = await shopWithTee(context);
      await shop.payWith('failing-psp');
      await shop.placeOrder();
      await shop.page.waitForSelector('body[data-state="failed"]');
      assert.match(await shop.page.locator('#message').textContent(), /Nothing was charged/);
      await shop.page.click('#back');
      await shop.ready();
      assert.equal(await shop.quantity(), 1);
    }));
});

test('a double click adds once', () =>
  scenario('double click', async (context) => {
    const shop = await Shop.open(context, bff);
    const adds = [];
    shop.page.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/checkout/items/') && adds.push(r));
    assert.equal((await bff.admin('requests', { method: 'DELETE' })).status, 200);
    await latency(300);
    try {
      await shop.product('1001').locator('.add').dblclick();
      await shop.idle();
    } finally {
      await latency(0);
    }
    assert.equal(await shop.page.locator('.line').count(), 1);
    assert.equal(await shop.quantity(), 1);
    // Both clicks were sent, with one key: the BFF answered the second from the first.
    assert.equal(adds.length, 2, 'both clicks reached the BFF');
    const keys = await Promise.all(adds.map((r) => r.headerValue('idempotency-key')));
    assert.ok(keys[0] && keys[0] === keys[1], `one Idempotency-Key for the action: ${keys}`);
    const log = await (await bff.admin('requests')).json();
    assert.equal(log.filter((r) => r.method === 'POST' && /\/items\//.test(r.path)).length, 1, 'Centra saw one add');
  }));

test('Centra failing mid-change leaves the widgets resumed and the shopper told', () =>
  scenario('centra failing', async (context) => {
    const shop = await shopWithTee(context);
    await shop.payWith('klarna-checkout');
    const total = await shop.cartTotal();
    assert.equal((await bff.admin('requests', { method: 'DELETE' })).status, 200);
    await latency(2500);
    try {
      await shop.line().locator('.plus').click();
      await shop.page.locator('#notice.error').waitFor({ timeout: 40_000 });
    } finally {
      await latency(0);
    }
    await shop.idle(40_000);
    assert.match(await shop.notice(), /could not reach the shop/i);
    assert.equal(await shop.widgetState('KCO'), 'ready', 'Klarna resumed');
    assert.equal(await shop.widgetState('INGRID'), 'ready', 'Ingrid resumed');
    await shop.expectBalancedLog();
    const log = await (await bff.admin('requests')).json();
    const increases = (Array.isArray(log) ? log : (log.requests ?? [])).filter(
      (r) => r.method === 'POST' && /\/lines\/[^/]+$/.test(r.path),
    ).length;
    assert.equal(increases, 1, 'one click reached Centra once');
    // The gateway's circuit breaker may now be open for a while; the shop comes back once Centra answers again.
    const deadline = Date.now() + 30_000;
    while ((await shop.page.evaluate(() => fetch('/api/checkout/selection').then((r) => r.status))) !== 200) {
      assert.ok(Date.now() < deadline, 'the BFF answers again within 30 s');
      await shop.page.waitForTimeout(500);
    }
    await shop.page.reload();
    await shop.ready();
    await shop.expectInStep('KCO', 'after the failure');
    assert.ok([1, 2].includes(await shop.quantity()), 'the click counted at most once');
    assert.ok((await shop.cartTotal()) >= total);
  }));
