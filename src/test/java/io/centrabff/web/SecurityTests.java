package io.centrabff.web;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.session.ClientAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What a security reviewer checks: headers, CORS, actuator surface, limits, client IP, and no admin route left open. */
class SecurityTests extends StubbedCentra {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyResponseForbidsSniffingAndFraming() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"selection\":{}}")));
        for (Reply reply : List.of(
                client.get("/api/checkout/selection"),
                client.get("/api/checkout/nowhere"),
                client.get("/actuator/health"))) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void cartPaymentAndCustomerResponsesAreNeverStored() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"token\":\"t-1\",\"selection\":{},\"action\":\"form\"}")));
        for (Reply reply : List.of(
                client.get("/api/checkout/selection"),
                client.post("/api/checkout/items/1001-1", null),
                client.put("/api/checkout/payment-fields", Map.of("address", Map.of("email", "a@b.example"))),
                client.post("/api/checkout/payment", Map.of("termsAndConditions", true)),
                client.get("/api/checkout/receipt"))) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void configuredOriginGetsCorsWithCredentials() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"selection\":{}}")));
        Reply preflight = client.send(
                "OPTIONS",
                "/api/checkout/items/1001-1",
                null,
                "Origin",
                STOREFRONT,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type,x-correlation-id");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(STOREFRONT);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(upstreamCalls()).as("preflights never reach Centra").isZero();

        Reply actual = client.get("/api/checkout/selection", "Origin", STOREFRONT);
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(STOREFRONT);
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Correlation-ID");
    }

    @Test
    void otherOriginsAreRefusedWithoutCorsHeadersOrUpstreamCalls() {
        Reply reply = client.post("/api/checkout/items/1001-1", null, "Origin", "https://evil.example");

        ProblemTests.assertProblem(reply, 403);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:cors-origin");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheus() {
        assertThat(management.get("/actuator").json().path("_links").properties().stream()
                        .map(Map.Entry::getKey)
                        .filter(name -> !name.equals("self") && !name.startsWith("health"))
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("info", "prometheus");
        for (String hidden : List.of("env", "beans", "heapdump", "threaddump", "loggers", "configprops", "metrics")) {
            ProblemTests.assertProblem(management.get("/actuator/" + hidden), 404);
        }
        assertThat(management.post("/actuator/shutdown", "{}").status()).isEqualTo(404);
    }

    @Test
    void theActuatorIsNotServedOnThePublicPort() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/health", "/actuator/info")) {
            ProblemTests.assertProblem(client.get(path), 404);
        }
        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void oversizedHeadersAreRefusedBeforeAnyCode() {
        Reply reply = client.get("/api/checkout/selection", "X-Padding", "p".repeat(20_000));

        ProblemTests.assertProblem(reply, 400);
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void deeplyNestedJsonIsRefusedWithAClearMessage() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"selection\":{}}")));
        String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
        String fine = "{\"a\":".repeat(30) + "1" + "}".repeat(30);

        Reply refused = client.put("/api/checkout/payment-fields", deep);
        ProblemTests.assertProblem(refused, 400);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:body-too-complex");
        assertThat(refused.json().path("detail").asText()).contains("64 levels");
        assertThat(client.put("/api/checkout/payment-fields", fine).status()).isEqualTo(200);
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void forwardedClientIpIsBelievedFromATrustedProxy() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"action\":\"form\"}")));

        client.post(
                "/api/checkout/payment",
                Map.of("termsAndConditions", true, "ipAddress", "6.6.6.6"),
                "X-Forwarded-For",
                "203.0.113.9");

        CENTRA.verify(postRequestedFor(urlEqualTo(API + "/payment"))
                .withRequestBody(matchingJsonPath(
                        "$.ipAddress", com.github.tomakehurst.wiremock.client.WireMock.equalTo("203.0.113.9"))));
    }

    @Test
    void forwardedClientIpIsIgnoredFromAnyoneElse() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.7");
        request.addHeader("X-Forwarded-For", "203.0.113.9");

        assertThat(new ClientAddress(List.of("10.0.0.0/8")).resolve(request)).isEqualTo("198.51.100.7");
        assertThat(new ClientAddress(List.of()).resolve(request)).isEqualTo("198.51.100.7");
        assertThat(new ClientAddress(List.of("198.51.100.0/24")).resolve(request))
                .isEqualTo("203.0.113.9");
    }

    /**
     * Hook for admin endpoints (cache rebuild and the like): any route outside the storefront API and the error page
     * must refuse a caller without the admin secret. Today there is none; the first one added must pass this.
     */
    @Test
    void everyRouteOutsideTheStorefrontApiRefusesCallersWithoutTheAdminSecret() {
        Set<String> api = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/checkout/"))
                .collect(Collectors.toSet());
        assertThat(api).hasSizeGreaterThan(20);
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> !pattern.startsWith("/api/checkout/") && !pattern.equals("/error"))
                .forEach(pattern -> {
                    String path = pattern.replaceAll("\\{[^}]+}", "x");
                    var methods = info.getMethodsCondition().getMethods();
                    for (var method : methods.isEmpty()
                            ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                            : methods) {
                        Reply reply =
                                client.send(method.name(), path, method.name().equals("GET") ? null : "{}");
                        assertThat(reply.status()).as(method + " " + path).isIn(401, 403);
                    }
                }));
    }
}
