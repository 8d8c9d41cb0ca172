// A minimal storefront checkout that follows centra-bff's widget contract (README, "Checkout widgets"):
// suspend before each change while widgets are active, follow bff.widgets.after in order (also on errors),
// forward centra_checkout_callback details to payment-fields without suspending, and ignore stale cart versions.
(function () {
  var API = '/api/checkout';
  var widgets = { active: [], cartVersion: 0 };
  var suspended = false;
  var scriptInjected = false;
  var queue = Promise.resolve();

  function el(id) { return document.getElementById(id); }

  // Scripts inserted with innerHTML do not run, so each script node is re-created.
  function insertHtml(container, html) {
    container.innerHTML = html;
    container.querySelectorAll('script').forEach(function (old) {
      var script = document.createElement('script');
      script.text = old.text;
      old.replaceWith(script);
    });
  }

  function call(method, path, body) {
    return fetch(API + path, {
      method: method,
      credentials: 'same-origin',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) { return r.json().then(function (json) { return { status: r.status, json: json }; }); });
  }

  function follow(block) {
    if (!block) { return; }
    (block.replace || []).forEach(function (r) { insertHtml(el('payment-widget'), r.html); });
    (block.after || []).forEach(function (step) {
      if (step.set === 'totalPrice') { window.totalPrice = step.value; }
      if (step.call === 'resume' && window.CentraCheckout && suspended) {
        suspended = false;
        window.CentraCheckout.resume(step.arg);
      }
    });
    if ((block.reinit || []).some(function (r) { return r.how === 'reload'; })) { location.reload(); }
  }

  function render(json) {
    var block = json.bff && json.bff.widgets;
    if (block && block.cartVersion < widgets.cartVersion) { return; }
    if (block) { widgets = block; }
    var selection = json.selection;
    if (!selection) { return; }
    if (selection.centraCheckoutScript && !scriptInjected) {
      scriptInjected = true;
      var holder = document.createElement('div');
      document.body.appendChild(holder);
      insertHtml(holder, selection.centraCheckoutScript);
    }
    var ingrid = selection.pluginFields && selection.pluginFields.ingrid;
    if (ingrid && ingrid.snippet && !el('ingrid').innerHTML) { insertHtml(el('ingrid'), ingrid.snippet); }
    el('cart-total').dataset.total = String(selection.totals.grandTotalPriceAsNumber);
    el('cart-total').textContent = selection.totals.grandTotalPrice;
    el('cart-version').textContent = String(widgets.cartVersion);
    el('lines').innerHTML = '';
    selection.items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.item + ' × ' + item.quantity + ' ';
      var plus = document.createElement('button');
      plus.textContent = '+';
      plus.className = 'plus';
      plus.onclick = function () { mutate('POST', '/lines/' + encodeURIComponent(item.line) + '/quantity/1'); };
      li.appendChild(plus);
      el('lines').appendChild(li);
    });
  }

  // One change at a time, like the BFF's lane; suspend first when the last answer said widgets are active.
  function mutate(method, path, body) {
    queue = queue.then(function () {
      if (widgets.before === 'suspend' && window.CentraCheckout && !suspended) {
        suspended = true;
        window.CentraCheckout.suspend();
      }
      return call(method, path, body).then(function (reply) {
        render(reply.json);
        follow(reply.json.bff && reply.json.bff.widgets);
        el('status').textContent = reply.status === 200 ? '' : (reply.json.detail || 'error ' + reply.status);
        return reply;
      });
    });
    return queue;
  }

  function startPayment() {
    var base = location.origin + location.pathname;
    return mutate('POST', '/payment', {
      paymentReturnPage: base + '?result=return',
      paymentFailedPage: base + '?result=failed',
      address: { email: 'shopper@example.com', country: 'SE' }
    }).then(function (reply) {
      if (reply.json.action === 'form') { insertHtml(el('payment-widget'), reply.json.formHtml); }
    });
  }

  // The script suspended itself before emitting: forward the detail verbatim, then only resume.
  document.addEventListener('centra_checkout_callback', function (event) {
    suspended = true;
    mutate('PUT', '/payment-fields', event.detail);
  });

  el('add-item').onclick = function () { mutate('POST', '/items/' + el('add-item').dataset.item); };
  el('add-voucher').onclick = function () { mutate('POST', '/vouchers', { voucher: 'TEST+CODE' }); };
  el('payment-method').onchange = function () {
    mutate('PUT', '/payment-methods/' + el('payment-method').value).then(function () { location.reload(); });
  };
  el('start-payment').onclick = startPayment;

  // Other tabs' changes: keep widgets suspended while the cart changes elsewhere, reload on instruction.
  var events = new EventSource(API + '/selection/events');
  events.addEventListener('reload', function () { location.reload(); });

  call('GET', '/selection').then(function (reply) {
    render(reply.json);
    var method = reply.json.selection && reply.json.selection.paymentMethod;
    el('payment-method').value = method === 'klarna-checkout' || method === 'qliro-one' ? method : '';
    if (el('payment-method').value && reply.json.selection.items.length) { startPayment(); }
    document.body.dataset.ready = 'true';
  });
})();
