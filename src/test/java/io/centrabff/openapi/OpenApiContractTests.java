package io.centrabff.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Real answers of the BFF, relayed from the embedded sandbox, checked against the OpenAPI description: every request
 * and answer of a shopper's whole path (catalog, cart, country, voucher, widgets, every payment outcome, receipt) and
 * the BFF's problems must be described, so the description cannot drift from the code.
 */
@SandboxTest
class OpenApiContractTests {

    static final String BASE = "/api/checkout";
    static final String RETURN_PAGE = "https://shop.example/checkout/return";
    static final String FAILED_PAGE = "https://shop.example/checkout/failed";
    static final OpenApiDescription DESCRIPTION = new OpenApiDescription();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    final List<String> drift = new ArrayList<>();
    int checked;

    @BeforeEach
    void clean() {
        drift.clear();
        checked = 0;
    }

    @Test
    void descriptionIsServedToAnyOriginAndCacheable() throws Exception {
        Reply reply = call(new ShopperClient(port), "GET", "/openapi.yaml", null, "Origin", "https://unknown.example");
        assertNoDrift(1);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/yaml");
        assertThat(reply.header("Cache-Control")).contains("public").contains("max-age=3600");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
        try (InputStream in = getClass().getResourceAsStream("/openapi/centra-bff.yaml")) {
            assertThat(reply.text()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // The credentialed API next to it still refuses that origin.
        assertThat(new ShopperClient(port)
                        .get(BASE + "/selection", "Origin", "https://unknown.example")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void validatorRejectsAnAnswerTheDescriptionDoesNotAllow() {
        assertThat(DESCRIPTION.checkResponse("GET", "/selection", 200, "application/json", "{\"selection\": 5}"))
                .isNotEmpty();
        assertThat(DESCRIPTION.checkResponse("GET", "/selection", 200, "text/html", "<p>"))
                .singleElement()
                .asString()
                .contains("content type");
        assertThat(DESCRIPTION.checkResponse("GET", "/nowhere", 200, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("not described");
        assertThat(DESCRIPTION.checkResponse(
                        "POST",
                        "/widgets/signal",
                        200,
                        "application/json",
                        "{\"bff\":{\"widgets\":{\"unknown\":true}}}"))
                .as("the BFF's own block is closed")
                .isNotEmpty();
    }

    @Test
    void catalogAnswersMatchTheDescription() {
        ShopperClient shopper = new ShopperClient(port);
        Reply products = call(shopper, "POST", "/products", Map.of("limit", 10));
        assertThat(products.status()).isEqualTo(200);
        String product = products.json().at("/products/0/product").asString();
        String uri = products.json().at("/products/0/uri").asString();
        assertThat(call(shopper, "GET", "/products/" + product, null).status()).isEqualTo(200);
        assertThat(call(shopper, "GET", "/products/999999", null).status()).isEqualTo(404);
        assertThat(call(shopper, "GET", "/categories", null).status()).isEqualTo(200);
        assertThat(call(shopper, "POST", "/uri", Map.of("uri", uri)).status()).isLessThan(500);
        assertThat(call(shopper, "POST", "/products", "{not json").status()).isEqualTo(400);
        assertNoDrift(6);
    }

    @Test
    void cartAnswersMatchTheDescription() {
        ShopperClient shopper = new ShopperClient(port);
        assertThat(call(shopper, "GET", "/selection", null).status()).isLessThan(500);
        Reply added = call(shopper, "POST", "/items/1001-1", null, "Idempotency-Key", "contract-add-1");
        assertThat(added.status()).isEqualTo(200);
        assertThat(call(shopper, "POST", "/items/1001-1", null, "Idempotency-Key", "contract-add-1")
                        .status())
                .as("replay")
                .isEqualTo(200);
        String line = added.json().at("/selection/items/0/line").asString();
        call(shopper, "POST", "/items/1002-1/quantity/2", null);
        call(shopper, "POST", "/lines/" + line, null);
        call(shopper, "PUT", "/lines/" + line + "/quantity/3", null);
        call(shopper, "DELETE", "/lines/" + line + "/quantity/1", null);
        call(shopper, "GET", "/selection", null);
        call(shopper, "GET", "/countries", null);
        assertThat(call(shopper, "PUT", "/countries/DE", null).status()).isEqualTo(200);
        call(shopper, "GET", "/languages", null);
        call(shopper, "PUT", "/languages/de", null);
        assertThat(call(shopper, "POST", "/vouchers", Map.of("voucher", "TEST+CODE"))
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/vouchers", Map.of("voucher", "NO-SUCH-CODE"))
                        .status())
                .as("Centra's own error")
                .isGreaterThanOrEqualTo(400);
        call(shopper, "DELETE", "/vouchers/TEST%2BCODE", null);
        call(shopper, "PUT", "/shipping-methods/express", null);
        call(shopper, "PUT", "/items", Map.of("lines", List.of(Map.of("line", line, "quantity", 2))));
        call(shopper, "DELETE", "/lines/" + line, null);
        assertThat(call(shopper, "POST", "/items/no-such-item", null).status()).isGreaterThanOrEqualTo(400);
        assertThat(call(shopper, "POST", "/vouchers", "{broken").status()).isEqualTo(400);
        assertNoDrift(20);
    }

    @Test
    void giftCertificateBundleServerSideAndBackInStockAnswersMatchTheDescription() {
        ShopperClient shopper = new ShopperClient(port);
        String key = "test-server-key";
        assertThat(call(shopper, "POST", "/items/gift-certificates/gift-2", null, "Idempotency-Key", "contract-gc")
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/items/gift-certificates/gift-1/amount/120", null)
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/items/gift-certificates/gift-1", Map.of("amount", 80))
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/items/gift-certificates/gift-1/amount/0", null)
                        .status())
                .isEqualTo(400);
        assertThat(call(shopper, "POST", "/items/bundles/1001-1", Map.of("sections", List.of()))
                        .status())
                .isEqualTo(406);
        assertThat(call(shopper, "PUT", "/selection", Map.of("pricelist", "20"), "X-BFF-Server-Key", key)
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "PUT", "/selection", Map.of("pricelist", "20")).status())
                .isEqualTo(403);
        assertThat(call(shopper, "GET", "/countries/all", null, "X-BFF-Server-Key", key)
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "GET", "/markets", null, "X-BFF-Server-Key", key)
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "GET", "/pricelists", null, "X-BFF-Server-Key", key)
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "GET", "/pricelists", null).status()).isEqualTo(403);
        assertThat(call(
                                shopper,
                                "POST",
                                "/back-in-stock-subscription",
                                Map.of("item", "1004-1", "shipTo", Map.of("country", "SE"), "email", "c@example.com"))
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/back-in-stock-subscription", "{\"shipTo\":{\"country\":\"SE\"}}")
                        .status())
                .isEqualTo(400);
        assertNoDrift(13);
    }

    @Test
    void widgetAnswersMatchTheDescription() {
        ShopperClient shopper = new ShopperClient(port);
        call(shopper, "POST", "/items/1001-1", null);
        assertThat(call(shopper, "PUT", "/payment-methods/klarna-checkout", null)
                        .status())
                .isEqualTo(200);
        Reply kco = call(shopper, "POST", "/payment", paymentBody("SE"));
        assertThat(kco.status()).isEqualTo(200);
        assertThat(kco.json().path("action").asString()).isEqualTo("form");
        call(shopper, "GET", "/selection", null);
        call(shopper, "POST", "/items/1002-1", null);
        Map<String, Object> ingrid = Map.of(
                "additionalFields",
                Map.of("event", "ingrid_v2_shipping_option_changed", "suspendIgnore", Map.of("ingrid", true)),
                "ingrid",
                Map.of("shippingMethod", "express"));
        call(shopper, "PUT", "/payment-fields", ingrid);
        call(shopper, "PUT", "/payment-methods/qliro-one", null);
        call(shopper, "POST", "/payment", paymentBody("SE"));
        call(shopper, "PUT", "/countries/DE", null);
        assertThat(call(shopper, "POST", "/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-started"))
                        .status())
                .isEqualTo(200);
        assertThat(call(shopper, "POST", "/items/1001-1", null).status())
                .as("payment in progress")
                .isEqualTo(409);
        call(shopper, "POST", "/widgets/signal", Map.of("kind", "QLIRO", "signal", "payment-ended"));
        assertThat(call(
                                new ShopperClient(port),
                                "POST",
                                "/widgets/signal",
                                Map.of("kind", "KCO", "signal", "payment-ended"))
                        .status())
                .as("no cart yet")
                .isEqualTo(404);
        assertThat(call(shopper, "POST", "/widgets/signal", "{\"kind\":\"KCO\",\"signal\":\"paid\"}")
                        .status())
                .isEqualTo(400);
        assertNoDrift(12);
    }

    @Test
    void paymentOutcomesMatchTheDescription() {
        ShopperClient paypal = new ShopperClient(port);
        call(paypal, "POST", "/items/1001-1", null);
        call(paypal, "PUT", "/payment-methods/paypal", null);
        Reply redirect = call(paypal, "POST", "/payment", paymentBody("SE"));
        assertThat(redirect.json().path("action").asString()).isEqualTo("redirect");
        Reply psp = paypal.get(redirect.json().path("url").asString());
        assertThat(psp.status()).isEqualTo(302);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : URI.create(psp.header("Location")).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        assertThat(call(paypal, "POST", "/payment-result", Map.of("paymentMethodFields", fields))
                        .status())
                .isEqualTo(200);
        assertThat(call(paypal, "GET", "/receipt", null).status()).isEqualTo(200);

        ShopperClient invoice = new ShopperClient(port);
        call(invoice, "POST", "/items/1001-1", null);
        call(invoice, "PUT", "/payment-methods/invoice", null);
        assertThat(call(invoice, "POST", "/payment", paymentBody("SE"))
                        .json()
                        .path("action")
                        .asString())
                .isEqualTo("success");
        call(invoice, "GET", "/receipt", null);

        for (String method : List.of("declined-card", "failing-psp", "adyen-drop-in", "external-payment")) {
            ShopperClient shopper = new ShopperClient(port);
            call(shopper, "POST", "/items/1001-1", null);
            call(shopper, "PUT", "/payment-methods/" + method, null);
            call(shopper, "POST", "/payment", paymentBody("SE"));
        }
        ShopperClient empty = new ShopperClient(port);
        call(empty, "POST", "/items/1001-1", null);
        assertThat(call(empty, "POST", "/payment", Map.of("paymentMethod", "invoice"))
                        .status())
                .as("missing pages")
                .isGreaterThanOrEqualTo(400);
        assertThat(call(new ShopperClient(port), "GET", "/receipt", null).status())
                .isGreaterThanOrEqualTo(400);
        assertNoDrift(20);
    }

    @Test
    void eventStreamMessagesMatchTheDescription() throws Exception {
        ShopperClient shopper = new ShopperClient(port);
        call(shopper, "POST", "/items/1001-1", null);
        call(shopper, "PUT", "/payment-methods/klarna-checkout", null);
        call(shopper, "POST", "/payment", paymentBody("SE"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + BASE + "/selection/events"))
                .header("Accept", "text/event-stream")
                .header(
                        "Cookie",
                        io.centrabff.TestCookies.rewrite("centra-session=" + shopper.cookie("centra-session")))
                .build();
        HttpResponse<Stream<String>> stream = http.send(request, HttpResponse.BodyHandlers.ofLines());
        drift.addAll(DESCRIPTION.checkResponse(
                "GET",
                "/selection/events",
                stream.statusCode(),
                stream.headers().firstValue("Content-Type").orElse(""),
                null));
        checked++;
        List<String> names = new ArrayList<>();
        Thread change = new Thread(() -> {
            shopper.post(
                    BASE + "/lines/"
                            + shopper.get(BASE + "/selection")
                                    .json()
                                    .at("/selection/items/0/line")
                                    .asString(),
                    null);
        });
        Iterator<String> lines = stream.body().iterator();
        Map<String, String> message = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!names.contains("resume") && System.nanoTime() < deadline && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (message.containsKey("data")) {
                    String name = message.getOrDefault("event", "message");
                    names.add(name);
                    String json = "{\"event\":" + JSON.writeValueAsString(name)
                            + (message.containsKey("id") ? ",\"id\":" + JSON.writeValueAsString(message.get("id")) : "")
                            + ",\"data\":" + message.get("data") + "}";
                    drift.addAll(DESCRIPTION.checkComponent("SelectionEventMessage", json));
                    if (name.equals("snapshot")) {
                        change.start();
                    }
                }
                message.clear();
            } else if (!line.startsWith(":") && line.contains(":")) {
                message.merge(
                        line.substring(0, line.indexOf(':')),
                        line.substring(line.indexOf(':') + 1).stripLeading(),
                        (a, b) -> a + "\n" + b);
            }
        }
        stream.body().close();
        change.join(10_000);
        assertThat(names).as("events read").contains("snapshot", "suspend", "resume");
        assertThat(drift).as("events that differ from the OpenAPI description").isEmpty();
    }

    static Map<String, Object> paymentBody(String country) {
        return Map.of(
                "paymentReturnPage",
                RETURN_PAGE,
                "paymentFailedPage",
                FAILED_PAGE,
                "termsAndConditions",
                true,
                "address",
                Map.of("email", "shopper@example.com", "country", country));
    }

    /** Sends through the BFF and records where the request or the answer differs from the description. */
    Reply call(ShopperClient shopper, String method, String path, Object body, String... headers) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        if (text != null && !(body instanceof String)) {
            drift.addAll(DESCRIPTION.checkRequest(method, rawPath(path), "application/json", text));
        }
        Reply reply = shopper.send(method, BASE + path, text, headers);
        checked++;
        drift.addAll(DESCRIPTION.checkResponse(
                method, rawPath(path), reply.status(), reply.header("Content-Type"), reply.text()));
        return reply;
    }

    private static String rawPath(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private void assertNoDrift(int atLeast) {
        assertThat(checked).as("answers checked").isGreaterThanOrEqualTo(atLeast);
        assertThat(drift).as("answers that differ from the OpenAPI description").isEmpty();
    }
}
