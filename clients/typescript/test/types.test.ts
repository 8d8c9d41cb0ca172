/**
 * The typed surface matches the OpenAPI description (checked when this file compiles), and the recorded answers
 * carry the bff.widgets block exactly as the BFF writes it.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type {
  Api,
  CentraAnswer,
  PaymentAnswer,
  Reply,
  SelectionAnswer,
  SelectionEventData,
  WidgetsBlock,
} from '../dist/index.js';
import { fixture, recordedEvents } from './support.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Answer<F extends keyof Api> = Api[F] extends (...args: never[]) => Promise<infer R> ? R : never;

// Compile-time checks: each line fails the build if the generated types drift from what the client promises.
const typeChecks: [
  Equal<Answer<'addItem'>, Reply<SelectionAnswer>>,
  Equal<Answer<'getSelection'>, Reply<SelectionAnswer>>,
  Equal<Answer<'startPayment'>, Reply<PaymentAnswer>>,
  Equal<Answer<'getCountries'>, Reply<CentraAnswer>>,
  Equal<
    keyof WidgetsBlock,
    'active' | 'cartVersion' | 'before' | 'after' | 'replace' | 'reinit' | 'paymentLocked' | 'total' | 'sessions'
  >,
  Equal<WidgetsBlock['before'], 'suspend' | undefined>,
  Equal<SelectionEventData<'resume'>, { cartVersion: number; total: number | null; currency: string | null; suspendIgnore: unknown }>,
] = [true, true, true, true, true, true, true];

export function misuse(api: Api): void {
  // @ts-expect-error the signal is payment-started or payment-ended
  void api.widgetSignal('QLIRO', 'started');
  // @ts-expect-error a bulk update needs lines or items
  void api.updateItems({});
  // @ts-expect-error quantities are numbers
  void api.increaseLineBy('line', '2');
}

/** The order WidgetInstructions.build writes the keys in; `before` and `total` are optional. */
const KEY_ORDER = ['active', 'cartVersion', 'before', 'after', 'replace', 'reinit', 'paymentLocked', 'total', 'sessions'];

function blocks(): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  for (const file of readdirSync(new URL('../test/fixtures/', import.meta.url))) {
    const name = file.replace(/\.json$/, '');
    if (name.startsWith('events-')) {
      for (const { event, data } of recordedEvents(name)) {
        const widgets = (data as { widgets?: Record<string, unknown> }).widgets;
        if (widgets) found.push([`${name} ${event}`, widgets]);
      }
    } else {
      const widgets = (fixture(name).body['bff'] as { widgets?: Record<string, unknown> } | undefined)?.widgets;
      if (widgets) found.push([name, widgets]);
    }
  }
  return found;
}

describe('recorded answers', () => {
  it('carry bff.widgets with exactly the keys, in the order, the BFF writes', () => {
    assert.ok(typeChecks.every(Boolean));
    const all = blocks();
    assert.ok(all.length >= 15, `only ${all.length} blocks`);
    for (const [name, block] of all) {
      const keys = Object.keys(block);
      assert.deepEqual(keys, KEY_ORDER.filter((k) => keys.includes(k)), name);
      for (const required of ['active', 'cartVersion', 'after', 'replace', 'reinit', 'paymentLocked', 'sessions']) {
        assert.ok(keys.includes(required), `${name} lacks ${required}`);
      }
      assert.equal('before' in block, (block['active'] as unknown[]).length > 0 && !name.startsWith('payment-fields'), name);
    }
  });
});
