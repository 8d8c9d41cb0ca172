package io.centrabff.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.BffHttp.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Behind a trusted proxy the shopper is the last untrusted X-Forwarded-For hop. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bff.session.trusted-proxies=127.0.0.1/32"})
class TrustedProxyPaymentTests extends PaymentIpAddressTestBase {

    @Test
    void forwardedForFromATrustedProxyNamesTheShopper() {
        Reply reply =
                bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("1.2.3.4");
    }

    @Test
    void spoofedHopsLeftOfTheShopperAreIgnored() {
        Reply reply = bff.post(
                "/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1", "X-Forwarded-For", "9.9.9.9, 1.2.3.4");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("1.2.3.4");
    }

    @Test
    void withoutForwardedForTheProxyItselfIsTheClient() {
        Reply reply = bff.post("/api/checkout/payment", BODY, "Cookie", "centra-session=tok-1");

        assertThat(reply.status()).isEqualTo(200);
        assertIpAddressSent("127.0.0.1");
    }
}
