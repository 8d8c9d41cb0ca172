package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxLatencyProfileTests {

    @Test
    void realisticProfileDelaysCatalogAbout100AndPaymentAbout250Milliseconds() {
        CentraSandbox sandbox = CentraSandbox.start(SandboxOptions.defaults().realisticLatency());
        try {
            SandboxClient client = new SandboxClient(sandbox);
            client.get("/selection");

            long catalog = timed(() -> client.post("/products", "{}"));
            long payment = timed(() -> client.post("/payment", "{}"));

            assertThat(catalog).isGreaterThanOrEqualTo(80);
            assertThat(payment).isGreaterThanOrEqualTo(200);
            assertThat(client.admin("POST", "/sandbox/latency?profile=none")
                            .json()
                            .path("latencyProfile")
                            .asText())
                    .isEqualTo("none");
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void delaysStayWithinTwentyPercentOfTheirKindAndNoneAddsNothing() {
        for (int i = 0; i < 200; i++) {
            assertThat(LatencyProfile.REALISTIC.delay(List.of("products")).toMillis())
                    .isBetween(80L, 120L);
            assertThat(LatencyProfile.REALISTIC.delay(List.of("payment-result")).toMillis())
                    .isBetween(200L, 300L);
            assertThat(LatencyProfile.REALISTIC
                            .delay(List.of("items", "1001-1"))
                            .toMillis())
                    .isBetween(120L, 180L);
        }
        assertThat(LatencyProfile.NONE.delay(List.of("payment")).isZero()).isTrue();
        assertThat(LatencyProfile.parse("Realistic")).isEqualTo(LatencyProfile.REALISTIC);
        assertThat(LatencyProfile.parse("")).isEqualTo(LatencyProfile.NONE);
        assertThatThrownBy(() -> LatencyProfile.parse("slow")).hasMessageContaining("none or realistic");
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
