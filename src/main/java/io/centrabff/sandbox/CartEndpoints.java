package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Product;
import io.centrabff.sandbox.CheckoutRoutes.Access;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The cart (§3.2, §3.3): selection, items, lines and the bulk {@code PUT /items}. */
final class CartEndpoints {

    private CartEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("GET", "selection", Access.OPEN, SelectionJson::response)
                .add("POST", "items/{}", Access.CART, call -> addItem(call, call.param(0), 1))
                .add("POST", "items/{}/quantity/{}", Access.CART, c -> addItem(c, c.param(0), c.quantityParam(1)))
                .add("POST", "items/bundles/{}", Access.CART, CartEndpoints::bundle)
                .add("PUT", "items", Access.CART, CartEndpoints::bulk)
                .add("POST", "lines/{}", Access.CART, call -> changeLine(call, line(call).quantity + 1))
                .add("POST", "lines/{}/quantity/{}", Access.CART, c -> changeLine(c, line(c).quantity + positive(c)))
                .add("PUT", "lines/{}/quantity/{}", Access.CART, c -> changeLine(c, notNegative(c)))
                .add("DELETE", "lines/{}/quantity/{}", Access.CART, c -> changeLine(c, line(c).quantity - positive(c)))
                .add("DELETE", "lines/{}", Access.CART, call -> changeLine(call, 0));
    }

    private static ObjectNode addItem(Call call, String itemId, int quantity) {
        if (quantity <= 0) {
            throw SandboxError.badRequest("quantity", "must be positive");
        }
        if (!call.state().aggressiveOverselling()) {
            add(call.selection(), itemId, quantity);
            return SelectionJson.response(call);
        }
        // Aggressive overselling prevention (overselling "Add item to selection"): what is left is added and the
        // rest reported in unavailable[] with 200; with nothing left, 410.
        Catalog.productOfItem(itemId).orElseThrow(() -> SandboxError.notFound("item", "product item not found"));
        int inCart = call.selection().lineWithItem(itemId).map(l -> l.quantity).orElse(0);
        int stock = call.state().products.item(itemId).map(Catalog.Item::stock).orElse(0);
        int available = Math.max(0, Math.min(quantity, stock - inCart));
        ObjectNode unavailable = JsonNodeFactory.instance
                .objectNode()
                .put("item", itemId)
                .put("product", Catalog.productOfItem(itemId).orElseThrow().id())
                .put("originalQuantity", quantity)
                .put("unavailable", quantity - available)
                .put("available", available);
        if (available == 0) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("errors").put("stock", "unavailable items");
            body.putArray("unavailable").add(unavailable);
            throw new SandboxError(410, body);
        }
        add(call.selection(), itemId, available);
        ObjectNode response = SelectionJson.response(call);
        if (available < quantity) {
            response.putArray("unavailable").add(unavailable);
        }
        return response;
    }

    /**
     * Flexible bundles must be enabled in the plugin and need store-specific set-up (overview/03.products), and the
     * sandbox's catalog has none: unknown items answer like {@code POST /items/{item}}, known ones are refused.
     */
    private static ObjectNode bundle(Call call) {
        Catalog.productOfItem(call.param(0)).orElseThrow(() -> SandboxError.notFound("item", "product item not found"));
        throw SandboxError.notAcceptable("item", "not a flexible bundle");
    }

    /** Adds to the line holding the item, or opens a new line; validates market and pricelist like Centra. */
    static void add(SandboxSelection selection, String itemId, int quantity) {
        Product product = Catalog.productOfItem(itemId)
                .filter(p -> p.markets().contains(selection.market))
                .orElseThrow(() -> SandboxError.notFound("item", "product item not found"));
        if (product.priceIn(selection.pricelist) == null) {
            // Products without a price are listed but not buyable (§1); Centra gives no status, we use 406.
            throw SandboxError.notAcceptable("item", "not available in this pricelist");
        }
        // A gift certificate cannot share the selection with products (fe-development/07.gift-certs).
        selection.giftCertificate = null;
        selection
                .lineWithItem(itemId)
                .ifPresentOrElse(
                        line -> line.quantity += quantity, () -> selection.lines.add(new Line(itemId, quantity)));
    }

    private static Line line(Call call) {
        return call.selection().line(call.param(0)).orElseThrow(() -> SandboxError.notFound("line", "not found"));
    }

    private static int positive(Call call) {
        int quantity = call.quantityParam(1);
        if (quantity <= 0) {
            throw SandboxError.badRequest("quantity", "must be positive");
        }
        return quantity;
    }

    private static int notNegative(Call call) {
        int quantity = call.quantityParam(1);
        if (quantity < 0) {
            throw SandboxError.badRequest("quantity", "must not be negative");
        }
        return quantity;
    }

    private static ObjectNode changeLine(Call call, int quantity) {
        Line line = line(call);
        if (quantity <= 0) {
            call.selection().lines.remove(line);
        } else {
            line.quantity = quantity;
        }
        return SelectionJson.response(call);
    }

    /**
     * Bulk update (§3.3): 400 for a malformed body; when every operation fails, the status of the first failure
     * (404 line/item not found, 406 item already in the selection); when some apply, 200 with an {@code errors} list
     * of the failed operations (Centra only knows success or failure per operation, no reason).
     */
    private static ObjectNode bulk(Call call) {
        ObjectNode body = call.object();
        JsonNode lines = body.path("lines");
        JsonNode items = body.path("items");
        if ((!lines.isMissingNode() && !lines.isArray())
                || (!items.isMissingNode() && !items.isArray())
                || (lines.isMissingNode() && items.isMissingNode())) {
            throw SandboxError.badRequest("body", "expected lines[] and/or items[]");
        }
        for (JsonNode op : lines) {
            if (!op.path("line").isTextual()
                    || !op.path("quantity").isInt()
                    || op.path("quantity").asInt() < 0) {
                throw SandboxError.badRequest("lines", "each needs line and quantity >= 0");
            }
        }
        for (JsonNode op : items) {
            if (!op.path("item").isTextual()
                    || !op.path("quantity").isInt()
                    || op.path("quantity").asInt() <= 0) {
                throw SandboxError.badRequest("items", "each needs item and quantity > 0");
            }
        }
        SandboxSelection selection = call.selection();
        List<SandboxError> failures = new ArrayList<>();
        ArrayNode failed = JsonNodeFactory.instance.arrayNode();
        int applied = 0;
        for (JsonNode op : lines) {
            Line line = selection.line(op.get("line").asText()).orElse(null);
            if (line == null) {
                failures.add(SandboxError.notFound("line", "not found"));
                failed.add(op);
                continue;
            }
            int quantity = op.get("quantity").asInt();
            if (quantity == 0) {
                selection.lines.remove(line);
            } else {
                line.quantity = quantity;
            }
            applied++;
        }
        for (JsonNode op : items) {
            String item = op.get("item").asText();
            try {
                if (selection.lineWithItem(item).isPresent()) {
                    throw SandboxError.notAcceptable("item", "already in selection, use lines");
                }
                add(selection, item, op.get("quantity").asInt());
                applied++;
            } catch (SandboxError e) {
                failures.add(e);
                failed.add(op);
            }
        }
        if (!failures.isEmpty() && applied == 0) {
            throw failures.get(0);
        }
        ObjectNode response = SelectionJson.response(call);
        if (!failures.isEmpty()) {
            response.set("errors", failed);
        }
        return response;
    }
}
