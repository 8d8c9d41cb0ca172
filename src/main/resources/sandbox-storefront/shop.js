// The reference checkout: a small shop on @centra-bff/client. Every cart change goes through `checkout.api`, so the
// widget protocol (suspend before, `after` in order, snippet swaps, reloads, stale answers, other tabs) is the
// client's job; this file only renders answers and turns shopper actions into calls.
import { Checkout, insertHtml } from './client/index.js';
import { $, API, explain, networkMessage, pages, uncertain } from './common.js';

/** Payment methods whose provider widget lives in the page (Centra's CheckoutScript drives them). */
const WIDGET_METHODS = { 'klarna-checkout': 'KCO', 'qliro-one': 'QLIRO' };

let selection;
let busyCount = 0;
let widgetRequested = false;
let productsMarket;

const checkout = new Checkout({
  baseUrl: API,
  onSelection: (answer) => render(answer),
  onPaymentLock: (locked) => {
    $('payment-lock').hidden = !locked;
    document.body.classList.toggle('locked', locked);
  },
  onError: (error) => console.warn('checkout:', error),
});

// ---- shopper messages and busy state -------------------------------------------------------------------------

function say(message, kind = 'info') {
  const notice = $('notice');
  notice.textContent = message;
  notice.className = `notice ${kind}`;
  notice.hidden = false;
}

function quiet() {
  $('notice').hidden = true;
}

function busy(delta) {
  busyCount += delta;
  if (busyCount > 0) document.body.dataset.busy = 'true';
  else delete document.body.dataset.busy;
}

/** Runs one shopper action against the BFF and tells the shopper when it did not work. */
async function act(run) {
  busy(+1);
  try {
    const reply = await run();
    if (reply.ok) quiet();
    else say(explain(reply), 'error');
    // Centra may have applied a change it did not answer in time: show the cart as it is now.
    if (uncertain(reply)) await checkout.api.getSelection().catch(() => undefined);
    return reply;
  } catch {
    say(networkMessage(), 'error');
    return undefined;
  } finally {
    busy(-1);
  }
}

/** One Idempotency-Key per shopper action: a double click, or a retry, sends the same key and adds once. */
function keyFor(element) {
  element.dataset.key ||= globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  const key = element.dataset.key;
  return { key, done: () => delete element.dataset.key };
}

// ---- the catalog ---------------------------------------------------------------------------------------------

async function loadProducts() {
  const state = $('catalog-state');
  try {
    const reply = await checkout.api.listProducts({ limit: 24 });
    if (!reply.ok) {
      state.textContent = `We could not load the products. ${explain(reply)}`;
      state.className = 'error';
      return;
    }
    const products = reply.body.products ?? [];
    state.hidden = products.length > 0;
    state.textContent = products.length ? '' : 'No products in this market yet.';
    $('products').replaceChildren(...products.map(productCard));
  } catch {
    state.textContent = networkMessage();
    state.className = 'error';
  }
}

function productCard(product) {
  const li = document.createElement('li');
  li.className = 'product';
  li.dataset.product = product.product;
  li.innerHTML = `
    <div class="swatch" aria-hidden="true"></div>
    <h3 class="name"></h3>
    <p class="price"></p>
    <div class="buy">
      <select class="size" aria-label="Size"></select>
      <button type="button" class="primary add">Add to bag</button>
    </div>`;
  li.querySelector('.swatch').style.setProperty('--hue', String((Number(product.product) * 67) % 360));
  li.querySelector('.name').textContent = product.name;
  const price = product.priceAsNumber !== undefined ? product.price : undefined;
  li.querySelector('.price').textContent = product.available === false || !price ? 'Not sold in this market' : price;
  const sizes = li.querySelector('.size');
  for (const item of product.items ?? []) {
    const option = new Option(item.stock === 'no' ? `${item.name} (sold out)` : item.name, item.item);
    option.disabled = item.stock === 'no';
    sizes.add(option);
  }
  if ((product.items ?? []).length <= 1) sizes.classList.add('single');
  const add = li.querySelector('.add');
  add.disabled = product.available === false || !price;
  add.onclick = async () => {
    const { key, done } = keyFor(add);
    add.classList.add('working');
    const reply = await act(() => checkout.api.addItem(sizes.value, undefined, { idempotencyKey: key }));
    done();
    add.classList.remove('working');
    if (reply?.ok) say(`${product.name} was added to your bag.`);
  };
  return li;
}

// ---- country and language ------------------------------------------------------------------------------------

async function loadCountries() {
  try {
    const reply = await checkout.api.getCountries();
    if (!reply.ok) return;
    const select = $('country');
    select.replaceChildren(
      ...(reply.body.countries ?? [])
        .filter((c) => c.shipTo !== false)
        .map((c) => new Option(c.name, c.country)),
    );
    if (selection) select.value = selection.location?.country ?? selection.country ?? select.value;
    select.disabled = false;
  } catch {
    // the selector stays disabled; the rest of the shop works
  }
}

$('country').onchange = async (event) => {
  const country = event.target.value;
  const reply = await act(() => checkout.api.setCountry(country));
  if (reply?.ok) loadProducts();
  else if (selection) event.target.value = selection.location?.country ?? '';
};

$('language').onchange = async (event) => {
  const reply = await act(() => checkout.api.setLanguage(event.target.value));
  if (reply?.ok) loadProducts();
};

// ---- the bag -------------------------------------------------------------------------------------------------

function render(answer) {
  selection = answer.selection;
  const items = selection.items ?? [];
  const totals = selection.totals ?? {};
  $('bag-count').textContent = String(totals.totalQuantity ?? items.length);
  $('bag-empty').hidden = items.length > 0;
  $('bag-empty').textContent = 'Your bag is empty.';
  $('lines').replaceChildren(...items.map(lineRow));
  $('voucher-form').hidden = items.length === 0;
  $('totals').hidden = items.length === 0;
  $('items-total').textContent = totals.itemsTotalPrice ?? '';
  $('discount-total').textContent = selection.discounts?.anyDiscount ? `− ${selection.discounts.discount}` : '—';
  $('shipping-total').textContent = totals.shippingPrice ?? '';
  $('bag-total').textContent = totals.grandTotalPrice ?? '';
  $('bag-total').dataset.total = String(totals.grandTotalPriceAsNumber ?? '');
  $('bag-total').dataset.version = String(checkout.cartVersion);
  renderVouchers(selection.discounts?.vouchers ?? []);
  renderLocale(answer);
  renderDelivery(answer);
  renderPayment(answer);
}

function lineRow(item) {
  const li = document.createElement('li');
  li.className = 'line';
  li.dataset.line = item.line;
  li.dataset.item = item.item;
  li.innerHTML = `
    <span class="name"></span>
    <span class="stepper">
      <button type="button" class="minus" aria-label="One less">−</button>
      <span class="qty"></span>
      <button type="button" class="plus" aria-label="One more">+</button>
    </span>
    <span class="price"></span>
    <button type="button" class="remove link" aria-label="Remove">Remove</button>`;
  li.querySelector('.name').textContent = `${item.product?.name ?? item.productName ?? item.item}${item.size ? ` · ${item.size}` : ''}`;
  li.querySelector('.qty').textContent = String(item.quantity);
  li.querySelector('.price').textContent = item.totalPrice;
  li.querySelector('.plus').onclick = () => act(() => checkout.api.increaseLine(item.line));
  li.querySelector('.minus').onclick = () =>
    act(() => (item.quantity > 1 ? checkout.api.decreaseLineBy(item.line, 1) : checkout.api.removeLine(item.line)));
  li.querySelector('.remove').onclick = () => act(() => checkout.api.removeLine(item.line));
  return li;
}

function renderVouchers(vouchers) {
  $('vouchers').replaceChildren(
    ...vouchers.map((voucher) => {
      const li = document.createElement('li');
      li.innerHTML = '<span class="code"></span> <button type="button" class="link remove-voucher">Remove</button>';
      li.querySelector('.code').textContent = voucher.voucher ?? voucher.description ?? '';
      li.querySelector('button').onclick = () => act(() => checkout.api.removeVoucher(voucher.voucher));
      return li;
    }),
  );
}

$('voucher-form').onsubmit = async (event) => {
  event.preventDefault();
  const code = $('voucher').value.trim();
  if (!code) return;
  const reply = await act(() => checkout.api.addVoucher(code));
  if (reply?.ok) {
    $('voucher').value = '';
    say('The discount code was applied.');
  }
};

function renderLocale(answer) {
  const country = selection.location?.country ?? selection.country;
  if (country && $('country').value !== country && [...$('country').options].some((o) => o.value === country)) {
    $('country').value = country;
  }
  const languages = answer.languages ?? answer.selection?.languages ?? [];
  const select = $('language');
  if (languages.length && select.options.length !== languages.length) {
    select.replaceChildren(...languages.map((l) => new Option(l.name, l.language)));
  }
  select.value = selection.language ?? select.value;
  select.disabled = languages.length === 0;
  const market = `${country}/${selection.language}`;
  if (productsMarket && productsMarket !== market) loadProducts();
  productsMarket = market;
}

// ---- delivery and payment ------------------------------------------------------------------------------------

function renderDelivery(answer) {
  const hasItems = (selection.items ?? []).length > 0;
  $('delivery').hidden = !hasItems;
  const ingrid = selection.pluginFields?.ingrid;
  const container = document.querySelector('[data-centra-widget="INGRID"]');
  if (ingrid?.snippet) {
    // Ingrid's widget is injected once per page; afterwards Ingrid itself (through Centra) keeps it current.
    if (!container.childElementCount) insertHtml(container, ingrid.snippet);
    $('shipping-methods').hidden = true;
    return;
  }
  $('shipping-methods').hidden = false;
  $('shipping-methods').replaceChildren(
    ...(answer.shippingMethods ?? []).map((method) =>
      choice('shipping', method.shippingMethod, `${method.name} · ${method.price}`, method.shippingMethod === selection.shippingMethod, () =>
        act(() => checkout.api.setShippingMethod(method.shippingMethod)),
      ),
    ),
  );
}

function choice(name, value, text, checked, onChange) {
  const label = document.createElement('label');
  label.className = 'choice';
  label.innerHTML = `<input type="radio" name="${name}"> <span></span>`;
  const input = label.querySelector('input');
  input.value = value;
  input.checked = checked;
  input.onchange = onChange;
  label.querySelector('span').textContent = text;
  return label;
}

function renderPayment(answer) {
  const hasItems = (selection.items ?? []).length > 0;
  $('payment').hidden = !hasItems;
  const current = selection.paymentMethod;
  const widget = WIDGET_METHODS[current];
  $('payment-methods').replaceChildren(
    ...(answer.paymentMethods ?? []).map((method) =>
      choice('payment', method.paymentMethod, method.name, method.paymentMethod === current, () =>
        choosePayment(method.paymentMethod),
      ),
    ),
  );
  $('pay-form').hidden = !hasItems || !!widget;
  $('widget-finish').hidden = !widget || !widgetRequested;
  if (hasItems && widget && !widgetRequested) showWidget(widget);
}

async function choosePayment(method) {
  const before = selection?.paymentMethod;
  const reply = await act(() => checkout.api.setPaymentMethod(method));
  // A provider widget is created once per page and never re-initialised in a live page: switching to or from one
  // reloads, and the new page shows the widget of the new method.
  if (reply?.ok && (WIDGET_METHODS[before] || WIDGET_METHODS[method])) location.reload();
}

/** The payment step for a widget method: Centra creates (or, on a reload, reuses) the provider order. */
async function showWidget(kind) {
  widgetRequested = true;
  const reply = await act(() =>
    checkout.api.startPayment({
      paymentReturnPage: pages.returnPage,
      paymentFailedPage: pages.failedPage,
      paymentInitiateOnly: true,
      address: { country: selection.location?.country ?? selection.country },
    }),
  );
  if (reply?.ok && reply.body.action === 'form') {
    insertHtml(document.querySelector(`[data-centra-widget="${kind}"]`), reply.body.formHtml);
    $('widget-finish').hidden = false;
  } else {
    widgetRequested = false;
  }
}

$('finish-widget').onclick = (event) => {
  event.preventDefault();
  // What Klarna and Qliro do after the purchase in their widget: send the shopper to the confirmation page.
  location.assign(`${pages.returnPage}?provider=${encodeURIComponent(selection?.paymentMethod ?? 'widget')}`);
};

$('pay-form').onsubmit = async (event) => {
  event.preventDefault();
  const pay = $('pay');
  pay.disabled = true;
  pay.textContent = 'Placing your order…';
  const reply = await act(() =>
    checkout.api.startPayment({
      paymentReturnPage: pages.returnPage,
      paymentFailedPage: pages.failedPage,
      termsAndConditions: true,
      address: {
        email: $('email').value,
        firstName: $('first-name').value,
        lastName: $('last-name').value,
        country: selection.location?.country ?? selection.country,
      },
    }),
  );
  if (reply?.ok) {
    const answer = reply.body;
    switch (answer.action) {
      case 'redirect':
      case 'failed':
        location.assign(answer.url);
        return;
      case 'success':
        location.assign(pages.receipt);
        return;
      case 'javascript': {
        // A drop-in (Adyen): its script reports the outcome with centra_checkout_payment_response.
        const script = document.createElement('script');
        script.textContent = answer.code;
        $('drop-in').replaceChildren(script);
        return;
      }
      case 'external':
        location.assign(`${pages.returnPage}?external=${encodeURIComponent(answer.selection ?? '1')}`);
        return;
      default:
        say('This payment method cannot be used here. Please choose another one.', 'error');
    }
  }
  pay.disabled = false;
  pay.textContent = 'Place order';
};

// The drop-in's outcome goes to POST /payment-result like the return page's parameters. Centra's drop-in scripts
// dispatch it on document, with the provider's fields as the detail.
document.addEventListener('centra_checkout_payment_response', async (event) => {
  const detail = event.detail ?? {};
  const fields = 'paymentMethodFields' in detail ? detail : { paymentMethodFields: detail };
  const reply = await act(() => checkout.api.paymentResult(fields));
  if (reply?.ok) location.assign(pages.receipt);
});

// ---- start -----------------------------------------------------------------------------------------------------

async function start() {
  busy(+1);
  try {
    const reply = await checkout.start();
    if (!reply.ok) {
      say(explain(reply), 'error');
      $('bag-empty').textContent = 'We could not load your bag. Reload the page to try again.';
    }
  } catch {
    say(networkMessage(), 'error');
    $('bag-empty').textContent = 'We could not load your bag. Reload the page to try again.';
  } finally {
    busy(-1);
  }
  await Promise.all([loadProducts(), loadCountries()]);
  document.body.dataset.ready = 'true';
}

start();
