/**
 * The sandbox: a stateful simulation of Centra's Checkout API (paths, headers, status codes and JSON shapes as Centra documents them) on a plain JDK HTTP server, started under the {@code sandbox} profile when no
 * {@code centra.base-url} is configured and used as the upstream of integration tests. Public surface: {@link io.centrabff.sandbox.CentraSandbox},
 * {@link io.centrabff.sandbox.SandboxOptions}, {@link io.centrabff.sandbox.SandboxProperties}. Nothing else in the
 * service may depend on its internals; the BFF reaches it only over HTTP.
 */
package io.centrabff.sandbox;
