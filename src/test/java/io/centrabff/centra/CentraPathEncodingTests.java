package io.centrabff.centra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.centra.BffHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every dynamic path value reaches Centra as exactly one segment, whatever the storefront put in it: the raw upstream
 * URL is asserted from WireMock's request journal.
 */
class CentraPathEncodingTests extends StubbedCentra {

    static final String BASE = "/api/checkout/52";

    @Autowired
    CentraGateway gateway;

    BffHttp bff;

    @BeforeEach
    void stubCentra() {
        bff = new BffHttp(port);
        CENTRA.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"tok-1\",\"selection\":{}}")));
    }

    @Test
    void voucherWithPlusTravelsAsOneEncodedSegment() {
        Reply reply = bff.delete("/api/checkout/vouchers/TEST%2BCODE", "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        CENTRA.verify(exactly(1), deleteRequestedFor(urlEqualTo(BASE + "/vouchers/TEST%2BCODE")));
        CENTRA.verify(exactly(1), anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a%20b               | a%20b",
                "a+b                 | a%2Bb",
                "%C3%A5%C3%A4%C3%B6  | %C3%A5%C3%A4%C3%B6",
                "a%3Fb%3Dc           | a%3Fb%3Dc",
                "a%23b               | a%23b",
                "a%25b               | a%25b",
                "a%252Fb             | a%252Fb",
                "a%3Bb%3Dc           | a%3Bb%3Dc",
            })
    void voucherValueReachesCentraAsExactlyOneSegment(String value, String upstreamSegment) {
        Reply reply = bff.delete("/api/checkout/vouchers/" + value, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(upstreamUrls()).containsExactly(BASE + "/vouchers/" + upstreamSegment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2Fx", "a%2Fb", "..%2F..%2Fselection", "%2F"})
    void encodedSlashNeverReachesCentraAsASecondSegment(String value) {
        Reply reply = bff.delete("/api/checkout/vouchers/" + value, "Cookie", "centra-session=tok-1");

        // Tomcat rejects an encoded '/' unless told to pass it through; either way no other route may be reached.
        if (reply.status() == 400) {
            assertThat(upstreamUrls()).isEmpty();
        } else {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(upstreamUrls()).containsExactly(BASE + "/vouchers/" + value);
        }
    }

    @Test
    void encodedItemAndQuantityStayInTheirSegments() {
        Reply reply = bff.post("/api/checkout/items/..%3Fx%23y/quantity/2", null, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(upstreamUrls()).containsExactly(BASE + "/items/..%3Fx%23y/quantity/2");
    }

    /** No Centra id is "." or "..": refused, so no proxy in front of Centra can ever resolve them as a traversal. */
    @ParameterizedTest
    @ValueSource(strings = {"%2E%2E", "%2E", "%2e%2e", ".%2E"})
    void dotOnlyValuesAreRefusedWithoutCallingCentra(String value) {
        Reply reply = bff.delete("/api/checkout/vouchers/" + value, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:invalid-path-value");
        assertThat(upstreamUrls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a/b                 | a%2Fb",
                "x?y#z/..x           | x%3Fy%23z%2F..x",
                "ö ü                 | %C3%B6%20%C3%BC",
            })
    void gatewayEncodesRawValuesAsOneSegment(String value, String upstreamSegment) {
        CentraResponse response = gateway.exchange(
                        CentraRequest.forSession(CentraOperation.REMOVE_VOUCHER, "tok-1", null, "corr-1", value))
                .block();

        assertThat(response.status()).isEqualTo(200);
        assertThat(upstreamUrls()).containsExactly(BASE + "/vouchers/" + upstreamSegment);
    }

    /** A proxy that decodes before resolving dot segments would see a traversal: refused before any call. */
    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../selection?x#y", "a/../b", "..\\payment", "x/."})
    void dotSegmentsBehindSeparatorsAreRefusedAtTheGateway(String value) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.exchange(CentraRequest.forSession(
                                CentraOperation.REMOVE_VOUCHER, "tok-1", null, "corr-1", value))
                        .block())
                .isInstanceOf(io.centrabff.web.BffException.class)
                .hasMessageContaining("invalid-path-value");
        assertThat(upstreamUrls()).isEmpty();
    }

    private static List<String> upstreamUrls() {
        return CENTRA.findAll(anyRequestedFor(anyUrl())).stream()
                .map(LoggedRequest::getUrl)
                .toList();
    }
}
