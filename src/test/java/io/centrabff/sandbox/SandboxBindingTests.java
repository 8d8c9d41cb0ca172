package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** One sandbox shared by several BFF instances: it listens where it is told and accepts the secret it is given. */
class SandboxBindingTests {

    private static final DeferredLogFactory LOGS = supplier -> supplier.get();

    @Test
    void sandboxAnswersOnTheConfiguredAddressAndNotOnOthers() {
        // All of 127.0.0.0/8 is loopback on Linux: a second address proves the bind address is honoured.
        CentraSandbox sandbox = CentraSandbox.start(new SandboxOptions(0, Duration.ZERO, null, "127.0.0.2"));
        try {
            assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.2");
            assertThat(new SandboxClient(sandbox).get("/selection").status()).isEqualTo(200);
            URI loopback = URI.create("http://127.0.0.1:" + sandbox.port() + "/api/checkout/52/selection");
            assertThatThrownBy(() -> new SandboxClient(sandbox).raw("GET", loopback, null))
                    .isInstanceOf(UncheckedIOException.class);
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void sandboxOnAllAddressesIsReachedOverLoopbackByItsOwnProcess() {
        CentraSandbox sandbox = CentraSandbox.start(new SandboxOptions(0, Duration.ZERO, null, "0.0.0.0"));
        try {
            assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(new SandboxClient(sandbox).get("/selection").status()).isEqualTo(200);
            URI other = URI.create("http://127.0.0.2:" + sandbox.port() + "/api/checkout/52/selection");
            assertThat(new SandboxClient(sandbox).raw("GET", other, null).status())
                    .isEqualTo(200);
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void fixedSecretIsTheOneTheSandboxAccepts() {
        CentraSandbox sandbox = CentraSandbox.start(new SandboxOptions(0, Duration.ZERO, "fixed-shared-secret"));
        try {
            assertThat(sandbox.sharedSecret()).isEqualTo("fixed-shared-secret");
            assertThat(new SandboxClient(sandbox)
                            .header("Authorization", "Bearer fixed-shared-secret")
                            .get("/selection")
                            .status())
                    .isEqualTo(200);
            assertThat(new SandboxClient(sandbox)
                            .header("Authorization", "Bearer another-secret")
                            .get("/selection")
                            .status())
                    .isEqualTo(401);
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void postProcessorStartsTheSandboxWithTheConfiguredAddressAndSecret() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(SandboxEnvironmentPostProcessor.PROFILE);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "test",
                        Map.of(
                                "bff.sandbox.bind-address", "0.0.0.0",
                                "bff.sandbox.shared-secret", "compose-shared-secret")));

        new SandboxEnvironmentPostProcessor(LOGS).postProcessEnvironment(environment, new SpringApplication());

        CentraSandbox sandbox = SandboxRegistry.get(environment.getProperty("bff.sandbox.instance-id"))
                .orElseThrow();
        try {
            assertThat(environment.getProperty("centra.shared-secret")).isEqualTo("compose-shared-secret");
            assertThat(environment.getProperty("centra.base-url")).startsWith("http://127.0.0.1:" + sandbox.port());
            URI other = URI.create("http://127.0.0.2:" + sandbox.port() + "/api/checkout/52/selection");
            assertThat(new SandboxClient(sandbox)
                            .header("Authorization", "Bearer compose-shared-secret")
                            .raw("GET", other, null)
                            .status())
                    .isEqualTo(200);
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void propertiesNeverPrintTheSecret() {
        SandboxProperties properties =
                new SandboxProperties(9000, Duration.ZERO, "0.0.0.0", "compose-shared-secret", null, "none");

        assertThat(properties.toString())
                .doesNotContain("compose-shared-secret")
                .contains("0.0.0.0");
    }
}
