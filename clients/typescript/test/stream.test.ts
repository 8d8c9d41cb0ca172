/** The selection event stream: reconnection with back-off, and other tabs' changes applied. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CartStream, Checkout, type CheckoutOptions } from '../dist/index.js';
import {
  fakeFetch,
  FakeEventSource,
  FakeHost,
  FakeTimers,
  fixture,
  memoryStorage,
  recordedEvents,
  settle,
  type Step,
} from './support.js';

describe('reconnection', () => {
  function stream(random = () => 1) {
    const sources = FakeEventSource.factory();
    const timers = new FakeTimers();
    const events: string[] = [];
    const s = new CartStream({
      url: '/api/checkout/selection/events',
      open: sources.open,
      withCredentials: true,
      headers: () => ({}),
      onEvent: (name) => void events.push(name),
      backOff: { initialMs: 1000, maxMs: 8000 },
      timers,
      random,
    });
    return { stream: s, opened: sources.opened, timers, events };
  }

  it('closes a failed source and reconnects after a doubling, capped wait', () => {
    const { stream: s, opened, timers } = stream();
    s.start();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      opened.at(-1)?.fail();
      assert.equal(opened.at(-1)?.closed, true);
      assert.equal(timers.pending.length, 1, 'one reconnection scheduled');
      waits.push(timers.fire());
    }
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 8000]);
    assert.equal(opened.length, 6);
  });

  it('starts the back-off again once a snapshot arrived', () => {
    const { stream: s, opened, timers, events } = stream();
    s.start();
    opened.at(-1)?.fail();
    timers.fire();
    opened.at(-1)?.fail();
    timers.fire();
    opened.at(-1)?.emit('snapshot', fixture('selection-kco').body['bff']);
    opened.at(-1)?.fail();
    assert.equal(timers.fire(), 1000);
    assert.deepEqual(events, ['snapshot']);
  });

  it('jitters each wait between half and all of it', () => {
    const low = stream(() => 0);
    low.stream.start();
    low.opened[0]?.fail();
    assert.equal(low.timers.pending[0]?.ms, 500);
  });

  it('stops for good: no reconnection, late events ignored', () => {
    const { stream: s, opened, timers, events } = stream();
    s.start();
    const source = opened[0];
    opened[0]?.fail();
    s.stop();
    assert.equal(timers.pending.length, 0);
    source?.emit('suspend', { cartVersion: 1, total: null, currency: null });
    assert.deepEqual(events, []);
  });
});

describe('other tabs', () => {
  function page(steps: Step[], options: Partial<CheckoutOptions> = {}) {
    const log: string[] = [];
    const host = new FakeHost(log);
    const server = fakeFetch(steps, log);
    const sources = FakeEventSource.factory();
    const timers = new FakeTimers();
    const c = new Checkout({
      fetch: server.fetch,
      host,
      eventSource: sources.open,
      storage: memoryStorage(),
      stream: { timers },
      ...options,
    });
    return { checkout: c, log, host, server, timers, source: () => sources.opened.at(-1) };
  }

  function replay(source: FakeEventSource | undefined, name: string) {
    for (const { event, data } of recordedEvents(name)) source?.emit(event, data);
  }

  it('suspends and resumes for another tab\'s change, then reads the new cart', async () => {
    const rendered: number[] = [];
    const { checkout: c, log, source } = page(['selection-kco', 'add-item-kco'], {
      onSelection: (answer) => void rendered.push(answer.bff?.widgets.cartVersion ?? -1),
    });
    await c.start();
    assert.equal(source()?.url, '/api/checkout/selection/events');
    assert.equal(source()?.init.withCredentials, true);
    log.length = 0;

    replay(source(), 'events-other-tab');
    await settle();

    assert.deepEqual(log, ['suspend', 'resume null', 'fetch GET /api/checkout/selection']);
    assert.deepEqual(rendered, [3, 4]);
    assert.equal(c.cartVersion, 4);
  });

  it('leaves its own change to its own answer: no second suspend or resume', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { checkout: c, log, source } = page([
      'selection-kco',
      async () => {
        await held;
        log.push('answer');
        return fixture('add-item-kco');
      },
    ]);
    await c.start();
    log.length = 0;
    const change = c.api.addItem('1001-1');
    await settle();
    // The stream delivers this change's own events before its answer arrives.
    source()?.emit('suspend', { cartVersion: 3, total: 298, currency: 'SEK' });
    source()?.emit('resume', { cartVersion: 4, total: 547, currency: 'SEK', suspendIgnore: null });
    release();
    await change;
    // …or after it.
    source()?.emit('resume', { cartVersion: 4, total: 547, currency: 'SEK', suspendIgnore: null });
    await settle();
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/items/1001-1', 'answer', 'resume null']);
  });

  it('never suspends twice: a change starting while another tab\'s change has the widgets suspended', async () => {
    const { checkout: c, log, source } = page(['selection-kco', 'add-item-kco'], { refreshOnRemoteChange: false });
    await c.start();
    log.length = 0;
    source()?.emit('suspend', { cartVersion: 3, total: 298, currency: 'SEK' });
    await c.api.addItem('1001-1');
    source()?.emit('resume', { cartVersion: 4, total: 547, currency: 'SEK', suspendIgnore: null });
    assert.deepEqual(log, ['suspend', 'fetch POST /api/checkout/items/1001-1', 'resume null']);
  });

  it('ignores events older than the applied cartVersion', async () => {
    const { checkout: c, log, source } = page(['selection-qliro']);
    await c.start();
    log.length = 0;
    source()?.emit('suspend', { cartVersion: 6, total: 100, currency: 'SEK' });
    source()?.emit('resume', { cartVersion: 6, total: 100, currency: 'SEK', suspendIgnore: null });
    source()?.emit('payment-lock', { cartVersion: 5, total: 100, currency: 'SEK', reason: 'widget' });
    assert.deepEqual(log, []);
    assert.equal(c.paymentLocked, false);
  });

  it('follows Qliro One events: lock, unlock, replaced snippet once, total before resume, reload once', async () => {
    const locks: string[] = [];
    const { checkout: c, log, host, source } = page(['selection-qliro'], {
      onPaymentLock: (locked, reason) => void locks.push(`${locked} ${reason ?? ''}`.trim()),
      refreshOnRemoteChange: false,
    });
    await c.start();
    log.length = 0;
    replay(source(), 'events-qliro');
    source()?.emit('replace', recordedEvents('events-qliro')[4]?.data);
    source()?.emit('reload', recordedEvents('events-qliro')[6]?.data);
    assert.deepEqual(locks, ['true widget', 'false']);
    assert.deepEqual(log, ['suspend', 'replace QLIRO', 'totalPrice 547', 'resume null', 'reload']);
    assert.equal(host.totalPrice, 547);
  });

  it('resumes on a snapshot after the stream was down mid-change', async () => {
    const { checkout: c, log, source, timers } = page(['selection-kco'], { refreshOnRemoteChange: false });
    await c.start();
    source()?.emit('suspend', { cartVersion: 3, total: 298, currency: 'SEK' });
    source()?.fail();
    log.length = 0;
    // A new connection (after the back-off) starts with a snapshot; the change it missed has ended.
    timers.fire();
    replay(source(), 'events-other-tab');
    assert.equal(log[0], 'resume null');
  });

  it('sends API-Token to an event source that can send headers (header mode)', async () => {
    const { checkout: c, source } = page(['selection-header-mode'], { session: 'header' });
    await c.start();
    assert.equal(source()?.init.headers['API-Token'], 'esf1e6cd0c3a34b7a8c4c1f0b9e2d7a51');
    assert.equal(source()?.init.headers['Accept'], 'text/event-stream');
  });
});
