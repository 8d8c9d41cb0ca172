/**
 * Checkout widgets (Klarna Checkout, Qliro One, Ingrid) in step with the cart: reads Centra's answers for the widgets
 * they drive, keeps each cart's widget session with the cart's state, and adds the {@code bff.widgets} instructions
 * (suspend before, resume after, replace, reload) to every answer about a cart; the widgets' payment signals. How a
 * cart's changes are ordered, replayed and streamed belongs to {@code cart}. The BFF never talks to the widget
 * providers; Centra does.
 */
package io.centrabff.widgets;
