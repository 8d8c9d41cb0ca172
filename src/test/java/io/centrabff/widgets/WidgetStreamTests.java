package io.centrabff.widgets;

import static io.centrabff.widgets.WidgetTestSupport.cartWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.SandboxTest;
import io.centrabff.ShopperClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Other tabs of a cart follow its changes over Server-Sent Events. */
@SandboxTest
class WidgetStreamTests {

    @LocalServerPort
    int port;

    @Value("${bff.widgets.max-streams-per-cart}")
    int maxStreams;

    @Test
    void secondTabReceivesSnapshotThenEveryUpdateInOrder() throws Exception {
        ShopperClient tab1 = new ShopperClient(port);
        String line = cartWith(tab1, "klarna-checkout");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checkout/selection/events"))
                        .header("Cookie", "centra-session=" + tab1.cookie("centra-session"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get();
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        awaitEvents(lines, 1);

        for (int quantity = 2; quantity <= 4; quantity++) {
            assertThat(tab1.put("/api/checkout/lines/" + line + "/quantity/" + quantity, null)
                            .status())
                    .isEqualTo(200);
        }
        List<String> events = awaitEvents(lines, 7);
        assertThat(events.subList(0, 7))
                .containsExactly("snapshot", "suspend", "resume", "suspend", "resume", "suspend", "resume");
        List<Long> resumedVersions = new ArrayList<>();
        String last = null;
        for (String text : lines) {
            if (text.startsWith("event:")) {
                last = text.substring(6);
            } else if (text.startsWith("data:") && "resume".equals(last)) {
                resumedVersions.add(Long.parseLong(text.replaceAll(".*\"cartVersion\":(\\d+).*", "$1")));
            }
        }
        assertThat(resumedVersions).isSorted().doesNotHaveDuplicates().hasSize(3);
        response.body().close();
    }

    @Test
    void streamsPerCartAreCapped() {
        ShopperClient tab = new ShopperClient(port);
        cartWith(tab, "invoice");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Stream<String>>>> open = new ArrayList<>();
        for (int i = 0; i <= maxStreams; i++) {
            open.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checkout/selection/events"))
                            .header("Cookie", "centra-session=" + tab.cookie("centra-session"))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        List<Integer> statuses =
                open.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).hasSize(maxStreams + 1).endsWith(429);
        assertThat(statuses.subList(0, maxStreams)).containsOnly(200);
        open.forEach(f -> f.join().body().close());
    }

    private static List<String> awaitEvents(List<String> lines, int count) {
        return await().alias(count + " events")
                .until(
                        () -> lines.stream()
                                .filter(l -> l.startsWith("event:"))
                                .map(l -> l.substring(6).trim())
                                .toList(),
                        names -> names.size() >= count);
    }
}
