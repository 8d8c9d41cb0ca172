/**
 * Signed Centra webhook intake: verifies {@code X-Centra-Signature} over the raw form body, reads which products,
 * categories or broader objects changed (Checkout API and Storefront API plugin versions) and evicts the catalog
 * cache through a bounded queue.
 */
package io.centrabff.webhook;
