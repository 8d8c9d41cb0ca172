package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import org.junit.jupiter.api.Test;

/** Neither readiness nor liveness depends on Centra: probes never call it and open breakers do not count. */
class HealthTests extends StubbedCentra {

    @Test
    void readyWhileBreakersAreClosedWithoutCallingCentra() {
        Reply readiness = management.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(upstreamCalls()).as("probes never call Centra").isZero();
    }

    @Test
    void openBreakersKeepTheInstanceReadyAndLive() {
        breakers.circuitBreaker("cart").transitionToOpenState();
        breakers.circuitBreaker("catalog").transitionToOpenState();

        Reply readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        Reply liveness = management.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthShowsNoDetailsToAnonymousCallers() {
        breakers.circuitBreaker("payment").transitionToOpenState();

        Reply health = management.get("/actuator/health");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.text()).doesNotContain("payment");
    }
}
