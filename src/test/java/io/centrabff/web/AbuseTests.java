package io.centrabff.web;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.web.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hundreds of hostile requests, generated, each a test named after its request: path traversal and encoded traversal
 * in every path parameter of every endpoint, malformed, deeply nested and huge bodies, wrong content types, CR/LF/NUL
 * and oversize values in X-Correlation-ID and API-Token (header mode), bad quantities, unknown routes and methods,
 * foreign origins. None may cause a 5xx; every refusal is problem+json saying what was wrong; no upstream request
 * carries an unencoded or dot segment, and every upstream request is one of Centra's own routes. Raw sockets
 * ({@link RawHttp}), because no HTTP client sends most of these.
 */
@TestPropertySource(properties = "bff.session.mode=HEADER")
class AbuseTests extends StubbedCentra {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every storefront route with a path parameter, the parameter under attack written as {}. */
    private static final List<String> PATH_ROUTES = List.of(
            "POST /items/{}",
            "POST /items/{}/quantity/1",
            "POST /lines/{}",
            "POST /lines/{}/quantity/1",
            "PUT /lines/{}/quantity/1",
            "DELETE /lines/{}/quantity/1",
            "DELETE /lines/{}",
            "PUT /countries/{}",
            "PUT /countries/{}/states/CA",
            "PUT /countries/US/states/{}",
            "PUT /languages/{}",
            "PUT /payment-methods/{}",
            "PUT /shipping-methods/{}",
            "DELETE /vouchers/{}",
            "GET /products/{}");

    private static final List<String> TRAVERSALS = List.of(
            "..",
            "%2e%2e",
            "%2E%2E",
            ".%2e",
            "%2e",
            "..%2F..%2Fpayment",
            "..%2f..%2f..%2fadmin",
            "%2F..%2Fpayment",
            "a%2Fb",
            "..%5C..%5Cpayment",
            "%252e%252e%252fpayment",
            "..;",
            "..;%2F..;%2Fpayment",
            "%00",
            "a%00b",
            "%0d%0aX-Injected:%201",
            "%C0%AE%C0%AE",
            "%E2%80%AE",
            "x".repeat(300),
            "%ZZ",
            "%",
            "?x=..%2F",
            "%3F..%2F");

    private static final List<String> QUANTITY_ROUTES = List.of(
            "POST /items/1001-1/quantity/{}",
            "POST /lines/l1/quantity/{}",
            "PUT /lines/l1/quantity/{}",
            "DELETE /lines/l1/quantity/{}");

    private static final List<String> QUANTITIES =
            List.of("-1", "0", "99999999999", "10001", "1e3", "NaN", "0x10", "1.5", "%201", "-0", "%2B1");

    private static final List<String> JSON_ROUTES = List.of(
            "POST /products",
            "POST /vouchers",
            "PUT /items",
            "PUT /payment-fields",
            "POST /payment",
            "POST /payment-result",
            "POST /address-search",
            "POST /uri",
            "PUT /countries/SE",
            "POST /items/1001-1");

    private static final List<String> BAD_BODIES = List.of(
            "{",
            "[1,2",
            "nul",
            "{\"a\":}",
            "{\"voucher\":\"x\"",
            "]",
            "{\"a\":1}}",
            "123",
            "[]",
            "\"text\"",
            "{\"a\":\"\u0000\"}x",
            "{\"a\":".repeat(65) + "1" + "}".repeat(65),
            "[".repeat(20_000),
            "{\"a\":\"" + "x".repeat(70_000) + "\"}");

    /** One hostile request and what, beyond the rules every answer must follow, its answer must show. */
    record Case(String name, String method, String target, List<String> headers, byte[] body, Consumer<Answer> expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One dynamic test per hostile request, so a failure names its request. Dynamic tests share this method's set-up
     * (one lenient stub for all), which keeps hundreds of requests as fast as one loop.
     */
    @TestFactory
    Stream<DynamicTest> hostileRequestsNeverCause5xxGetProblemDetailsAndNeverReachCentraUnencoded() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"token\":\"abuse-token\",\"selection\":{}}")));
        // Catalog reads are priced through Centra's country table; give the cache one to work with.
        CENTRA.stubFor(get(urlEqualTo(API + "/countries/all"))
                .atPriority(1)
                .willReturn(okJson("{\"countries\":[{\"country\":\"SE\",\"market\":\"1\",\"pricelist\":\"19\","
                        + "\"language\":\"sv\"}]}")));
        // Warm-up: a cold first call of a kind must not hit the short time limit.
        RawHttp.get(port, "/api/checkout/selection");
        RawHttp.send(port, "POST", "/api/checkout/items/1001-1", List.of(), null);
        RawHttp.get(port, "/api/checkout/products/1001");
        return cases().stream()
                .map(hostile -> DynamicTest.dynamicTest(hostile.name(), () -> {
                    CENTRA.resetRequests();

                    Answer answer =
                            RawHttp.send(port, hostile.method(), hostile.target(), hostile.headers(), hostile.body());

                    assertThat(violation(answer)).as("answer to %s", hostile).isNull();
                    hostile.expect().accept(answer);
                    assertUpstreamPathsAreCentraRoutesWithEncodedSegments();
                }));
    }

    @Test
    void theAttackCoversHundredsOfRequests() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(200);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        pathParameters(cases);
        quantities(cases);
        bodies(cases);
        contentTypes(cases);
        headerInjection(cases);
        unknownRoutesAndMethods(cases);
        foreignOrigins(cases);
        return cases;
    }

    private static void pathParameters(List<Case> cases) {
        for (String route : PATH_ROUTES) {
            for (String value : TRAVERSALS) {
                cases.add(api(route.replace("{}", value), List.of(), null, answer -> {}));
            }
        }
    }

    private static void quantities(List<Case> cases) {
        for (String route : QUANTITY_ROUTES) {
            for (String value : QUANTITIES) {
                // "0x10", "+1", " 1" and "-0" parse as numbers and travel canonicalised ("16", "1", "0").
                boolean invalid = List.of("-1", "99999999999", "10001", "1e3", "NaN", "1.5")
                                .contains(value)
                        || (value.equals("0") && !route.startsWith("PUT"));
                cases.add(api(route.replace("{}", value), List.of(), null, answer -> {
                    if (invalid) {
                        assertThat(answer.status()).isEqualTo(400);
                    }
                }));
            }
        }
    }

    private static void bodies(List<Case> cases) {
        for (String route : JSON_ROUTES) {
            for (String body : BAD_BODIES) {
                String shown = body.length() > 40 ? body.substring(0, 40) + "… (" + body.length() + " chars)" : body;
                cases.add(new Case(
                        route + " body " + shown.replace("\u0000", "\\0"),
                        method(route),
                        target(route),
                        List.of("Content-Type: application/json"),
                        body.getBytes(StandardCharsets.UTF_8),
                        answer -> {}));
            }
            byte[] megabyte = ("{\"a\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.US_ASCII);
            cases.add(new Case(
                    route + " chunked 1 MB body",
                    method(route),
                    target(route),
                    List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
                    chunk(megabyte),
                    answer -> assertThat(answer.status()).isEqualTo(413)));
        }
    }

    private static void contentTypes(List<Case> cases) {
        List<String> types = List.of(
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "image/png");
        for (String route : List.of("POST /vouchers", "PUT /items", "POST /payment", "PUT /payment-fields")) {
            for (String type : types) {
                cases.add(api(
                        route,
                        List.of("Content-Type: " + type),
                        "{\"voucher\":\"A\"}".getBytes(StandardCharsets.US_ASCII),
                        answer -> assertThat(answer.status()).isEqualTo(415)));
            }
        }
    }

    private static void headerInjection(List<Case> cases) {
        List<String> values = List.of(
                "abc\rdef",
                "abc\ndef",
                "abc\r\nX-Injected: 1",
                "abc\r\n continued",
                "abc\u0000def",
                "abc\u007fdef",
                "abc\u00e4\u00ff",
                "a".repeat(200),
                "a".repeat(5_000),
                "a".repeat(20_000),
                "",
                "none",
                "tok en",
                "tok,en",
                "\"quoted\"",
                "t".repeat(257));
        for (String header : List.of("X-Correlation-ID", "API-Token")) {
            for (String value : values) {
                cases.add(api("GET /selection", List.of(header + ": " + value), null, answer -> {}));
            }
        }
        cases.add(api(
                "GET /selection", List.of("API-Token: " + "t".repeat(300)), null, answer -> assertThat(answer.status())
                        .isEqualTo(400)));
    }

    private static void unknownRoutesAndMethods(List<Case> cases) {
        for (String target : List.of(
                "/api/checkout/admin",
                "/api/checkout/../../actuator/env",
                "/api/checkout/%2e%2e/%2e%2e/actuator/env",
                "/actuator/env",
                "/actuator/heapdump",
                "/actuator/loggers",
                "/actuator/threaddump",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/metrics",
                "/sandbox/requests",
                "/.git/config",
                "/WEB-INF/web.xml",
                "/api/checkout/selection/extra",
                "/api/checkout/products/1001/../../payment-result")) {
            cases.add(new Case("GET " + target, "GET", target, List.of(), null, answer -> {}));
        }
        for (String route : List.of(
                "PATCH /selection",
                "PATCH /items/1001-1",
                "DELETE /selection",
                "PUT /products",
                "GET /payment",
                "BREW /selection",
                "get /selection")) {
            cases.add(api(route, List.of(), null, answer -> {}));
        }
        cases.add(new Case(
                "POST /actuator/shutdown", "POST", "/actuator/shutdown", List.of(), new byte[0], answer -> {}));
    }

    private static void foreignOrigins(List<Case> cases) {
        for (String origin : List.of(
                "https://evil.example",
                "null",
                "https://shop.example.evil.com",
                "https://shop.example:8443",
                "http://shop.example")) {
            cases.add(api("GET /selection", List.of("Origin: " + origin), null, answer -> {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            }));
            cases.add(api("POST /items/1001-1", List.of("Origin: " + origin), null, answer -> {}));
            cases.add(api(
                    "OPTIONS /items/1001-1",
                    List.of("Origin: " + origin, "Access-Control-Request-Method: POST"),
                    null,
                    answer -> assertThat(answer.status()).isEqualTo(403)));
        }
    }

    /** A case on the storefront API: {@code route} is "METHOD /path" under /api/checkout. */
    private static Case api(String route, List<String> headers, byte[] body, Consumer<Answer> expect) {
        return new Case((route + " " + describe(headers)).trim(), method(route), target(route), headers, body, expect);
    }

    private static String method(String route) {
        return route.substring(0, route.indexOf(' '));
    }

    private static String target(String route) {
        return "/api/checkout" + route.substring(route.indexOf(' ') + 1);
    }

    private static String describe(List<String> headers) {
        String text = String.join(" | ", headers)
                .replace("\r", "\\r")
                .replace("\n", "\\n")
                .replace("\u0000", "\\0");
        return text.length() > 120 ? text.substring(0, 120) + "… (" + text.length() + " chars)" : text;
    }

    /** The body in 8 KB chunks, as clients stream it. */
    private static byte[] chunk(byte[] data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += 8192) {
            int length = Math.min(8192, data.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Centra's own error shape: {@code errors} and no problem {@code type}. */
    private static boolean centraShapedError(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("errors").isObject() && !node.path("errors").isEmpty() && !node.has("type");
        } catch (Exception e) {
            return false;
        }
    }

    /** What is wrong with an answer, or null: a 5xx, an injected header, an unsafe echo, a refusal not in problem+json. */
    private static String violation(Answer answer) {
        if (answer.status() < 200 || answer.status() >= 500) {
            return "status " + answer.status() + " " + answer.body();
        }
        if (answer.headers().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-injected"))) {
            return "injected header " + answer.headers();
        }
        String correlation = answer.header("X-Correlation-ID");
        if (correlation != null && !correlation.matches("[A-Za-z0-9._-]{1,128}")) {
            return "unsafe correlation id echoed";
        }
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type != null && type.startsWith("application/json") && centraShapedError(answer.body())) {
            // Centra's own answer (e.g. the catalog cache answering "product not found" as Centra would).
            return null;
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            return answer.status() + " as " + type + ": " + answer.body();
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status()
                    || problem.path("detail").asText().isBlank()
                    || !problem.path("errors").isObject()
                    || problem.toString().contains("Exception")) {
                return "incomplete problem " + problem;
            }
        } catch (Exception e) {
            return "not JSON: " + answer.body();
        }
        return null;
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-F]{2})+");

    /** Each upstream request is one of Centra's routes with every dynamic value as exactly one encoded segment. */
    private static void assertUpstreamPathsAreCentraRoutesWithEncodedSegments() {
        List<ServeEvent> events = CENTRA.getAllServeEvents();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            String method = event.getRequest().getMethod().getName();
            assertThat(url).startsWith(API + "/").doesNotContain("?", "#", "\\");
            String path = url.substring(API.length());
            for (String segment : path.substring(1).split("/", -1)) {
                assertThat(segment).as(url).matches(SEGMENT).isNotIn(".", "..", "%2E", "%2E%2E");
            }
            boolean centraRoute = java.util.Arrays.stream(CentraOperation.values())
                    .anyMatch(op -> op.method().name().equals(method)
                            && path.matches(op.template().replaceAll("\\{[a-zA-Z]+}", "[^/]+")));
            assertThat(centraRoute)
                    .as(method + " " + url + " is a Centra route")
                    .isTrue();
        }
    }
}
