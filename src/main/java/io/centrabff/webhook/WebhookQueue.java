package io.centrabff.webhook;

import io.centrabff.catalog.CatalogCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies webhook events off the request thread, in arrival order, so Centra gets its 2xx at once. Bounded: when the
 * queue is full the whole catalog cache is cleared on the spot (cheap, and never wrong), so no event is dropped.
 */
class WebhookQueue {

    private static final Logger log = LoggerFactory.getLogger(WebhookQueue.class);

    private final CatalogCache cache;
    private final ThreadPoolExecutor worker;
    private final MeterRegistry meters;

    WebhookQueue(CatalogCache cache, int capacity, MeterRegistry meters) {
        this.cache = cache;
        this.meters = meters;
        this.worker =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), runnable -> {
                    Thread thread = new Thread(runnable, "catalog-webhooks");
                    thread.setDaemon(true);
                    return thread;
                });
        meters.gauge("bff.webhook.queue.size", worker.getQueue(), java.util.Collection::size);
        // On the scrape from start-up at 0 (the dashboard's webhook panel), not only after the first event.
        meters.counter("bff.webhook.events", "type", "products", "verdict", "evicted");
        meters.counter("bff.webhook.events", "type", "categories", "verdict", "evicted");
        meters.counter("bff.webhook.events", "type", "all", "verdict", "queue-full");
    }

    void submit(WebhookEvent event) {
        try {
            worker.execute(() -> apply(event));
        } catch (RejectedExecutionException e) {
            cache.clear();
            count("all", "queue-full");
            log.warn("Webhook queue full: cleared the whole catalog cache instead of evicting precisely");
        }
    }

    private void apply(WebhookEvent event) {
        try {
            if (!event.broad().isEmpty()) {
                cache.clear();
                event.broad().forEach(type -> count(type, "cleared"));
                log.info("Webhook for {} cleared the catalog cache", event.broad());
                return;
            }
            if (!event.products().isEmpty()) {
                int evicted = cache.evictProducts(event.products());
                count("products", "evicted");
                log.info("Webhook for products {} evicted {} catalog entries", event.products(), evicted);
            }
            if (!event.categories().isEmpty()) {
                int evicted = cache.evictCategories(event.categories());
                count("categories", "evicted");
                log.info("Webhook for categories {} evicted {} catalog entries", event.categories(), evicted);
            }
        } catch (RuntimeException e) {
            // Never leave possibly outdated entries behind because precise eviction failed.
            cache.clear();
            log.warn("Applying a webhook failed, cleared the catalog cache", e);
        }
    }

    void count(String type, String verdict) {
        meters.counter("bff.webhook.events", "type", WebhookEvent.tag(type), "verdict", verdict)
                .increment();
    }

    void shutdown() {
        worker.shutdown();
    }
}
