package io.centrabff;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.centra.CentraProperties;
import io.centrabff.session.SessionProperties;
import io.centrabff.web.HttpLimitsProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The configuration records bind valid values and fail fast, naming the property, on invalid ones. */
class ConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void validCentraPropertiesBindWithDefaults() {
        runner.withPropertyValues(
                        "centra.base-url=https://shop.centra.com/api/checkout/52",
                        "centra.shared-secret=s3cr3t",
                        "centra.timeouts.payment=30s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CentraProperties centra = context.getBean(CentraProperties.class);
                    assertThat(centra.baseUrl()).isEqualTo(URI.create("https://shop.centra.com/api/checkout/52"));
                    assertThat(centra.sharedSecret().value()).isEqualTo("s3cr3t");
                    assertThat(centra.sharedSecret().toString()).doesNotContain("s3cr3t");
                    assertThat(centra.timeouts().payment()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(centra.timeouts().cart()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(context.getBean(HttpLimitsProperties.class).maxBodySize())
                            .isEqualTo(DataSize.ofKilobytes(64));
                    assertThat(context.getBean(SessionProperties.class).mode())
                            .isEqualTo(SessionProperties.Mode.COOKIE);
                });
    }

    @Test
    void invalidSameSiteFailsNamingTheProperty() {
        runner.withPropertyValues("centra.base-url=http://127.0.0.1:1", "bff.session.cookie-same-site=Sometimes")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("cookie-same-site");
                });
    }

    @Test
    void unparsableTimeoutFails() {
        runner.withPropertyValues("centra.base-url=http://127.0.0.1:1", "centra.timeouts.cart=soon")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CentraProperties.class, SessionProperties.class, HttpLimitsProperties.class})
    static class Properties {}
}
