/**
 * The Centra gateway: the only code that knows Centra's URLs and headers. One WebClient on a pooled connector, the
 * {@code centra.*} properties, token, correlation and shared-secret handling, safe path encoding and error decoding.
 */
package io.centrabff.centra;
