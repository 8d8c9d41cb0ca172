/**
 * Cart operations on the shopper's Centra selection: selection, items, lines, countries, languages, vouchers,
 * shipping and payment methods. Thin controllers over {@link io.centrabff.session.SessionRelay}.
 */
package io.centrabff.selection;
