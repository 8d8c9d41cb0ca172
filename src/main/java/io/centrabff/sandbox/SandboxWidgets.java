package io.centrabff.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checkout widgets Centra drives (W1–W4), simulated: the CheckoutScript, a KCO-like and a Qliro-like snippet
 * that show the total they last received, and an Ingrid-like shipping widget whose choice sets the shipping price.
 * Counts the provider orders the payment step creates, so tests can prove reloads create no second one.
 */
final class SandboxWidgets {

    static final Set<String> WIDGET_METHODS = Set.of("klarna-checkout", "qliro-one");

    private final AtomicInteger kcoOrders = new AtomicInteger();
    private final AtomicInteger qliroOrders = new AtomicInteger();
    /** Provider order id → the selection it mirrors (Centra pushes every cart change to the provider). */
    private final Map<String, SandboxSelection> orders = new ConcurrentHashMap<>();

    private final Map<String, String> byCart = new ConcurrentHashMap<>();

    private final java.util.ArrayDeque<ObjectNode> events = new java.util.ArrayDeque<>();

    /** The provider snippet for a new widget order of {@code selection}. */
    String createOrder(SandboxSelection selection, String method, int port) {
        // Centra keeps one provider order per selection and method and updates it on every payment step; only the
        // first step creates one (plugins: Klarna Checkout, Qliro One).
        String[] created = {null};
        String order = byCart.computeIfAbsent(selection.id + "/" + method, cart -> {
            created[0] = SandboxSelection.randomHex(8);
            return created[0];
        });
        orders.put(order, selection);
        if ("qliro-one".equals(method)) {
            if (created[0] != null) {
                qliroOrders.incrementAndGet();
            }
            return resource("qliro.html");
        }
        if (created[0] != null) {
            kcoOrders.incrementAndGet();
        }
        return resource("kco.html")
                .replace("@ORDER_URL@", "http://127.0.0.1:" + port + "/sandbox/widgets/kco?order=" + order);
    }

    /** What the provider holds for {@code order}: the mirrored selection's current grand total. */
    ObjectNode order(String order) {
        SandboxSelection selection = orders.get(order == null ? "" : order);
        if (selection == null) {
            return null;
        }
        synchronized (selection) {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("order", order)
                    .put("total", SelectionTotals.of(selection).grandTotal());
        }
    }

    /**
     * Keeps a forwarded {@code centra_checkout_callback} detail, so tests can see exactly what reached Centra's
     * payment-fields without the sandbox adding an undocumented field to its answers. Bounded: the last 100.
     */
    void recordEvent(SandboxSelection selection, JsonNode detail) {
        synchronized (events) {
            events.addLast(JsonNodeFactory.instance
                    .objectNode()
                    .put("selection", selection.id)
                    .set("detail", detail));
            while (events.size() > 100) {
                events.removeFirst();
            }
        }
    }

    /** {@code GET /sandbox/widget-events}: the forwarded widget events, oldest first. */
    ObjectNode events() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        synchronized (events) {
            events.forEach(out.putArray("events")::add);
        }
        if (!out.has("events")) {
            out.putArray("events");
        }
        return out;
    }

    ObjectNode counts() {
        return JsonNodeFactory.instance
                .objectNode()
                .put("kcoOrders", kcoOrders.get())
                .put("qliroOrders", qliroOrders.get());
    }

    void reset() {
        synchronized (events) {
            events.clear();
        }
        kcoOrders.set(0);
        qliroOrders.set(0);
        orders.clear();
        byCart.clear();
    }

    /** Whether the store's Ingrid plugin runs: on, failing to create a session (outage), or not installed. */
    enum IngridMode {
        ACTIVE,
        OUTAGE,
        OFF
    }

    /**
     * Ingrid is a shipping plugin: Centra starts it for any payment method once the selection has items
     * (ingrid pages "What happens behind the scenes"). The CheckoutScript comes while KCO, Qliro One or Ingrid is
     * active (checkoutscript). In an outage Centra answers with Ingrid v2's fallback {@code error} so the storefront
     * shows its own shipping form (ingridv2 "Error Response Indicating Fallback Form Usage").
     */
    static void render(SandboxSelection selection, ObjectNode node, IngridMode mode) {
        boolean ingrid = mode != IngridMode.OFF && !selection.lines.isEmpty();
        boolean ingridUp = ingrid && mode == IngridMode.ACTIVE;
        if (WIDGET_METHODS.contains(selection.paymentMethod) || ingridUp) {
            node.put("centraCheckoutScript", "<script>" + resource("centra-checkout.js") + "</script>");
        }
        if (!ingrid) {
            return;
        }
        ObjectNode fields = node.putObject("pluginFields").putObject("ingrid").put("version", 2);
        if (ingridUp) {
            fields.put(
                    "snippet",
                    resource("ingrid.html")
                            .replace("@STANDARD@", "standard".equals(selection.shippingMethod) ? "checked" : "")
                            .replace("@EXPRESS@", "express".equals(selection.shippingMethod) ? "checked" : ""));
            fields.put("deliveryOptionsAvailable", true);
        } else {
            fields.put("error", "No Ingrid-session created");
            fields.put("deliveryOptionsAvailable", false);
        }
    }

    /** Ingrid's shipping choice, forwarded by the storefront through payment-fields, becomes the shipping method. */
    static void apply(SandboxSelection selection, JsonNode detail) {
        String method = detail.path("ingrid").path("shippingMethod").asText("");
        if (Catalog.shippingMethod(method).isPresent()) {
            selection.shippingMethod = method;
        }
    }

    private static String resource(String name) {
        try (InputStream in = SandboxWidgets.class.getResourceAsStream("/sandbox-widgets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
