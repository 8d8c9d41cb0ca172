/** Idempotency-Key, bounded retries, session modes and path encoding. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApi, memoryTokenStore, retryAfterMs, type ClientOptions } from '../dist/index.js';
import { fakeFetch, type Recorded, type Step } from './support.js';

function api(steps: Step[], options: ClientOptions = {}) {
  const server = fakeFetch(steps);
  const sleeps: number[] = [];
  const client = createApi({ fetch: server.fetch, sleep: async (ms) => void sleeps.push(ms), ...options });
  return { api: client, server, sleeps };
}

function problem(status: number, slug: string, retryAfter?: string): Recorded {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfter) headers['Retry-After'] = retryAfter;
  const detail = `${slug} (test)`;
  return {
    request: 'test',
    status,
    headers,
    body: { type: `urn:centra-bff:problem:${slug}`, title: slug, status, detail, errors: { request: detail } },
  };
}

const keys = (sent: { headers: Record<string, string> }[]) => sent.map((r) => r.headers['Idempotency-Key']);

describe('Idempotency-Key', () => {
  it('is fresh for every user action', async () => {
    const { api: a, server } = api(['add-item-kco', 'add-item-kco']);
    await a.addItem('1001-1');
    await a.addItem('1001-1');
    const [first, second] = keys(server.sent);
    assert.match(first ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(first, second);
  });

  it('is reused on the retry after a network error', async () => {
    const { api: a, server, sleeps } = api([{ network: 'fetch failed' }, 'add-item-kco']);
    const reply = await a.addItem('1001-1');
    assert.equal(reply.status, 200);
    assert.equal(server.sent.length, 2);
    const [first, second] = keys(server.sent);
    assert.ok(first);
    assert.equal(second, first);
    assert.deepEqual(server.sent[1]?.body, server.sent[0]?.body);
    assert.deepEqual(sleeps, [250]);
  });

  it('is reused on the retry after a 503 with Retry-After that never reached Centra, waiting as told', async () => {
    const { api: a, server, sleeps } = api([problem(503, 'circuit-open', '5'), 'add-item-kco']);
    const reply = await a.addItem('1001-1');
    assert.equal(reply.status, 200);
    assert.equal(new Set(keys(server.sent)).size, 1);
    assert.deepEqual(sleeps, [5000]);
  });

  it('is reused on the retry after 409 cart-busy', async () => {
    const { api: a, server, sleeps } = api(['problem-cart-busy', 'add-item-kco']);
    assert.equal((await a.addItem('1001-1')).status, 200);
    assert.equal(new Set(keys(server.sent)).size, 1);
    assert.deepEqual(sleeps, [1000]);
  });

  it('can be chosen by the caller', async () => {
    const { api: a, server } = api(['payment-kco-form']);
    await a.startPayment({ paymentReturnPage: 'https://shop.example/return' }, { idempotencyKey: 'checkout-7f3a' });
    assert.deepEqual(keys(server.sent), ['checkout-7f3a']);
  });

  it('is not sent on reads', async () => {
    const { api: a, server } = api(['selection-kco']);
    await a.getSelection();
    assert.deepEqual(keys(server.sent), [undefined]);
  });
});

describe('retries are bounded', () => {
  it('gives up after the attempts of the policy and answers with the last reply', async () => {
    const busy = problem(503, 'circuit-open', '2');
    const { api: a, server, sleeps } = api([busy, busy, busy, 'add-item-kco']);
    const reply = await a.addItem('1001-1');
    assert.equal(reply.status, 503);
    assert.equal(server.sent.length, 3);
    assert.deepEqual(sleeps, [2000, 2000]);
  });

  it('does not wait longer than maxDelayMs: a longer Retry-After goes to the caller', async () => {
    const { api: a, server } = api([problem(503, 'circuit-open', '30')]);
    assert.equal((await a.addItem('1001-1')).status, 503);
    assert.equal(server.sent.length, 1);
  });

  it('does not retry cart-operation-timeout (the BFF asks for a read first)', async () => {
    const { api: a, server } = api(['problem-operation-timeout']);
    const reply = await a.addItem('1001-1');
    assert.equal(reply.problem?.type, 'urn:centra-bff:problem:cart-operation-timeout');
    assert.equal(server.sent.length, 1);
  });

  it('does not retry payment-in-progress, Centra errors or idempotency-key-reused', async () => {
    const { api: a, server } = api([
      'problem-payment-in-progress',
      'voucher-centra-error',
      problem(422, 'idempotency-key-reused'),
    ]);
    assert.equal((await a.addItem('1001-1')).status, 409);
    assert.equal((await a.addVoucher('NOPE')).status, 406);
    const reused = await a.addItem('1001-1', undefined, { idempotencyKey: 'k' });
    assert.equal(reused.problem?.type, 'urn:centra-bff:problem:idempotency-key-reused');
    assert.equal(server.sent.length, 3);
  });

  it('does not retry a change after centra-unavailable: Centra may have applied it, and 5xx answers are not kept', async () => {
    const { api: a, server } = api(['problem-centra-unavailable', 'selection-kco']);
    const reply = await a.addItem('1001-1');
    assert.equal(reply.problem?.type, 'urn:centra-bff:problem:centra-unavailable');
    assert.equal(server.sent.length, 1);
    assert.equal((await a.getSelection()).status, 200);
  });

  it('retries a read after centra-unavailable', async () => {
    const { api: a, server, sleeps } = api(['problem-centra-unavailable', 'selection-kco']);
    assert.equal((await a.getSelection()).status, 200);
    assert.equal(server.sent.length, 2);
    assert.deepEqual(sleeps, [5000]);
  });

  it('retries the payment step only when Centra was not called', async () => {
    const { api: a, server } = api([
      'problem-centra-unavailable',
      problem(503, 'payment-busy', '1'),
      'payment-kco-form',
    ]);
    const body = { paymentReturnPage: 'https://shop.example/return' };
    assert.equal((await a.startPayment(body)).status, 503, 'centra-unavailable may have reached Centra');
    assert.equal((await a.startPayment(body)).status, 200, 'payment-busy did not');
    assert.equal(server.sent.length, 3);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(retryAfterMs('5'), 5000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 5000);
    assert.equal(retryAfterMs(null), undefined);
  });
});

describe('session modes', () => {
  it('cookie mode sends credentials and no token', async () => {
    const { api: a, server } = api(['selection-kco']);
    await a.getSelection();
    assert.equal(server.sent[0]?.credentials, 'include');
    assert.equal(server.sent[0]?.headers['API-Token'], undefined);
  });

  it('header mode sends API-Token and follows the token of every answer', async () => {
    const token = memoryTokenStore();
    const { api: a, server } = api(['selection-header-mode', 'add-item-header-mode', 'problem-cart-busy'], {
      session: 'header',
      token,
      retry: { attempts: 1 },
    });
    await a.getSelection();
    assert.equal(server.sent[0]?.headers['API-Token'], undefined);
    assert.equal(token.get(), 'esf1e6cd0c3a34b7a8c4c1f0b9e2d7a51');
    await a.addItem('1001-1');
    assert.equal(server.sent[1]?.headers['API-Token'], 'esf1e6cd0c3a34b7a8c4c1f0b9e2d7a51');
    assert.equal(token.get(), 'esf9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d', 'Centra rotated it');
    await a.addItem('1001-1');
    assert.equal(token.get(), 'esf9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d', 'a problem without token keeps it');
  });
});

describe('requests', () => {
  it('encodes each path value as one segment', async () => {
    const { api: a, server } = api(['voucher-centra-error', 'selection-kco', 'selection-kco']);
    await a.removeVoucher('TEST+CODE');
    await a.login('ada+shop@example.com', 'correct horse');
    await a.getProduct('10/01', { market: '1' });
    assert.deepEqual(
      server.sent.map((r) => `${r.method} ${r.url}`),
      [
        'DELETE /api/checkout/vouchers/TEST%2BCODE',
        'POST /api/checkout/login/ada%2Bshop%40example.com',
        'GET /api/checkout/products/10%2F01?market=1',
      ],
    );
    assert.deepEqual(server.sent[1]?.body, { password: 'correct horse' });
  });

  it('sends gift certificates and bundles as cart changes, and the server key on server-side calls', async () => {
    const { api: a, server } = api(['add-item-kco', 'add-item-kco', 'add-item-kco', 'selection-kco', 'selection-kco'], {
      headers: { 'X-BFF-Server-Key': 'k' },
    });
    await a.addGiftCertificate('gift card+1', { amount: 50 });
    await a.addGiftCertificateAmount('gift-1', '99.50');
    await a.addBundle('20/1', { sections: [{ section: '1', item: '1001-1' }] });
    await a.setSelectionContext({ pricelist: '20', market: 2 });
    await a.getMarkets();
    assert.deepEqual(
      server.sent.map((r) => `${r.method} ${r.url}`),
      [
        'POST /api/checkout/items/gift-certificates/gift%20card%2B1',
        'POST /api/checkout/items/gift-certificates/gift-1/amount/99.50',
        'POST /api/checkout/items/bundles/20%2F1',
        'PUT /api/checkout/selection',
        'GET /api/checkout/markets',
      ],
    );
    assert.deepEqual(server.sent[0]?.body, { amount: 50 });
    assert.ok(server.sent.slice(0, 4).every((r) => r.headers['Idempotency-Key']), 'cart changes carry a key');
    assert.equal(server.sent[4]?.headers['Idempotency-Key'], undefined);
    assert.ok(server.sent.every((r) => r.headers['X-BFF-Server-Key'] === 'k'));
  });

  it('sends bodies as JSON and the correlation id when asked', async () => {
    const { api: a, server } = api(['add-item-kco'], { baseUrl: 'https://bff.example/api/checkout/', correlationId: () => 'run-42' });
    await a.updateItems({ items: [{ item: '1001-1', quantity: 2 }] });
    const sent = server.sent[0];
    assert.equal(sent?.url, 'https://bff.example/api/checkout/items');
    assert.equal(sent?.headers['Content-Type'], 'application/json');
    assert.equal(sent?.headers['X-Correlation-ID'], 'run-42');
    assert.deepEqual(sent?.body, { items: [{ item: '1001-1', quantity: 2 }] });
  });
});
