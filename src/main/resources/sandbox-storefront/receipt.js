// The receipt: GET /receipt reads the order the last payment created (the BFF keeps its token in a receipt cookie).
import { createApi } from './client/index.js';
import { $, API, explain, networkMessage } from './common.js';

const api = createApi({ baseUrl: API });

function show(order) {
  $('title').textContent = 'Thank you for your order';
  $('message').textContent = order.address?.email ? `A confirmation is on its way to ${order.address.email}.` : '';
  $('order-number').textContent = order.order;
  $('order-date').textContent = order.date ?? '';
  $('order-payment').textContent = order.paymentMethodName ?? order.paymentMethod ?? '';
  $('order-lines').replaceChildren(
    ...(order.items ?? []).map((item) => {
      const li = document.createElement('li');
      li.className = 'order-line';
      li.innerHTML = '<span class="name"></span><span class="qty"></span><span class="price"></span>';
      li.querySelector('.name').textContent = `${item.product?.name ?? item.productName ?? item.item} · ${item.size ?? ''}`;
      li.querySelector('.qty').textContent = `× ${item.quantity}`;
      li.querySelector('.price').textContent = item.totalPrice;
      return li;
    }),
  );
  $('order-discount').textContent = order.discounts?.anyDiscount ? `− ${order.discounts.discount}` : '—';
  $('order-shipping').textContent = order.totals?.shippingPrice ?? '';
  $('order-total').textContent = order.totals?.grandTotalPrice ?? '';
  $('order').hidden = false;
  document.body.dataset.state = 'receipt';
}

async function load() {
  try {
    const reply = await api.getReceipt();
    if (reply.ok && reply.body.order) show(reply.body.order);
    else {
      $('title').textContent = 'No recent order';
      $('message').textContent = reply.status === 404 ? 'We found no recent order in this browser.' : explain(reply);
      document.body.dataset.state = 'no-order';
    }
  } catch {
    $('title').textContent = 'We could not load your order';
    $('message').textContent = networkMessage();
    document.body.dataset.state = 'failed';
  } finally {
    $('receipt').removeAttribute('aria-busy');
  }
}

load();
