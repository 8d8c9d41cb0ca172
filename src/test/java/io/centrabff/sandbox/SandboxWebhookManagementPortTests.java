package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With the actuator on its own port, the sandbox's webhooks still go to the BFF's public port. */
@SandboxTest
class SandboxWebhookManagementPortTests {

    @Autowired
    CentraSandbox sandbox;

    @Test
    void productChangeWebhookReachesTheBffNotTheManagementServer() {
        ShopperClient centra = new ShopperClient(sandbox.port());

        ShopperClient.Reply change = centra.post("/sandbox/products/1003", Map.of("name", "Renamed Cap"));

        assertThat(change.json().path("webhookStatus").asInt()).isEqualTo(200);
        centra.post("/sandbox/reset", null);
    }
}
