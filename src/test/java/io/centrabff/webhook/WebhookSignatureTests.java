package io.centrabff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.web.Secret;
import io.centrabff.webhook.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    static final byte[] BODY = "payload=%7B%22x%22%3A%22test%22%7D".getBytes(StandardCharsets.US_ASCII);

    @Test
    void centrasDocumentedExampleVerifies() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("12345678.".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(WebhookSignature.sign("test123", "12345678", BODY))
                .isEqualTo(expected)
                .startsWith("0b9cd84f5d58");
        assertThat(at(12345678).verify("t=12345678,v1=" + expected, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void forgedExpiredReplayedAndMissingSignaturesAreRefused() {
        String good = WebhookSignature.sign("test123", "12345678", BODY);
        WebhookSignature signature = at(12345678);

        assertThat(signature.verify("t=12345678,v1=" + good.replace('0', '1'), BODY))
                .isEqualTo(Verdict.INVALID);
        assertThat(signature.verify(null, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("v1=" + good, BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(at(12345678 + 301).verify("t=12345678,v1=" + good, BODY)).isEqualTo(Verdict.EXPIRED);
        assertThat(signature.verify("t=12345678,v1=" + good, BODY)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify("t=12345678,v1=" + good, BODY)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void signatureCoversTheRawBytesNotAReEncoding() {
        byte[] raw = "payload=%7B%22products%22%3A%5B%22a*b%22%5D%7D".getBytes(StandardCharsets.US_ASCII);
        byte[] reEncoded = "payload=%7B%22products%22%3A%5B%22a%2Ab%22%5D%7D".getBytes(StandardCharsets.US_ASCII);
        String signed = WebhookSignature.sign("test123", "12345678", raw);

        assertThat(at(12345678).verify("t=12345678,v1=" + signed, reEncoded)).isEqualTo(Verdict.INVALID);
    }

    private static WebhookSignature at(long epochSecond) {
        return new WebhookSignature(
                new Secret("test123"),
                Duration.ofSeconds(300),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}
