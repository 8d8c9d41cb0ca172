package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the Grafana dashboard in ops/ read metrics this service really exports: every metric they
 * reference is on the scrape of a freshly started instance with Redis on (so counters are there at 0 before the first
 * event), every meter of the service's own has a description, latency histograms have bounded buckets, and the
 * service's own label values share one casing.
 */
class OperationsArtefactsTests {

    /** A metric selector in PromQL: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    /** Series Prometheus makes itself, not the service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static String scrape;

    @BeforeAll
    static void scrape() {
        Cluster cluster = Cluster.shared();
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        // Spring's own HTTP server meters appear with the first request a running instance serves.
        assertThat(shopper.get(cluster.url(0, "/api/checkout/products/1001")).status())
                .isEqualTo(200);
        // As Prometheus asks for it: in OpenMetrics, where names differ (a long task timer's count is _gcount).
        Reply reply = shopper.get(
                cluster.managementUrl(0, "/actuator/prometheus"),
                "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(reply.status()).isEqualTo(200);
        scrape = reply.text();
    }

    @Test
    void everyMetricTheAlertRulesReferenceIsOnTheScrape() throws IOException {
        assertThat(referenced(Path.of("ops/prometheus/alerts.yml")))
                .isNotEmpty()
                .isSubsetOf(exported());
    }

    @Test
    void everyMetricTheDashboardReferencesIsOnTheScrape() throws IOException {
        assertThat(referenced(Path.of("ops/grafana/dashboards/centra-bff.json")))
                .isNotEmpty()
                .isSubsetOf(exported());
    }

    @Test
    void everyMeterOfTheServiceHasADescription() {
        Map<String, String> help = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP bff_") || line.startsWith("# HELP centra_")) {
                String[] parts = line.split(" ", 4);
                help.put(parts[2], parts.length > 3 ? parts[3].trim() : "");
            }
        }
        assertThat(help).isNotEmpty();
        assertThat(help).allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank());
    }

    @Test
    void latencyHistogramsHaveBoundedBuckets() {
        for (String histogram : Set.of("http_server_requests_seconds_bucket", "centra_requests_seconds_bucket")) {
            Set<String> bounds = new TreeSet<>();
            Matcher le = Pattern.compile("^" + histogram + "\\{.*le=\"([^\"]+)\"", Pattern.MULTILINE)
                    .matcher(scrape);
            while (le.find()) {
                bounds.add(le.group(1));
            }
            assertThat(bounds).as(histogram).isNotEmpty().hasSizeLessThanOrEqualTo(16);
        }
    }

    @Test
    void labelValuesOfTheServicesOwnMetricsShareOneCasing() {
        Matcher label = Pattern.compile("^(?:bff|centra)_[^{ ]*\\{([^}]*)}", Pattern.MULTILINE)
                .matcher(scrape);
        int seen = 0;
        while (label.find()) {
            for (String pair : label.group(1).split("\",")) {
                String[] kv = pair.split("=\"", 2);
                if (kv[0].equals("application") || kv[0].equals("le")) {
                    continue;
                }
                String value = kv[1].replace("\"", "");
                assertThat(value).as(label.group()).matches("[a-z0-9_.]*");
                seen++;
            }
        }
        assertThat(seen).isPositive();
    }

    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> referenced(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher selector = SELECTOR.matcher(Files.readString(file));
        while (selector.find()) {
            if (!PROMETHEUS_OWN.contains(selector.group(1))) {
                names.add(selector.group(1));
            }
        }
        return names;
    }
}
