package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.centrabff.sandbox.SandboxSelection.PendingPayment;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test controls and fake PSP pages under {@code /sandbox/}, deliberately outside the checkout path so a BFF that
 * only forwards checkout-API paths can never reach them.
 */
final class AdminHandler implements HttpHandler {

    private static final String PRODUCTS = "/sandbox/products/";

    private final SandboxState state;

    AdminHandler(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            Map<String, String> query =
                    SandboxHttp.query(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case "/sandbox/rotate" -> expect(exchange, "POST", () -> {
                    state.sessions.armRotation();
                    return JsonNodeFactory.instance.objectNode().put("rotateNextResponse", true);
                });
                case "/sandbox/latency" -> expect(exchange, "POST", () -> {
                    if (query.containsKey("profile")) {
                        state.latencyProfile(LatencyProfile.parse(query.get("profile")));
                        return JsonNodeFactory.instance
                                .objectNode()
                                .put(
                                        "latencyProfile",
                                        state.latencyProfile().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    long ms = parseMillis(query.get("ms"));
                    state.latency(Duration.ofMillis(ms));
                    return JsonNodeFactory.instance.objectNode().put("latencyMs", ms);
                });
                case "/sandbox/requests" -> {
                    if ("DELETE".equals(method)) {
                        state.requests.clear();
                        SandboxHttp.send(
                                exchange,
                                200,
                                JsonNodeFactory.instance.objectNode().put("cleared", true),
                                false);
                    } else {
                        expect(exchange, "GET", state.requests::toJson);
                    }
                }
                case "/sandbox/reset" -> expect(exchange, "POST", () -> {
                    state.reset();
                    return JsonNodeFactory.instance.objectNode().put("reset", true);
                });
                case "/sandbox/ingrid" -> expect(exchange, "POST", () -> {
                    state.ingrid(SandboxWidgets.IngridMode.valueOf(
                            query.getOrDefault("mode", "").toUpperCase(java.util.Locale.ROOT)));
                    return JsonNodeFactory.instance
                            .objectNode()
                            .put("ingrid", state.ingrid().name());
                });
                case "/sandbox/overselling" -> expect(exchange, "POST", () -> {
                    String mode = query.getOrDefault("mode", "");
                    if (!mode.equals("aggressive") && !mode.equals("default")) {
                        throw new IllegalArgumentException("mode must be aggressive or default");
                    }
                    state.aggressiveOverselling(mode.equals("aggressive"));
                    return JsonNodeFactory.instance.objectNode().put("overselling", mode);
                });
                case "/sandbox/widget-events" -> expect(exchange, "GET", state.widgets::events);
                case "/sandbox/payments" -> expect(exchange, "GET", state::payments);
                case "/sandbox/back-in-stock" -> expect(exchange, "GET", state::backInStock);
                case "/sandbox/psp/paypal" -> paypal(exchange, query);
                case "/sandbox/widgets" -> expect(exchange, "GET", state.widgets::counts);
                case "/sandbox/widgets/kco" -> kcoOrder(exchange, query.get("order"));
                default -> {
                    if (path.startsWith(PRODUCTS)) {
                        ProductAdmin.handle(exchange, state, path.substring(PRODUCTS.length()));
                        return;
                    }
                    SandboxHttp.send(exchange, 404, error("path", "not found"), false);
                }
            }
        } catch (IllegalArgumentException e) {
            SandboxHttp.send(exchange, 400, error("query", e.getMessage()), false);
        }
    }

    /**
     * The PayPal-like approval page: sends the shopper back to the storefront's return page with PayPal's own
     * parameter names (note {@code PayerID}'s casing), or to the failed page when {@code cancel=1}.
     */
    private void paypal(HttpExchange exchange, Map<String, String> query) throws IOException {
        PendingPayment payment = state.pspPayments.get(query.getOrDefault("ref", ""));
        if (payment == null) {
            SandboxHttp.send(exchange, 404, error("ref", "unknown payment"), false);
            return;
        }
        if ("1".equals(query.get("cancel"))) {
            SandboxHttp.redirect(exchange, withQuery(payment.failedPage(), "paymentId=" + payment.paymentId()));
            return;
        }
        // PayPal also appends its own "token" parameter; a BFF must forward all of them verbatim (§4).
        SandboxHttp.redirect(
                exchange,
                withQuery(
                        payment.returnPage(),
                        "paymentId=" + payment.paymentId() + "&token=EC-SANDBOX&PayerID=" + payment.payerId()));
    }

    /** Klarna's side of a KCO order, read by the sandbox snippet from the storefront's page (hence CORS). */
    private void kcoOrder(HttpExchange exchange, String order) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        JsonNode body = state.widgets.order(order);
        SandboxHttp.send(exchange, body == null ? 404 : 200, body == null ? error("order", "not found") : body, false);
    }

    private static String withQuery(String page, String query) {
        return page + (page.contains("?") ? "&" : "?") + query;
    }

    private interface Action {
        JsonNode run();
    }

    private static void expect(HttpExchange exchange, String method, Action action) throws IOException {
        if (!method.equals(exchange.getRequestMethod())) {
            SandboxHttp.send(exchange, 405, error("method", "not allowed"), false);
            return;
        }
        SandboxHttp.send(exchange, 200, action.run(), false);
    }

    private static long parseMillis(String value) {
        try {
            long ms = Long.parseLong(value == null ? "" : value);
            if (ms < 0) {
                throw new IllegalArgumentException("ms must be >= 0");
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ms must be a number of milliseconds");
        }
    }

    static ObjectNode error(String field, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("errors").put(field, reason);
        return body;
    }
}
