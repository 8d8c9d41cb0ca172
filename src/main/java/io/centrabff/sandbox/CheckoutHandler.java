package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.centrabff.sandbox.SessionStore.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the checkout API under the plugin permalink: records the request, resolves the token into a session, runs
 * the endpoint under the selection's lock and answers with {@code token} first, errors included.
 */
final class CheckoutHandler implements HttpHandler {

    static final String BASE_PATH = "/api/checkout/52";

    private final SandboxState state;
    private final CheckoutRoutes routes = new CheckoutRoutes();

    CheckoutHandler(SandboxState state) {
        this.state = state;
        ProductEndpoints.register(routes);
        CartEndpoints.register(routes);
        GiftCertificateEndpoints.register(routes);
        SettingsEndpoints.register(routes);
        PaymentEndpoints.register(routes);
        PaymentFieldsEndpoints.register(routes);
        CustomerEndpoints.register(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            state.requests.record(exchange);
            pause(state.latency().plus(profileDelay(exchange)));
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-ID");
            if (correlationId != null) {
                // Centra echoes the correlation id (§1).
                exchange.getResponseHeaders().set("X-Correlation-ID", correlationId);
            }
            Session session = state.sessions.resolve(SandboxHttp.token(exchange.getRequestHeaders()));
            JsonNode body = null;
            SandboxError early = null;
            try {
                body = SandboxHttp.readJson(exchange);
            } catch (SandboxError e) {
                early = e;
            }
            int status = 200;
            ObjectNode answer;
            String token;
            synchronized (session.selection()) {
                try {
                    if (early != null) {
                        throw early;
                    }
                    answer = dispatch(exchange, body, session);
                } catch (SandboxError e) {
                    status = e.status();
                    answer = e.body();
                }
                token = state.sessions.answerToken(session);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (token != null) {
                out.put("token", token);
            }
            out.setAll(answer);
            boolean pretty = exchange.getRequestURI().getRawQuery() != null
                    && exchange.getRequestURI().getRawQuery().contains("pretty");
            SandboxHttp.send(exchange, status, out, pretty);
        } catch (RuntimeException e) {
            // Never leave a client hanging on a sandbox bug: answer like an upstream 500.
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.putObject("errors").put("sandbox", String.valueOf(e));
            SandboxHttp.send(exchange, 500, error, false);
        }
    }

    /** The latency profile's delay for this call; a path the router will refuse anyway waits like a cart call. */
    private Duration profileDelay(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments;
        try {
            segments = SandboxHttp.segments(rawPath.substring(Math.min(BASE_PATH.length(), rawPath.length())));
        } catch (RuntimeException e) {
            segments = List.of();
        }
        return state.latencyProfile().delay(segments);
    }

    private ObjectNode dispatch(HttpExchange exchange, JsonNode body, Session session) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rest = rawPath.substring(Math.min(BASE_PATH.length(), rawPath.length()));
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            // "/api/checkout/52x" shares the context prefix but is not our plugin.
            throw SandboxError.notFound("path", "not found");
        }
        List<String> segments = SandboxHttp.segments(rest);
        Call call = new Call(List.of(), body, authorized(exchange), session.selection(), state, session.token());
        return routes.dispatch(exchange.getRequestMethod(), segments, call);
    }

    /** A missing secret only limits what the caller may do; a wrong one is refused outright, like a bad key. */
    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        byte[] expected = ("Bearer " + state.sharedSecret()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
            throw SandboxError.of(401, "authorization", "invalid shared secret");
        }
        return true;
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
