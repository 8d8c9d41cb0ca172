package io.centrabff.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.ShopperClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The instance that hosts the shared sandbox: the sandbox listens on all addresses with the configured secret, the
 * BFF uses it, and product-change webhooks go signed to the configured receiver (the load balancer in a deployment).
 */
@ActiveProfiles("sandbox")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bff.sandbox.bind-address=0.0.0.0",
            "bff.sandbox.shared-secret=shared-sandbox-secret",
            "bff.webhook.secret=shared-webhook-secret"
        })
class SharedSandboxWebhookTests {

    private static final String HOOK = "/balancer/api/webhooks/centra";

    @RegisterExtension
    static WireMockExtension balancer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("bff.sandbox.webhook-url", () -> "http://127.0.0.1:" + balancer.getPort() + HOOK);
    }

    @LocalServerPort
    int port;

    @Autowired
    CentraSandbox sandbox;

    @Test
    void bffTalksToTheSandboxWithTheConfiguredSecret() {
        ShopperClient shopper = new ShopperClient(port);

        assertThat(sandbox.sharedSecret()).isEqualTo("shared-sandbox-secret");
        // The catalog is filled with the shared secret; the sandbox refuses any other with 401.
        assertThat(shopper.get("/api/checkout/products/1001").status()).isEqualTo(200);
        ShopperClient.Reply added = shopper.post("/api/checkout/items/1001-1", null);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().at("/selection/items/0/item").asText()).isEqualTo("1001-1");
    }

    @Test
    void productChangeWebhookGoesSignedToTheConfiguredReceiver() {
        balancer.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(202)));
        ShopperClient centra = new ShopperClient(sandbox.port());

        ShopperClient.Reply change = centra.post("/sandbox/products/1002", Map.of("price", 123));

        assertThat(change.json().path("webhookStatus").asInt()).isEqualTo(202);
        List<LoggedRequest> hooks = balancer.findAll(postRequestedFor(urlEqualTo(HOOK)));
        assertThat(hooks).hasSize(1);
        Matcher signature = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})")
                .matcher(hooks.get(0).getHeader("X-Centra-Signature"));
        assertThat(signature.matches()).isTrue();
        assertThat(WebhookSender.sign(
                        "shared-webhook-secret",
                        signature.group(1),
                        hooks.get(0).getBodyAsString()))
                .isEqualTo(signature.group(2));
        centra.post("/sandbox/reset", null);
    }
}
