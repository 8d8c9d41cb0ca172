// What the three pages of the reference checkout share: where the BFF is, and how to tell a shopper what went wrong.
import { problemSlug } from './client/index.js';

/** The BFF's base path; a storefront on another origin puts the BFF's absolute URL here (CORS with cookies). */
export const API = '/api/checkout';

export const $ = (id) => document.getElementById(id);

/** Absolute URLs the payment providers send the shopper back to. */
export const pages = {
  returnPage: new URL('return.html', location.href).href,
  failedPage: new URL('return.html?failed=1', location.href).href,
  receipt: new URL('receipt.html', location.href).href,
};

// Centra's field errors, in words a shopper understands.
const FIELD_MESSAGES = {
  voucher: 'That discount code is not valid.',
  stock: 'Some items are no longer in stock in the quantity you chose.',
  paymentMethod: 'The payment was declined. Please choose another payment method.',
  email: 'Please enter a valid e-mail address.',
  country: 'We cannot ship to that country.',
  item: 'That item is not available.',
};

/** Whether a failed change may still have reached Centra: the page then reads the cart again. */
export function uncertain(reply) {
  const slug = problemSlug(reply?.problem?.type);
  return !!reply && (reply.status >= 500 || slug === 'cart-operation-timeout') && slug !== 'circuit-open' && slug !== 'payment-busy';
}

/** One sentence for a failed reply, a problem of the BFF or an error of Centra alike. */
export function explain(reply) {
  if (!reply) return 'Something went wrong. Please try again.';
  const slug = problemSlug(reply.problem?.type);
  if (slug === 'payment-in-progress') {
    return 'A payment for this bag is in progress. Your bag can be changed again once it has finished.';
  }
  if (slug === 'cart-busy') return 'Your bag is being updated in another window. Please try again in a moment.';
  if (slug === 'circuit-open' || slug === 'payment-busy') {
    return 'We could not reach the shop just now, so nothing was changed. Please try again in a moment.';
  }
  if (reply.status >= 500 || slug === 'cart-operation-timeout') {
    return 'We could not reach the shop just now and cannot tell whether your change was saved. Your bag shows what the shop has; please check it.';
  }
  const body = reply.body ?? {};
  if (typeof body.message === 'string' && reply.status === 406 && body.errors?.paymentMethod) return body.message;
  const errors = body.errors ?? {};
  for (const field of Object.keys(errors)) {
    const known = FIELD_MESSAGES[field.split('.').pop()];
    if (known) return known;
  }
  if (reply.problem?.detail) return reply.problem.detail;
  const first = Object.entries(errors)[0];
  return first ? `Please check ${first[0]}: ${first[1]}.` : 'Something went wrong. Please try again.';
}

/** The thrown error of a call that never got an answer (offline, the BFF down). */
export function networkMessage() {
  return 'You seem to be offline, or the shop cannot be reached. Please check your connection and try again.';
}
