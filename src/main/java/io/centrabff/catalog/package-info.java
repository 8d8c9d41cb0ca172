/**
 * Catalog reads (products, categories, URI routing) served from memory: a Caffeine cache keyed by market, language
 * and normalised query, filled with all pricelists and projected to each shopper's pricelist, refreshed in the
 * background, evicted by webhooks and rebuilt on demand.
 */
package io.centrabff.catalog;
