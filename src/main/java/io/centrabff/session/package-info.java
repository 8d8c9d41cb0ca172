/**
 * How the Centra token travels between storefront and BFF (an HttpOnly cookie or the {@code API-Token} header), the
 * shopper's client address behind trusted proxies, and the country taken from edge headers for new selections.
 */
package io.centrabff.session;
