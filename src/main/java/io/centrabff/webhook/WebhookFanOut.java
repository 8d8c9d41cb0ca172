package io.centrabff.webhook;

import io.centrabff.catalog.CatalogCache;
import io.centrabff.coordination.RedisLink;
import io.centrabff.coordination.RedisLinkRecovered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands every accepted webhook to the other instances over Redis pub/sub, so a webhook that reached one instance
 * evicts on all of them. An instance whose link to Redis was down may have missed some: when the link comes back it
 * clears its whole catalog cache, because it cannot know which entries went stale.
 */
final class WebhookFanOut {

    private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);
    static final String CHANNEL = "catalog-invalidations";

    private final RedisLink link;
    private final WebhookQueue queue;
    private final CatalogCache cache;
    private final ObjectMapper mapper;
    private final Counter resets;

    WebhookFanOut(RedisLink link, WebhookQueue queue, CatalogCache cache, ObjectMapper mapper, MeterRegistry meters) {
        this.link = link;
        this.queue = queue;
        this.cache = cache;
        this.mapper = mapper;
        this.resets = Counter.builder("bff.catalog.redis.resets")
                .description("Catalog caches cleared because Redis was unreachable and invalidations may be missed")
                .register(meters);
        link.subscribe(CHANNEL, this::received);
    }

    /** Sends {@code event}, already applied here, to the other instances. */
    void publish(WebhookEvent event) {
        ObjectNode message = mapper.createObjectNode().put("origin", link.instance());
        event.products().forEach(message.putArray("products")::add);
        event.categories().forEach(message.putArray("categories")::add);
        event.broad().forEach(message.putArray("broad")::add);
        if (!link.publish(CHANNEL, message.toString())) {
            log.warn("Redis unreachable: a webhook evicted on this instance only; the others clear their caches"
                    + " when Redis is back");
        }
    }

    private void received(String text) {
        try {
            JsonNode message = mapper.readTree(text);
            if (link.instance().equals(message.path("origin").asText())) {
                return;
            }
            queue.submit(new WebhookEvent(
                    strings(message.path("products")), strings(message.path("categories")),
                    strings(message.path("broad")), Set.of()));
        } catch (RuntimeException e) {
            cache.clear();
            log.warn("Unreadable invalidation from another instance: cleared the catalog cache", e);
        }
    }

    /** Invalidations sent while this instance had no working link may have been missed. */
    @EventListener
    void reset(RedisLinkRecovered recovered) {
        long entries = cache.size();
        if (entries == 0) {
            return;
        }
        cache.clear();
        resets.increment();
        log.warn(
                "Catalog cache cleared ({} entries): invalidations sent while this instance had no working link to"
                        + " Redis may have been missed",
                entries);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
