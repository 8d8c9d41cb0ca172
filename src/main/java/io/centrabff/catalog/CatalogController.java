package io.centrabff.catalog;

import io.centrabff.centra.Secret;
import io.centrabff.session.SessionRelay;
import io.centrabff.session.ShopperSession;
import io.centrabff.web.ClientIp;
import io.centrabff.web.JsonBodies;
import io.centrabff.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Products, categories and URI routing in the shopper's market, pricelist and language, served from the catalog
 * cache. Centra's paths and shapes; a catalog read never creates a Centra session and never sets a cookie. Only a
 * caller presenting the server key may pick market, pricelist ({@code all} included) or language itself.
 */
@RestController
@RequestMapping("${bff.api.base-path:/api/checkout}")
class CatalogController {

    static final String SERVER_KEY_HEADER = "X-BFF-Server-Key";

    /** Context a server caller chose; every part null for browsers, whose such fields are ignored. */
    private record Choice(String market, String pricelist, String language) {

        static final Choice NONE = new Choice(null, null, null);
    }

    private final SessionRelay relay;
    private final ShopperContexts contexts;
    private final CatalogReads reads;
    private final Secret serverKey;
    private final CatalogQueries queries;
    private final ClientIp clientIp;

    CatalogController(
            SessionRelay relay,
            ShopperContexts contexts,
            CatalogReads reads,
            CatalogProperties properties,
            ClientIp clientIp) {
        this.relay = relay;
        this.contexts = contexts;
        this.reads = reads;
        this.serverKey = properties.serverKey();
        this.queries = new CatalogQueries(properties.filterFields());
        this.clientIp = clientIp;
    }

    @PostMapping("/products")
    Object products(HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        JsonNode object = JsonBodies.optionalObject(body);
        ObjectNode query = queries.listing(object instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
        Choice choice = choice(request, query.path("market"), query.path("pricelist"), query.path("language"));
        ShopperSession session = relay.session(request);
        return reads.read(
                request,
                caller(request, session),
                context(session, choice),
                c -> CatalogKey.listing(c.market(), c.language(), query),
                c -> CatalogView.of(c.pricelist(), query));
    }

    @GetMapping("/products/{product}")
    Object product(
            HttpServletRequest request,
            @PathVariable @Size(max = 128) String product,
            @RequestParam(required = false) String market,
            @RequestParam(required = false) String pricelist,
            @RequestParam(required = false) String language) {
        Choice choice = choice(request, text(market), text(pricelist), text(language));
        ShopperSession session = relay.session(request);
        return reads.read(
                request,
                caller(request, session),
                context(session, choice),
                c -> CatalogKey.product(c.market(), c.language(), product),
                c -> new CatalogView(c.pricelist(), false, 0, -1));
    }

    @GetMapping("/categories")
    Object categories(
            HttpServletRequest request,
            @RequestParam(required = false) String market,
            @RequestParam(required = false) String language) {
        Choice choice = choice(request, text(market), text(null), text(language));
        ShopperSession session = relay.session(request);
        return reads.read(
                request,
                caller(request, session),
                context(session, choice),
                c -> CatalogKey.categories(c.market(), c.language()),
                c -> new CatalogView(c.pricelist(), false, 0, -1));
    }

    @PostMapping("/uri")
    Object uri(HttpServletRequest request, @RequestBody JsonNode body) {
        ObjectNode query = queries.uri((ObjectNode) JsonBodies.requireText(body, "uri", 2048));
        Choice choice = choice(request, query.path("market"), query.path("pricelist"), query.path("language"));
        ShopperSession session = relay.session(request);
        return reads.read(
                request,
                caller(request, session),
                context(session, choice),
                c -> CatalogKey.uri(c.market(), c.language(), query),
                c -> new CatalogView(c.pricelist(), false, 0, -1));
    }

    private CatalogReads.Caller caller(HttpServletRequest request, ShopperSession session) {
        return new CatalogReads.Caller(
                RateLimiter.clientKey(clientIp.of(request)),
                serverKey.matches(request.getHeader(SERVER_KEY_HEADER)),
                session.token());
    }

    private CompletableFuture<ShopperContext> context(ShopperSession session, Choice choice) {
        return contexts.resolve(session).thenApply(c -> c.with(choice.market(), choice.pricelist(), choice.language()));
    }

    /** Centra honours market/pricelist/language only with its secret; here only with the BFF's server key. */
    private Choice choice(HttpServletRequest request, JsonNode market, JsonNode pricelist, JsonNode language) {
        if (!serverKey.matches(request.getHeader(SERVER_KEY_HEADER))) {
            return Choice.NONE;
        }
        return new Choice(value(market), value(pricelist), value(language));
    }

    private static String value(JsonNode node) {
        return node != null
                        && node.isValueNode()
                        && !node.isNull()
                        && !node.asText().isBlank()
                ? node.asText()
                : null;
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }
}
