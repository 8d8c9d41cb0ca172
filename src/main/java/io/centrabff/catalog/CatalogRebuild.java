package io.centrabff.catalog;

import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The "big red button": reloads every catalog entry in the background, because Centra's webhooks are neither
 * guaranteed nor ordered. Covers every key in the cache plus, for each market × language, the unfiltered listing and
 * the category tree. Entries are replaced as their reloads finish; until then (and if a reload fails) the old value
 * is served.
 */
class CatalogRebuild {

    private static final Logger log = LoggerFactory.getLogger(CatalogRebuild.class);

    private final CatalogCache cache;
    private final ShopperContexts contexts;
    private final CentraGateway gateway;
    private final int concurrency;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter runs;
    private final Counter reloaded;
    private final Counter failed;

    CatalogRebuild(
            CatalogCache cache,
            ShopperContexts contexts,
            CentraGateway gateway,
            CatalogProperties properties,
            MeterRegistry meters) {
        this.cache = cache;
        this.contexts = contexts;
        this.gateway = gateway;
        this.concurrency = properties.rebuildConcurrency();
        this.runs = Counter.builder("bff.catalog.rebuild.runs")
                .description("Catalog rebuilds started")
                .register(meters);
        this.reloaded = Counter.builder("bff.catalog.rebuild.entries")
                .tag("result", "reloaded")
                .description("Catalog entries a rebuild reloaded")
                .register(meters);
        this.failed = Counter.builder("bff.catalog.rebuild.entries")
                .tag("result", "failed")
                .description("Catalog entries a rebuild reloaded")
                .register(meters);
        meters.gauge("bff.catalog.rebuild.pending", pending);
    }

    /** Starts a rebuild unless one is running; returns whether this call started it. */
    boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        runs.increment();
        keys().flatMapMany(keys -> {
                    pending.set(keys.size());
                    log.info("Catalog rebuild started: {} entries", keys.size());
                    return Flux.fromIterable(keys).flatMap(this::reload, concurrency);
                })
                .doFinally(signal -> {
                    running.set(false);
                    pending.set(0);
                    log.info(
                            "Catalog rebuild finished ({}): {} reloaded, {} failed in total",
                            signal,
                            (long) reloaded.count(),
                            (long) failed.count());
                })
                .subscribe(null, error -> log.warn("Catalog rebuild could not list the catalog: {}", error.toString()));
        return true;
    }

    boolean running() {
        return running.get();
    }

    private Mono<Void> reload(CatalogKey key) {
        return Mono.fromFuture(() -> cache.reload(key))
                .doOnSuccess(entry -> reloaded.increment())
                .doOnError(error -> failed.increment())
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> {
                    int left = pending.decrementAndGet();
                    if (left > 0 && left % 100 == 0) {
                        log.info("Catalog rebuild: {} entries left", left);
                    }
                })
                .then();
    }

    private Mono<Set<CatalogKey>> keys() {
        Mono<List<String>> languages = gateway.exchange(
                        CentraRequest.sessionless(CentraOperation.LANGUAGES, null, null))
                .map(response -> {
                    List<String> codes = new java.util.ArrayList<>();
                    response.body()
                            .path("languages")
                            .forEach(l -> codes.add(l.path("language").asText()));
                    return codes;
                });
        return Mono.fromFuture(contexts::all).zipWith(languages, (markets, codes) -> {
            Set<CatalogKey> keys = new LinkedHashSet<>(cache.keys());
            JsonNode everything = JsonNodeFactory.instance.objectNode();
            markets.stream()
                    .map(ShopperContext::market)
                    .distinct()
                    .forEach(market -> codes.forEach(language -> {
                        keys.add(CatalogKey.listing(
                                market, language, (tools.jackson.databind.node.ObjectNode) everything));
                        keys.add(CatalogKey.categories(market, language));
                    }));
            return keys;
        });
    }
}
