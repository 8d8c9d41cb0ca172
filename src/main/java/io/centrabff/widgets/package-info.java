/**
 * Checkout widgets (Klarna Checkout, Qliro One, Ingrid) in step with the cart: per-cart serialization of every
 * mutation, the {@code bff.widgets} instructions added to selection responses (suspend before, resume after), widget
 * events forwarded to Centra, widget session reuse and re-creation, the payment lock, and a Server-Sent Events stream
 * for the other tabs of a cart. The BFF never talks to the widget providers; Centra does.
 */
package io.centrabff.widgets;
