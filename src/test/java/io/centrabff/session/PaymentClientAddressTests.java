package io.centrabff.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Without trusted proxies the TCP peer is the shopper: a caller cannot choose the ipAddress Centra sees. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentClientAddressTests extends PaymentIpAddressTestBase {

    @Test
    void forwardedForFromAnUntrustedCallerIsIgnored() {
        Reply reply =
                bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("action").asText()).isEqualTo("redirect");
        assertIpAddressSent("127.0.0.1");
    }

    @Test
    void bodySuppliedIpAddressIsOverwritten() {
        Reply reply = bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("127.0.0.1");
    }
}
