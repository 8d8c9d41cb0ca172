package io.centrabff.web;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.web.RawHttp.Answer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smaller hostile cases: oversized chunked webhooks, encoded traversal, and the receipt cookie on sign-in and out. */
class HostileClientTests extends StubbedCentra {

    @Test
    void anOversizedChunkedWebhookIsA413Problem() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = ("payload=" + "x".repeat(8_000)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 300; i++) {
            body.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(chunk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        Answer answer = RawHttp.send(
                port,
                "POST",
                "/api/webhooks/centra",
                List.of("Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded"),
                body.toByteArray());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    @Test
    void dotDotFollowedByAnEncodedSeparatorIsRefusedWithoutCallingCentra() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        for (String value : List.of("..%2Fpayment", "..%5Cpayment", "a%2F..%2Fpayment", "..%2F..%2F")) {
            Reply reply = client.delete("/api/checkout/vouchers/" + value, "Cookie", "centra-session=tok-1");
            assertThat(reply.status()).as(value).isEqualTo(400);
            // Refused by the gateway, or by the container before it for some spellings: either way a 400 problem.
            assertThat(reply.json().path("type").asText())
                    .isIn("urn:centra-bff:problem:invalid-path-value", "urn:centra-bff:problem:rejected");
        }
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void theReceiptCookieGoesOnSignOutAndSignIn() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson("{\"token\":\"tok-1\",\"loggedIn\":false}")));

        Reply logout =
                client.post("/api/checkout/logout", null, "Cookie", "centra-session=tok-1; centra-receipt=tok-0");
        Reply login = client.post(
                "/api/checkout/login/ada@example.com",
                java.util.Map.of("password", "secret"),
                "Cookie",
                "centra-session=tok-1; centra-receipt=tok-0");

        for (Reply reply : List.of(logout, login)) {
            assertThat(reply.allHeaders("Set-Cookie"))
                    .anySatisfy(cookie ->
                            // Under the name the BFF writes it with: __Host- in a Secure context.
                            assertThat(cookie)
                                    .startsWith("__Host-centra-receipt=;")
                                    .contains("Max-Age=0"));
        }
    }

    @Test
    void paymentPagesMustBeOnTheStorefront() {
        CENTRA.stubFor(any(anyUrl())
                .willReturn(okJson("{\"token\":\"tok-1\",\"action\":\"redirect\",\"url\":\"https://psp.example\"}")));
        for (String page : List.of(
                "https://evil.example/r", "https://shop.example.evil.example/r", "//evil.example/r", "javascript:x")) {
            for (String field : List.of("paymentReturnPage", "paymentFailedPage")) {
                Reply reply = client.post(
                        "/api/checkout/payment",
                        java.util.Map.of(field, page, "termsAndConditions", true),
                        "Cookie",
                        "centra-session=tok-1");
                assertThat(reply.status()).as(field + "=" + page).isEqualTo(400);
                assertThat(reply.json().at("/errors/" + field).isTextual()).isTrue();
            }
        }
        assertThat(upstreamCalls("POST", "/payment")).isZero();

        Reply allowed = client.post(
                "/api/checkout/payment",
                java.util.Map.of("paymentReturnPage", STOREFRONT + "/r", "paymentFailedPage", STOREFRONT + "/f"),
                "Cookie",
                "centra-session=tok-1");
        assertThat(allowed.status()).as(allowed.text()).isNotEqualTo(400);
        assertThat(upstreamCalls("POST", "/payment"))
                .as("pages on the storefront go on to Centra")
                .isEqualTo(1);
    }
}
