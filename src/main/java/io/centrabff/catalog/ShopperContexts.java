package io.centrabff.catalog;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.centrabff.centra.CentraGateway;
import io.centrabff.centra.CentraOperation;
import io.centrabff.centra.CentraRequest;
import io.centrabff.centra.CentraResponse;
import io.centrabff.session.RelayAnswer;
import io.centrabff.session.RelayCall;
import io.centrabff.session.RelayInterceptor;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.BffException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Works out each shopper's market, pricelist and language without creating a Centra session: the selection's country
 * and language (remembered per token from every selection answer the BFF relays, or read once with
 * {@code GET /selection}), mapped through Centra's country table ({@code GET /countries/all} with the secret, whose
 * entries carry {@code market} and {@code pricelist}). Shoppers without a token get the edge country or the default.
 * As a {@link RelayInterceptor} without {@code @Order} it runs innermost, next to the call, and only reads Centra's
 * successful answers: it never changes what the storefront gets.
 */
class ShopperContexts implements RelayInterceptor {

    /** A selection's country and language, the two things a shopper can choose. */
    private record Location(String country, String language) {}

    private static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(ShopperContexts.class);

    private final CentraGateway gateway;
    private final String defaultCountry;
    private final Cache<String, Location> locations;
    /**
     * Lookups of tokens not yet answered: one in flight per token however many pages ask at once, and an unknown
     * token's empty answer remembered for a while, so made-up cookies cost one upstream call, not one per page view.
     */
    private final Cache<String, CompletableFuture<Location>> lookups;

    private final AsyncLoadingCache<String, Map<String, ShopperContext>> countries;

    ShopperContexts(CentraGateway gateway, CatalogProperties properties) {
        this.gateway = gateway;
        this.defaultCountry = properties.defaultCountry();
        this.locations = Caffeine.newBuilder()
                .expireAfterAccess(properties.sessionTtl())
                .maximumSize(500_000)
                .build();
        this.lookups = Caffeine.newBuilder()
                .expireAfterWrite(properties.unknownTokenTtl())
                .maximumSize(100_000)
                .build();
        this.countries = Caffeine.newBuilder()
                .refreshAfterWrite(properties.countriesTtl())
                .buildAsync((key, executor) -> loadCountries().toFuture());
    }

    CompletableFuture<ShopperContext> resolve(ShopperSession session) {
        String token = session.token();
        Location known = token == null ? null : locations.getIfPresent(token);
        CompletableFuture<Location> location = known != null || token == null
                ? CompletableFuture.completedFuture(known)
                : lookups.get(token, t -> fetchLocation(session));
        CompletableFuture<Map<String, ShopperContext>> table = countries.get(ALL);
        return table.thenCombine(location, (terms, where) -> contextFor(terms, where, session.edgeCountry()));
    }

    /**
     * The shopper's context when it is known without asking Centra (country table loaded, the token's location
     * remembered or no token), else null; never starts a call.
     */
    ShopperContext known(ShopperSession session) {
        String token = session.token();
        Location known = token == null ? null : locations.getIfPresent(token);
        CompletableFuture<Map<String, ShopperContext>> table = countries.getIfPresent(ALL);
        if ((token != null && known == null) || table == null || !table.isDone() || table.isCompletedExceptionally()) {
            return null;
        }
        return contextFor(table.join(), known, session.edgeCountry());
    }

    /** Every market and pricelist Centra's country table mentions, for a full rebuild. */
    CompletableFuture<Collection<ShopperContext>> all() {
        return countries.get(ALL).thenApply(Map::values);
    }

    /** Remembers the location of every successful Centra answer under the token the shopper now holds. */
    @Override
    public Mono<RelayAnswer> around(RelayCall call, Chain chain) {
        return chain.proceed().doOnNext(answer -> {
            CentraResponse centra = answer.centra();
            if (centra == null || !centra.isSuccess()) {
                return;
            }
            ShopperSession session = call.session();
            // The receipt is read with the last order's token, which is then the one the answer is about.
            String sent = call.operation() == CentraOperation.RECEIPT && session.receiptToken() != null
                    ? session.receiptToken()
                    : session.token();
            String current = centra.token() != null ? centra.token() : sent;
            if (current != null) {
                answered(current, centra.body());
            }
        });
    }

    private void answered(String token, JsonNode body) {
        Location location = location(body);
        if (location != null) {
            locations.put(token, location);
        }
    }

    private ShopperContext contextFor(Map<String, ShopperContext> terms, Location where, String edgeCountry) {
        String country = where != null ? where.country() : edgeCountry;
        ShopperContext context = country == null ? null : terms.get(country);
        if (context == null) {
            context = defaultContext(terms);
        }
        return where != null && where.language() != null ? context.with(null, null, where.language()) : context;
    }

    private ShopperContext defaultContext(Map<String, ShopperContext> terms) {
        ShopperContext configured = terms.get(defaultCountry);
        if (configured != null) {
            return configured;
        }
        return terms.values().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Centra's country table is empty"));
    }

    /**
     * One {@code GET /selection} for a token the BFF has not seen answered yet (remembered, answered or not, for
     * {@code unknown-token-ttl}); failures fall back to defaults.
     */
    private CompletableFuture<Location> fetchLocation(ShopperSession session) {
        return gateway.exchange(CentraRequest.forSession(
                        CentraOperation.SELECTION, session.token(), null, session.correlationId()))
                .mapNotNull(response -> {
                    Location location =
                            response.isSuccess() && !response.tokenChanged() ? location(response.body()) : null;
                    if (location != null) {
                        locations.put(session.token(), location);
                    }
                    return location;
                })
                .onErrorResume(error -> {
                    // Centra failed, the token may be fine: forget the lookup (later, not inside the cache's own
                    // computation) so the next read asks again; while the breaker is open that costs no call.
                    CompletableFuture.runAsync(() -> lookups.invalidate(session.token()));
                    return Mono.empty();
                })
                .toFuture();
    }

    private static Location location(JsonNode body) {
        JsonNode location = body.path("location");
        if (!location.hasNonNull("country")) {
            return null;
        }
        // The shopper's choice is the selection's language; location.language is only the country's default.
        String chosen = language(body.path("selection").path("language"));
        return new Location(
                location.get("country").asText(), chosen != null ? chosen : language(location.path("language")));
    }

    /** {@code language} is a string in Centra's docs and an object in its types (reference §0.11). */
    private static String language(JsonNode language) {
        if (language.isTextual()) {
            return language.asText();
        }
        JsonNode code = language.path("language");
        return code.isTextual() ? code.asText() : null;
    }

    private Mono<Map<String, ShopperContext>> loadCountries() {
        return gateway.exchange(CentraRequest.sessionless(CentraOperation.ALL_COUNTRIES, null, null))
                .map(response -> {
                    Map<String, ShopperContext> terms = new LinkedHashMap<>();
                    for (JsonNode country : response.body().path("countries")) {
                        if (country.hasNonNull("market") && country.hasNonNull("pricelist")) {
                            terms.put(
                                    country.path("country").asText(),
                                    new ShopperContext(
                                            country.get("market").asText(),
                                            country.get("pricelist").asText(),
                                            language(country.path("language"))));
                        }
                    }
                    if (terms.isEmpty()) {
                        // Without the table no shopper can be priced: Centra's answer is unusable, not our bug.
                        throw new BffException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "centra-bad-response",
                                "Centra sent an unusable response",
                                "Centra listed no country with market and pricelist (GET /countries/all)",
                                "centra",
                                java.time.Duration.ofSeconds(5),
                                null);
                    }
                    log.debug("Loaded {} countries' market and pricelist", terms.size());
                    return terms;
                });
    }
}
