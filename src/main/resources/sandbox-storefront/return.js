// The page payment providers send the shopper back to (PayPal with paymentId and PayerID, Klarna and Qliro after the
// widget's purchase). Every query parameter goes to POST /payment-result verbatim, names and casing untouched:
// Centra forwards them to the provider to verify the payment.
import { createApi } from './client/index.js';
import { $, API, explain, networkMessage, pages } from './common.js';

const api = createApi({ baseUrl: API });

function fail(title, message) {
  $('title').textContent = title;
  $('message').textContent = message;
  $('message').classList.add('error');
  $('back').hidden = false;
  document.body.dataset.state = 'failed';
}

async function confirm() {
  const params = new URLSearchParams(location.search);
  if (params.get('failed')) {
    fail('Your payment was not completed', 'Nothing was charged. Your bag is still there, try again or pick another payment method.');
    return;
  }
  const fields = Object.fromEntries(params);
  try {
    const reply = await api.paymentResult(fields);
    if (reply.ok) {
      location.replace(pages.receipt);
      return;
    }
    fail('We could not confirm your payment', explain(reply));
  } catch {
    fail('We could not confirm your payment', networkMessage());
  }
}

confirm();
