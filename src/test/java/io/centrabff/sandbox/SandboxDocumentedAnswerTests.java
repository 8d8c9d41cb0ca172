package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds each of the sandbox's answers against what Centra documents for the same operation
 * ({@code src/test/resources/centra-documented}): every documented field present with Centra's JSON type, and
 * nothing Centra does not send. One case per documented answer, driven over real HTTP.
 */
class SandboxDocumentedAnswerTests {

    private static final String RETURN_PAGE = "https://shop.example/checkout/return";
    private static final String FAILED_PAGE = "https://shop.example/checkout/failed";

    /**
     * Paths the pages leave open although Centra clearly sends something there. Kept short; each entry says why.
     */
    private static final Set<String> ALLOWED_EVERYWHERE = Set.of(
            // Ingrid's widget must reach the page: the ingrid pages list "presenting a widget in the checkout" as
            // what the plugin does, but show only the fallback fields of pluginFields.ingrid, not the widget's HTML.
            "selection.pluginFields.ingrid.snippet");

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            // "addressData: if address was provided, else null" (adyen-drop-in "Example implementation"): an
            // address whose fields the page does not list.
            "payment-form-adyen-drop-in.json",
            Set.of("formFields.addressData"),
            // "the selection response will contain additional field errors that will contain a list of failed
            // operations" (selections-and-orders, bulk update): the elements exist, their shape is not documented.
            "items-bulk.json",
            Set.of("errors[]"),
            // With pricelist "all", products "instead of giving you a price-element, give you an associative array
            // with each pricelist-ID as the key" (introduction); the page's example is abridged, so it never shows
            // a related product that way, but a related product is a product.
            "products-all-pricelists.json",
            Set.of("products[].relatedProducts[].prices"),
            // With the shared secret, "the server-side communication [can] modify the pricelist and market for a
            // selection by providing the ID" (introduction): the answer names them, and countries[] their ids.
            "selection-context.json",
            Set.of("location.market", "location.pricelist", "countries[].market", "countries[].pricelist"));

    /**
     * Type relaxations for fields the pages show only in their starting state: {@code selection.language} appears
     * only as {@code null} (before any language is chosen), but the selected language is what it names once one is.
     */
    private static final Map<String, String> WIDENED = Map.of("selection.language", "string|null");

    private static CentraSandbox sandbox;

    private record Answer(int status, JsonNode json) {}

    @BeforeAll
    static void start() {
        sandbox = CentraSandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    static Stream<String> documentedAnswers() {
        try (Stream<Path> files = Files.list(folder())) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            return Path.of(SandboxDocumentedAnswerTests.class
                    .getResource(DocumentedShape.FOLDER)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyDocumentedAnswerHasAScenario() {
        assertThat(documentedAnswers().toList()).hasSize(43).allSatisfy(file -> assertThat(SCENARIOS)
                .containsKey(file));
    }

    /** The value rules the types cannot express (README "Value rules the types cannot express"). */
    @Test
    void documentedValueRulesHold() {
        SandboxClient c = new SandboxClient(sandbox);
        cart(c);
        c.put("/languages/en", null);
        JsonNode answer = c.put("/countries/SE", "{\"language\":\"en\"}").json();

        assertThat(answer.at("/selection/items/0/priceEach").asText()).isEqualTo("249.00\u00a0SEK");
        assertThat(answer.at("/selection/currencyFormat/suffix").asText()).isEqualTo(" SEK");
        assertThat(answer.at("/selection/currencyFormat/decimalDigits").isTextual())
                .isTrue();
        assertThat(answer.at("/selection/totals/totalDiscountPrice").asBoolean(true))
                .isFalse();
        assertThat(answer.at("/selection/totals/totalDiscountPriceAsNumber").isBoolean())
                .isTrue();
        assertThat(answer.at("/location/stateName").asText(null)).isEmpty();
        assertThat(answer.at("/location/language").asText())
                .as("Sweden's default")
                .isEqualTo("sv");
        assertThat(answer.at("/language/language").asText())
                .as("the selected one")
                .isEqualTo("en");
        assertThat(answer.at("/selection/items/0/product/media").isObject()).isTrue();
        JsonNode usd = c.put("/countries/US", null).json();
        assertThat(usd.at("/selection/totals/grandTotalPrice").asText()).matches("\\$\u00a0[0-9.]+\u00a0USD");
        assertThat(usd.at("/selection/currencyFormat/prefix").asText()).isEqualTo("$ ");
        c.post("/vouchers", "{\"voucher\":\"TEST+CODE\"}");
        JsonNode discounted = c.get("/selection").json();
        assertThat(discounted.at("/selection/totals/totalDiscountPriceAsNumber").isNumber())
                .isTrue();
        assertThat(discounted.at("/selection/totals/totalDiscountPrice").asText())
                .startsWith("$\u00a0-");
    }

    /** Ingrid runs with any payment method; in an outage the documented fallback tells the storefront to take over. */
    @Test
    void ingridRunsWithAnyPaymentMethodAndAnswersItsFallbackInAnOutage() {
        SandboxClient c = new SandboxClient(sandbox);
        JsonNode empty = c.get("/selection").json();
        cart(c);
        JsonNode paypal = c.put("/payment-methods/paypal", null).json();
        c.admin("POST", "/sandbox/ingrid?mode=outage");
        try {
            JsonNode outage = c.get("/selection").json();

            assertThat(empty.at("/selection/pluginFields").isMissingNode())
                    .as("no session without items")
                    .isTrue();
            assertThat(paypal.at("/selection/pluginFields/ingrid/deliveryOptionsAvailable")
                            .asBoolean())
                    .isTrue();
            assertThat(paypal.at("/selection/centraCheckoutScript").asText()).startsWith("<script>");
            assertThat(outage.at("/selection/pluginFields/ingrid/error").asText())
                    .isEqualTo("No Ingrid-session created");
            assertThat(outage.at("/selection/pluginFields/ingrid/deliveryOptionsAvailable")
                            .asBoolean(true))
                    .isFalse();
            assertThat(outage.at("/selection/centraCheckoutScript").isMissingNode())
                    .isTrue();
        } finally {
            c.admin("POST", "/sandbox/ingrid?mode=active");
        }
    }

    /** The checker itself: every documented example passes its own paths, so a failure below is the sandbox's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedAnswers")
    void documentedExamplePassesItsOwnPaths(String file) {
        DocumentedShape shape = DocumentedShape.load(file);
        JsonNode example = shape.example();
        if (!example.isMissingNode()) {
            assertThat(shape.differences(example, Set.of())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedAnswers")
    void sandboxAnswersAsCentraDocuments(String file) {
        DocumentedShape documented = DocumentedShape.load(file);
        Map<String, String> paths = new LinkedHashMap<>(documented.paths());
        WIDENED.forEach((path, types) -> paths.computeIfPresent(path, (p, t) -> types));
        DocumentedShape shape = new DocumentedShape(file, documented.operation(), paths);

        Answer answer = SCENARIOS.get(file).apply(new SandboxClient(sandbox));

        Integer status = STATUSES.get(file);
        if (file.startsWith("error-")) {
            assertThat(answer.status()).as(file + " status").isGreaterThanOrEqualTo(400);
        } else {
            assertThat(answer.status()).as(file + " status").isLessThan(300);
        }
        if (status != null) {
            assertThat(answer.status()).as(file + " status").isEqualTo(status);
        }
        Set<String> allowed = new java.util.HashSet<>(ALLOWED_EVERYWHERE);
        allowed.addAll(ALLOWED.getOrDefault(file, Set.of()));
        assertThat(shape.differences(answer.json(), allowed))
                .as("%s (%s) against Centra's documented answer", file, documented.operation())
                .isEmpty();
    }

    /** Statuses the pages state. */
    private static final Map<String, Integer> STATUSES = Map.of(
            "error-stock-items.json", 410,
            "error-stock-payment.json", 410,
            "error-stock-payment-result.json", 410,
            "error-uri-not-found.json", 404,
            "error-access-denied.json", 403,
            "error-login.json", 406,
            "error-register.json", 409);

    private static final Map<String, Function<SandboxClient, Answer>> SCENARIOS = scenarios();

    private static Map<String, Function<SandboxClient, Answer>> scenarios() {
        Map<String, Function<SandboxClient, Answer>> s = new LinkedHashMap<>();
        // Selection answers
        s.put("selection.json", c -> {
            cart(c);
            return answer(c.get("/selection"));
        });
        s.put("items-add.json", c -> answer(c.post("/items/1001-1", null)));
        s.put("country.json", c -> {
            cart(c);
            return answer(c.put("/countries/US", null));
        });
        s.put("selection-context.json", c -> {
            cart(c);
            return answer(
                    c.withSecret().put("/selection", "{\"market\":\"1\",\"pricelist\":\"20\",\"country\":\"DE\"}"));
        });
        s.put("items-gift-certificate.json", c -> {
            cart(c);
            return answer(c.post("/items/gift-certificates/gift-2", null));
        });
        s.put("items-bulk.json", c -> {
            cart(c);
            return answer(c.put(
                    "/items",
                    "{\"items\":[{\"item\":\"1005-1\",\"quantity\":1},{\"item\":\"no-such\",\"quantity\":1}]}"));
        });
        s.put("register.json", c -> {
            cart(c);
            return answer(register(c));
        });
        s.put("login.json", c -> {
            String email = email();
            register(new SandboxClient(sandbox), email);
            cart(c);
            return answer(c.post("/login/" + email, "{\"password\":\"correct horse 1\"}"));
        });
        // Order answers
        s.put("payment-result.json", c -> answer(paypalOrder(c)));
        s.put("receipt.json", c -> {
            paypalOrder(c);
            return answer(c.get("/receipt"));
        });
        s.put("payment-success.json", c -> {
            cart(c);
            return answer(pay(c, "invoice", ""));
        });
        s.put("selection-order.json", c -> {
            paypalOrder(c);
            return answer(c.get("/selection"));
        });
        s.put("orders.json", c -> {
            register(c);
            paypalOrder(c);
            return answer(c.post("/orders", "{}"));
        });
        // Catalog answers
        s.put("products.json", c -> answer(c.post("/products", "{}")));
        s.put(
                "products-all-pricelists.json",
                c -> answer(c.withSecret().post("/products", "{\"pricelist\":\"all\",\"market\":\"1\"}")));
        s.put("product.json", c -> answer(c.get("/products/1001")));
        s.put("uri-product.json", c -> answer(c.post("/uri", "{\"uri\":\"classic-tee\"}")));
        s.put("uri-category.json", c -> answer(c.post("/uri", "{\"uri\":\"tops\"}")));
        s.put("categories.json", c -> answer(c.get("/categories")));
        // Payment answers
        s.put("payment-redirect.json", c -> {
            cart(c);
            return answer(pay(c, "paypal", ""));
        });
        s.put("payment-form.json", c -> {
            cart(c);
            return answer(pay(c, "dummy", ""));
        });
        s.put("payment-form-kco.json", c -> {
            cart(c);
            return answer(pay(c, "klarna-checkout", ""));
        });
        s.put("payment-form-qliro.json", c -> {
            cart(c);
            return answer(pay(c, "qliro-one", ""));
        });
        s.put("payment-form-adyen-drop-in.json", c -> {
            cart(c);
            return answer(pay(c, "adyen-drop-in", ",\"paymentInitiateOnly\":true"));
        });
        s.put("payment-javascript-adyen-drop-in.json", c -> {
            cart(c);
            pay(c, "adyen-drop-in", ",\"paymentInitiateOnly\":true");
            return answer(pay(c, "adyen-drop-in", ",\"paymentMethodSpecificFields\":{\"type\":\"paypal\"}"));
        });
        s.put("payment-form-paypal-commerce.json", c -> {
            cart(c);
            return answer(pay(c, "paypal-commerce", ",\"paymentInitiateOnly\":true"));
        });
        s.put("payment-form-stripe-checkout.json", c -> {
            cart(c);
            return answer(pay(c, "stripe-checkout", ""));
        });
        s.put("payment-form-stripe-payment-intents.json", c -> {
            cart(c);
            return answer(pay(c, "stripe-payment-intents", ",\"paymentInitiateOnly\":true"));
        });
        s.put("payment-external.json", c -> {
            cart(c);
            return answer(pay(c, "external-payment", ""));
        });
        // Errors
        s.put("error-item-not-found.json", c -> answer(c.post("/items/no-such-item", null)));
        s.put("error-uri-not-found.json", c -> answer(c.post("/uri", "{\"uri\":\"no/such/page\"}")));
        s.put("error-access-denied.json", c -> answer(c.post("/orders", "{}")));
        s.put("error-login.json", c -> answer(c.post("/login/" + email(), "{\"password\":\"wrong password 1\"}")));
        s.put("error-register.json", c -> {
            String email = email();
            register(new SandboxClient(sandbox), email);
            return answer(register(c, email));
        });
        s.put("error-terms.json", c -> {
            cart(c);
            return answer(c.post(
                    "/payment",
                    """
                    {"paymentMethod":"paypal","paymentReturnPage":"%s","paymentFailedPage":"%s",
                     "address":%s}"""
                            .formatted(RETURN_PAGE, FAILED_PAGE, address("SE"))));
        });
        s.put("error-zipcode.json", c -> {
            cart(c);
            c.put("/countries/US", null);
            return answer(c.post(
                    "/payment",
                    """
                    {"paymentMethod":"paypal","paymentReturnPage":"%s","paymentFailedPage":"%s",
                     "termsAndConditions":true,"address":%s}"""
                            .formatted(RETURN_PAGE, FAILED_PAGE, address("US").replace("11122", "ABCDE"))));
        });
        s.put("error-payment.json", c -> {
            cart(c);
            return answer(pay(c, "declined-card", ""));
        });
        s.put("error-payment-result.json", c -> {
            cart(c);
            pay(c, "paypal", "");
            return answer(
                    c.post("/payment-result", "{\"paymentMethodFields\":{\"paymentId\":\"x\",\"PayerID\":\"y\"}}"));
        });
        s.put("error-stock-payment.json", c -> {
            // Item 1004-1 has one in stock.
            c.post("/items/1004-1/quantity/2", null);
            c.post("/items/1001-1", null);
            return answer(pay(c, "paypal", ""));
        });
        s.put(
                "error-stock-items.json",
                c -> aggressive(() -> {
                    stock("1005", 0);
                    try {
                        return answer(c.post("/items/1005-1", null));
                    } finally {
                        stock("1005", 100);
                    }
                }));
        s.put(
                "error-stock-payment-result.json",
                c -> aggressive(() -> {
                    c.post("/items/1005-1/quantity/2", null);
                    pay(c, "adyen-drop-in", ",\"paymentInitiateOnly\":true");
                    stock("1005", 1);
                    try {
                        return answer(
                                c.post("/payment-result", "{\"paymentMethodFields\":{\"resultCode\":\"Authorised\"}}"));
                    } finally {
                        stock("1005", 100);
                    }
                }));
        // Other
        s.put(
                "address-search.json",
                c -> answer(c.post("/address-search", "{\"identityNumber\":\"410321-9202\",\"country\":\"SE\"}")));
        s.put("webhook-checkout-api.json", c -> new Answer(200, ProductAdmin.payload("products", "1001")));
        return s;
    }

    private static Answer aggressive(java.util.function.Supplier<Answer> body) {
        sandbox.state().aggressiveOverselling(true);
        try {
            return body.get();
        } finally {
            sandbox.state().aggressiveOverselling(false);
        }
    }

    private static void stock(String product, int stock) {
        sandbox.state()
                .products
                .change(product, SandboxClient.MAPPER.createObjectNode().put("stock", stock));
    }

    private static Answer answer(SandboxClient.Response response) {
        return new Answer(response.status(), response.json());
    }

    private static void cart(SandboxClient c) {
        c.post("/items/1001-1", null);
        c.post("/items/1002-2/quantity/2", null);
    }

    private static String email() {
        return "shopper-" + SandboxSelection.randomHex(4) + "@example.com";
    }

    private static SandboxClient.Response register(SandboxClient c) {
        return register(c, email());
    }

    private static SandboxClient.Response register(SandboxClient c, String email) {
        return c.post(
                "/register",
                """
                {"email":"%s","password":"correct horse 1","address":{"firstName":"Sam","lastName":"Shopper"}}"""
                        .formatted(email));
    }

    private static String address(String country) {
        return """
                {"email":"shopper@example.com","firstName":"Sam","lastName":"Shopper","address1":"Main Street 1",
                 "zipCode":"11122","city":"Stockholm","country":"%s","phoneNumber":"+46700000000"}"""
                .formatted(country);
    }

    private static SandboxClient.Response pay(SandboxClient c, String method, String extra) {
        String country =
                c.get("/selection").json().path("location").path("country").asText("SE");
        String address = address(country);
        if ("US".equals(country)) {
            address = address.replace("\"country\":\"US\"", "\"country\":\"US\",\"state\":\"CA\"");
        }
        return c.post(
                "/payment",
                """
                {"paymentMethod":"%s","paymentReturnPage":"%s","paymentFailedPage":"%s","termsAndConditions":true,
                 "address":%s%s}"""
                        .formatted(method, RETURN_PAGE, FAILED_PAGE, address, extra));
    }

    /** A PayPal checkout to its end: the PSP page redirects back with the parameters payment-result needs. */
    private static SandboxClient.Response paypalOrder(SandboxClient c) {
        cart(c);
        SandboxClient.Response payment = pay(c, "paypal", "");
        SandboxClient.Response redirect =
                c.raw("GET", URI.create(payment.json().path("url").asText()), null);
        URI back = URI.create(redirect.raw().headers().firstValue("Location").orElseThrow());
        Map<String, String> params = SandboxHttp.query(back.getRawQuery());
        ObjectNode body = SandboxClient.MAPPER.createObjectNode();
        body.set("paymentMethodFields", SandboxClient.MAPPER.valueToTree(params));
        return c.post("/payment-result", body.toString());
    }
}
