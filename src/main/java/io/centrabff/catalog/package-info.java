/** Catalog reads: products, categories and URI routing. Passed through to Centra for now. */
package io.centrabff.catalog;
