package io.centrabff.selection;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import io.centrabff.centra.StubbedCentraTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What the gift certificate and flexible bundle operations send to Centra: Centra's path with every value as one
 * encoded segment, the session token, no shared secret, the body as given; and that they take the cart path of
 * {@code POST /items/{item}} (Idempotency-Key replay, {@code bff.widgets}). Header mode, so the token is visible.
 */
@StubbedCentraTest
@TestPropertySource(properties = "bff.session.mode=HEADER")
class CartAdditionsWireMockTests extends StubbedCentra {

    static final String SELECTION_ANSWER =
            "{\"token\":\"tok-gc-1\",\"selection\":{\"items\":[]," + "\"totals\":{\"grandTotalPriceAsNumber\":100}}}";

    @BeforeEach
    void stub() {
        CENTRA.stubFor(any(anyUrl()).willReturn(okJson(SELECTION_ANSWER)));
    }

    @Test
    void giftCertificateReachesCentraAsOneEncodedSegmentWithTheSessionAndNoSecret() {
        Reply reply = client.post(
                "/api/checkout/items/gift-certificates/gift%20card+1", Map.of("amount", 250), "API-Token", "tok-gc-1");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("token").asText()).isEqualTo("tok-gc-1");
        assertThat(reply.json().at("/bff/widgets").isObject())
                .as("a cart change carries the widget instructions")
                .isTrue();
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(API + "/items/gift-certificates/gift%20card%2B1"))
                        .withHeader("API-token", equalTo("tok-gc-1"))
                        .withHeader("Authorization", absent())
                        .withRequestBody(equalToJson("{\"amount\":250}")));
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void giftCertificateAmountTravelsInThePath() {
        Reply reply =
                client.post("/api/checkout/items/gift-certificates/gift-1/amount/99.50", null, "API-Token", "tok-gc-1");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(API + "/items/gift-certificates/gift-1/amount/99.50"))
                        .withHeader("API-token", equalTo("tok-gc-1"))
                        .withHeader("Authorization", absent()));
    }

    @Test
    void aRepeatedIdempotencyKeyIsAnsweredWithoutASecondCentraCall() {
        String path = "/api/checkout/items/gift-certificates/gift-2";

        Reply first = client.post(path, null, "API-Token", "tok-gc-1", "Idempotency-Key", "gc-once");
        Reply again = client.post(path, null, "API-Token", "tok-gc-1", "Idempotency-Key", "gc-once");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("selection")).isEqualTo(first.json().path("selection"));
        assertThat(upstreamCalls("POST", "/items/gift-certificates/gift-2")).isEqualTo(1);
    }

    @Test
    void badAmountsAreRefusedWithoutCallingCentra() {
        for (String amount : List.of("0", "-5", "1e3", "12.345", "abc", "1234567890")) {
            Reply refused = client.post(
                    "/api/checkout/items/gift-certificates/gift-1/amount/" + amount, null, "API-Token", "tok-gc-1");

            assertThat(refused.status()).as(amount).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(amount).startsWith("application/problem+json");
        }
        Reply notAnObject = client.post("/api/checkout/items/gift-certificates/gift-1", "[1]", "API-Token", "tok-gc-1");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(upstreamCalls()).isZero();
    }

    @Test
    void bundleChoicesReachCentraUnchangedForTheEncodedItem() {
        Map<String, Object> choice = Map.of(
                "sections",
                List.of(Map.of("section", "1", "item", "1001-1"), Map.of("section", "2", "item", "1002-1")));

        Reply reply = client.post("/api/checkout/items/bundles/20%2F1", choice, "API-Token", "tok-gc-1");
        Reply plainItem = client.post("/api/checkout/items/bundles/2001-1", choice, "API-Token", "tok-gc-1");

        // Tomcat refuses an encoded '/' in a path: either way it never becomes a second upstream segment.
        assertThat(reply.status()).isIn(200, 400);
        assertThat(plainItem.status()).as(plainItem.text()).isEqualTo(200);
        assertThat(plainItem.json().at("/bff/widgets").isObject()).isTrue();
        CENTRA.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(API + "/items/bundles/2001-1"))
                        .withHeader("API-token", equalTo("tok-gc-1"))
                        .withHeader("Authorization", absent())
                        .withRequestBody(equalToJson("{\"sections\":[{\"section\":\"1\",\"item\":\"1001-1\"},"
                                + "{\"section\":\"2\",\"item\":\"1002-1\"}]}")));
        assertThat(CENTRA.getAllServeEvents())
                .allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain("/items/bundles/20/1"));
    }

    @Test
    void aBundleWithoutABodyIsRefusedWithoutCallingCentra() {
        Reply noBody = client.post("/api/checkout/items/bundles/2001-1", null, "API-Token", "tok-gc-1");
        Reply notAnObject = client.post("/api/checkout/items/bundles/2001-1", "\"x\"", "API-Token", "tok-gc-1");

        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(upstreamCalls()).isZero();
    }
}
