/**
 * Everything that belongs to one cart: the order of its changes (a FIFO lane per cart, with a lease and fencing
 * token across instances), idempotent replays of its changes and widget events, its state and version, the payment
 * lock, its events to other tabs (Server-Sent Events), and the aliases that keep naming it when Centra rotates the
 * token. Which operations change a cart is said by {@link io.centrabff.centra.CentraOperation#cart()}; what an answer
 * carries besides Centra's body comes from {@link io.centrabff.cart.CartAnswers}.
 */
package io.centrabff.cart;
