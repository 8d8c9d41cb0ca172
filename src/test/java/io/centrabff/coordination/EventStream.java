package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** A browser tab's Server-Sent Events stream of its cart, read on a daemon thread. */
public final class EventStream implements AutoCloseable {

    /** One received event. */
    public record Event(String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;

    public EventStream(String url, String sessionCookie) {
        try {
            response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Cookie", "centra-session=" + sessionCookie)
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(
                () -> {
                    String[] name = {null};
                    try {
                        response.body().forEach(line -> {
                            if (line.startsWith("event:")) {
                                name[0] = line.substring(6).trim();
                            } else if (line.startsWith("data:") && name[0] != null) {
                                events.add(new Event(name[0], line.substring(5)));
                                name[0] = null;
                            }
                        });
                    } catch (RuntimeException closed) {
                        // The stream ended.
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits (at most 20 s) until {@code count} events arrived; returns the names of all received so far. */
    public List<String> awaitNames(int count) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.size() >= count);
        } catch (ConditionTimeoutException e) {
            // Callers assert on what arrived, which names the missing events better than a timeout.
        }
        return names();
    }

    public List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
