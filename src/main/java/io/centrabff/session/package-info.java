/**
 * How the Centra token travels between storefront and BFF (a sealed HttpOnly cookie, replaced at every sign-in so a
 * value held before cannot reach the signed-in session, or the {@code API-Token} header), the
 * shopper's client address behind trusted proxies, and the country taken from edge headers for new selections.
 */
package io.centrabff.session;
