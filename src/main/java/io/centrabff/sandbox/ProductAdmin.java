package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.centrabff.sandbox.Catalog.Product;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /sandbox/products/{id}} with {@code {price?, pricelist?, name?, stock?}}: changes the product, then posts
 * a signed {@code {"products":["<id>"]}} webhook to the configured receiver, as Centra does after an admin edit. The
 * answer reports the receiver's status ({@code webhookStatus}, -1 when none is configured or it failed).
 */
final class ProductAdmin {

    private ProductAdmin() {}

    static void handle(HttpExchange exchange, SandboxState state, String productId) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SandboxHttp.send(exchange, 405, AdminHandler.error("method", "not allowed"), false);
            return;
        }
        JsonNode body;
        Product product;
        try {
            body = SandboxHttp.readJson(exchange);
            product = state.products.change(productId, body == null ? JsonNodeFactory.instance.objectNode() : body);
        } catch (SandboxError e) {
            SandboxHttp.send(exchange, e.status(), e.body(), false);
            return;
        }
        int status = state.webhooks.send(payload("products", product.id()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("product", product.id());
        out.put("webhookStatus", status);
        SandboxHttp.send(exchange, 200, out, false);
    }

    /** The Checkout API webhook payload: event type → ids as strings (webhook "Checkout API"). */
    static ObjectNode payload(String type, String id) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putArray(type).add(id);
        return payload;
    }
}
