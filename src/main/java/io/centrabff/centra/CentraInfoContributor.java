package io.centrabff.centra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} says which Centra this instance talks to: the embedded sandbox, or the host of the real
 * Checkout API (the host only: the path may carry the plugin id, and nothing here is secret).
 */
@Component
class CentraInfoContributor implements InfoContributor {

    private final CentraProperties properties;
    private final boolean sandbox;

    CentraInfoContributor(CentraProperties properties, Environment environment) {
        this.properties = properties;
        this.sandbox = environment.getProperty("bff.sandbox.active", Boolean.class, false);
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> centra = new LinkedHashMap<>();
        centra.put("mode", sandbox ? "sandbox" : "centra");
        if (properties.baseUrl() != null) {
            centra.put("host", properties.baseUrl().getHost());
        }
        builder.withDetail("centra", centra);
    }
}
