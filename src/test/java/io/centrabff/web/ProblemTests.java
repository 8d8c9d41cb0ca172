package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets problem+json with the right status and a useful message, never a 500. */
@SandboxTest
class ProblemTests {

    @LocalServerPort
    int port;

    ShopperClient client;

    @BeforeEach
    void client() {
        client = new ShopperClient(port);
    }

    @Test
    void malformedJsonIs400WithAClearMessage() {
        Reply reply = client.post("/api/checkout/vouchers", "{\"voucher\": ");
        assertProblem(reply, 400);
        assertThat(reply.json().path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void bodyOverTheLimitIs413() {
        Reply reply = client.post("/api/checkout/payment-fields", "{\"a\":\"" + "x".repeat(70_000) + "\"}");
        assertProblem(reply, 413);
    }

    @Test
    void nonNumericQuantityIs400() {
        assertProblem(client.post("/api/checkout/items/1001-1/quantity/lots", null), 400);
    }

    @Test
    void zeroAndHugeQuantitiesAre400() {
        Reply zero = client.post("/api/checkout/items/1001-1/quantity/0", null);
        assertProblem(zero, 400);
        assertThat(zero.json().path("errors").has("quantity")).isTrue();
        assertProblem(client.post("/api/checkout/items/1001-1/quantity/99999999999", null), 400);
    }

    @Test
    void voucherWithoutCodeIs400() {
        Reply reply = client.post("/api/checkout/vouchers", "{}");
        assertProblem(reply, 400);
        assertThat(reply.json().at("/errors/voucher").asText()).contains("voucher");
    }

    @Test
    void unknownRouteIs404Problem() {
        assertProblem(client.get("/api/checkout/not-a-route"), 404);
    }

    @Test
    void wrongMethodIs405Problem() {
        assertProblem(client.send("PATCH", "/api/checkout/selection", null), 405);
    }

    @Test
    void correlationIdIsEchoedWhenWellFormedAndReplacedOtherwise() {
        Reply good = client.get("/api/checkout/countries", "X-Correlation-ID", "abc-123");
        assertThat(good.header("X-Correlation-ID")).isEqualTo("abc-123");
        Reply bad = client.get("/api/checkout/countries", "X-Correlation-ID", "x".repeat(200));
        assertThat(bad.header("X-Correlation-ID")).isNotEqualTo("x".repeat(200)).hasSizeLessThanOrEqualTo(128);
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
        assertThat(reply.json().path("errors").isObject()).isTrue();
        assertThat(reply.json().path("correlationId").asText()).isNotBlank();
    }
}
