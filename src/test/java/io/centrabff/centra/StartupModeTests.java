package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centrabff.CentraBffApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A production start never falls back to a fake Centra: no Centra and no sandbox profile stops start-up. */
@ExtendWith(OutputCaptureExtension.class)
class StartupModeTests {

    @Test
    void withNeitherACentraNorTheSandboxProfileStartUpStopsWithOneLineNamingBoth(CapturedOutput output) {
        SpringApplicationBuilder app =
                new SpringApplicationBuilder(CentraBffApplication.class).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--management.server.port=-1"))
                .isInstanceOf(CentraNotConfiguredException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("No Centra configured: set CENTRA_BASE_URL (centra.base-url) to the Checkout API, or run with"
                        + " the 'sandbox' profile (--spring.profiles.active=sandbox) to use the embedded sandbox.")
                .doesNotContain("embedded Centra sandbox at")
                // Stopped before any bean exists: no chain of bean-creation errors around the one line.
                .doesNotContain("Error creating bean");
    }
}
