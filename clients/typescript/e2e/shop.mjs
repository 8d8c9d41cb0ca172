// The reference checkout as a scenario sees it: shopper actions, and what the cart and the widgets show.
import assert from 'node:assert/strict';

const WIDGETS = { KCO: '#sandbox-kco', QLIRO: '#sandbox-qliro', INGRID: '#sandbox-ingrid' };

export class Shop {
  constructor(page) {
    this.page = page;
  }

  static async open(context, bff) {
    // A new persistent context starts with one blank tab: the first shop uses it.
    const blank = context.pages().find((p) => p.url() === 'about:blank');
    const page = blank ?? (await context.newPage());
    const shop = new Shop(page);
    await page.goto(bff.shop);
    await shop.ready();
    return shop;
  }

  async ready() {
    await this.page.waitForSelector('body[data-ready]');
    await this.idle();
  }

  /** No change in flight and every widget on the page resumed (the sandbox widgets mark their state). */
  async idle(timeout = 15_000) {
    await this.page.waitForFunction(
      () =>
        !document.body.dataset.busy &&
        [...document.querySelectorAll('.sandbox-widget')].every((w) => w.dataset.state === 'ready'),
      null,
      { timeout },
    );
  }

  product(id) {
    return this.page.locator(`.product[data-product="${id}"]`);
  }

  async add(id, size) {
    const card = this.product(id);
    if (size) await card.locator('select.size').selectOption({ label: size });
    await card.locator('.add').click();
    await this.idle();
  }

  line(n = 0) {
    return this.page.locator('.line').nth(n);
  }

  async quantity(n = 0) {
    return Number(await this.line(n).locator('.qty').textContent());
  }

  async plus(n = 0) {
    await this.line(n).locator('.plus').click();
    await this.idle();
  }

  async minus(n = 0) {
    await this.line(n).locator('.minus').click();
    await this.idle();
  }

  async remove(n = 0) {
    await this.line(n).locator('.remove').click();
    await this.idle();
  }

  async voucher(code) {
    await this.page.fill('#voucher', code);
    await this.page.click('#voucher-form button[type=submit]');
    await this.idle();
  }

  async removeVoucher() {
    await this.page.click('.remove-voucher');
    await this.idle();
  }

  async country(code) {
    await this.page.selectOption('#country', code);
    await this.idle();
  }

  /** Chooses a payment method; a widget method reloads the page, which then shows that widget. */
  async payWith(method) {
    const radio = this.page.locator(`#payment-methods input[value="${method}"]`);
    if (method === 'klarna-checkout' || method === 'qliro-one') {
      await Promise.all([this.page.waitForEvent('load'), radio.check()]);
      await this.ready();
      await this.page.waitForSelector(method === 'klarna-checkout' ? WIDGETS.KCO : WIDGETS.QLIRO);
      await this.idle();
    } else {
      await radio.check();
      await this.idle();
    }
  }

  async cartTotal() {
    return Number(await this.page.locator('#bag-total').getAttribute('data-total'));
  }

  async widgetTotal(kind) {
    return Number(await this.page.locator(WIDGETS[kind]).getAttribute('data-total'));
  }

  widgetState(kind) {
    return this.page.locator(WIDGETS[kind]).getAttribute('data-state');
  }

  async notice() {
    const notice = this.page.locator('#notice');
    return (await notice.isVisible()) ? (await notice.textContent()).trim() : '';
  }

  /** Centra's CheckoutScript calls as the sandbox's stand-in recorded them. */
  checkoutLog() {
    return this.page.evaluate(() => [...(window.__centraCheckoutLog ?? [])]);
  }

  /** After a step: the widget is resumed and shows the cart's total. */
  async expectInStep(kind, step) {
    await this.idle();
    const deadline = Date.now() + 3000;
    let cart;
    let widget;
    do {
      [cart, widget] = [await this.cartTotal(), await this.widgetTotal(kind)];
      if (cart === widget) break;
      await this.page.waitForTimeout(50);
    } while (Date.now() < deadline);
    assert.equal(widget, cart, `${kind} shows ${widget} after "${step}", the cart is ${cart}`);
    assert.equal(await this.widgetState(kind), 'ready', `${kind} resumed after "${step}"`);
  }

  /** Suspend and resume strictly alternate, never a second suspend, and nothing is left suspended. */
  async expectBalancedLog() {
    const log = await this.checkoutLog();
    log.forEach((call, i) => assert.equal(call, i % 2 === 0 ? 'suspend' : 'resume', `call ${i} of ${log.join(',')}`));
    assert.equal(log.length % 2, 0, `left suspended: ${log.join(',')}`);
  }

  /** Fills the shopper's details for a payment method without a widget and places the order. */
  async placeOrder() {
    await this.page.fill('#email', 'shopper@example.com');
    await this.page.fill('#first-name', 'Ada');
    await this.page.fill('#last-name', 'Lovelace');
    await this.page.click('#pay');
  }
}
