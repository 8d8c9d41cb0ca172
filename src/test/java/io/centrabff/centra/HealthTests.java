package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import org.junit.jupiter.api.Test;

/** Readiness follows the circuit breakers (no live call per probe); liveness does not depend on Centra. */
class HealthTests extends StubbedCentra {

    @Test
    void readyWhileBreakersAreClosedWithoutCallingCentra() {
        Reply readiness = management.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(upstreamCalls()).as("probes never call Centra").isZero();
    }

    @Test
    void openCartBreakerTakesTheInstanceOutOfServiceButKeepsItLive() {
        breakers.circuitBreaker("cart").transitionToOpenState();

        Reply readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        Reply liveness = management.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openCatalogBreakerTakesTheInstanceOutOfService() {
        breakers.circuitBreaker("catalog").transitionToOpenState();

        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503);
    }

    @Test
    void halfOpenBreakerIsReadySoTrafficCanProbeCentra() {
        breakers.circuitBreaker("catalog").transitionToOpenState();
        breakers.circuitBreaker("catalog").transitionToHalfOpenState();

        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void openPaymentBreakerKeepsTheInstanceReadyForBrowsingAndCarts() {
        breakers.circuitBreaker("payment").transitionToOpenState();

        Reply readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthShowsNoDetailsToAnonymousCallers() {
        breakers.circuitBreaker("payment").transitionToOpenState();

        Reply health = management.get("/actuator/health");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.text()).doesNotContain("payment");
    }
}
