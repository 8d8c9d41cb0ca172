package io.centrabff.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.centrabff.ShopperClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

/**
 * The instance that hosts the shared sandbox (all addresses, a configured secret) sends product-change webhooks signed
 * to the configured receiver, the load balancer in a deployment. That the BFF is then given the configured secret is
 * {@link SandboxBindingTests#postProcessorStartsTheSandboxWithTheConfiguredAddressAndSecret()}; here the wiring of
 * {@code bff.sandbox.webhook-url} runs in a small context, so no BFF server with these settings is started.
 */
class SharedSandboxWebhookTests {

    private static final String HOOK = "/balancer/api/webhooks/centra";

    @RegisterExtension
    static WireMockExtension balancer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void productChangeWebhookGoesSignedToTheConfiguredReceiver() {
        balancer.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(202)));
        CentraSandbox sandbox =
                CentraSandbox.start(new SandboxOptions(0, Duration.ZERO, "shared-sandbox-secret", "0.0.0.0"));
        SandboxRegistry.put("shared-sandbox-webhook", sandbox);

        new ApplicationContextRunner()
                .withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues(
                        "bff.sandbox.active=true",
                        "bff.sandbox.instance-id=shared-sandbox-webhook",
                        "bff.sandbox.webhook-url=http://127.0.0.1:" + balancer.getPort() + HOOK,
                        "bff.webhook.secret=shared-webhook-secret")
                .run(context -> {
                    context.publishEvent(new ServerStarted(mock(WebServer.class)));

                    ShopperClient.Reply change =
                            new ShopperClient(sandbox.port()).post("/sandbox/products/1002", Map.of("price", 123));

                    assertThat(change.json().path("webhookStatus").asInt()).isEqualTo(202);
                });

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
        assertThat(SandboxRegistry.get("shared-sandbox-webhook"))
                .as("stopped with the context")
                .isEmpty();
    }

    /** The public connector's start, as the servlet container announces it. */
    private static final class ServerStarted extends WebServerInitializedEvent {

        ServerStarted(WebServer server) {
            super(server);
        }

        @Override
        public WebServerApplicationContext getApplicationContext() {
            return mock(WebServerApplicationContext.class);
        }
    }
}
