/**
 * The sandbox: a stateful simulation of Centra's Checkout API (paths, headers, status codes and JSON shapes per
 * centra-reference.md §2–§6) on a plain JDK HTTP server, started automatically when no {@code centra.base-url} is
 * configured and used as the upstream of integration tests. Public surface: {@link io.centrabff.sandbox.CentraSandbox},
 * {@link io.centrabff.sandbox.SandboxOptions}, {@link io.centrabff.sandbox.SandboxProperties}. Nothing else in the
 * service may depend on its internals; the BFF reaches it only over HTTP.
 */
package io.centrabff.sandbox;
