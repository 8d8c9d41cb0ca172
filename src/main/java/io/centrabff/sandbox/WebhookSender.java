package io.centrabff.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Posts webhooks like Centra's Webhook plugin (Checkout API version): form-encoded {@code payload=<JSON>}, signed
 * with {@code X-Centra-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>}, 5 s timeout, no retries.
 */
final class WebhookSender {

    /** Where to post and with which endpoint secret; null target means webhooks are off. */
    private record Target(URI url, String secret) {}

    /**
     * Built on a thread of its own: creating a JDK HttpClient sets up TLS (the default SSLContext), about 3 % of the
     * main thread's work in a start with the sandbox profile, and nothing needs it before the first webhook;
     * {@link #send} waits for it.
     */
    private final CompletableFuture<HttpClient> http = CompletableFuture.supplyAsync(
            () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), runnable -> {
                Thread thread = new Thread(runnable, "centra-sandbox-webhook-client");
                // A sandbox stopped before the client is built must not keep the JVM alive.
                thread.setDaemon(true);
                thread.start();
            });

    private volatile Target target;

    void target(URI url, String secret) {
        this.target = url == null ? null : new Target(url, secret);
    }

    /** Sends {@code payload}; returns the receiver's status, or -1 when webhooks are off or the call failed. */
    int send(JsonNode payload) {
        Target current = target;
        if (current == null) {
            return -1;
        }
        try {
            String body = "payload="
                    + URLEncoder.encode(SandboxHttp.MAPPER.writeValueAsString(payload), StandardCharsets.UTF_8);
            String t = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest.Builder request = HttpRequest.newBuilder(current.url())
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (current.secret() != null && !current.secret().isBlank()) {
                request.header("X-Centra-Signature", "t=" + t + ",v1=" + sign(current.secret(), t, body));
            }
            return http.join()
                    .send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String sign(String secret, String t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
