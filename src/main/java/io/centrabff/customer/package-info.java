/**
 * Customer accounts through the BFF: register, sign in and out, customer details, address, e-mail and password
 * changes, order history, password reset and newsletter sign-up, each Centra's Checkout API customer operation with
 * Centra's path, verb and body, relayed on the shopper's session like the cart. Owns the account-level protections:
 * per-account rate limits on sign-in and reset e-mails, and an answer to reset-e-mail requests that does not tell
 * whether an address is registered.
 */
package io.centrabff.customer;
