package io.centrabff.catalog;

import io.centrabff.web.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory catalog: products, categories and URI lookups served from a cache that webhooks keep fresh.
 *
 * @param refreshAfter Age after which a read triggers a background reload of the entry; the old value is served
 *     meanwhile.
 * @param expireAfter Age after which an entry that could not be refreshed is dropped; until then it is served with
 *     X-BFF-Cache: stale.
 * @param maxSize Memory budget of the catalog cache, weighed by the JSON size of each entry.
 * @param upstreamPageSize Page size used when the cache fills a listing from Centra page by page.
 * @param defaultCountry Country whose market, pricelist and language anonymous shoppers without an edge country
 *     header see; empty means the first shippable country Centra lists.
 * @param serverKey Key a storefront server sends as X-BFF-Server-Key to choose market, pricelist (or all) and
 *     language itself, and to call the operations that use Centra's shared secret (PUT /selection, GET
 *     /countries/all, /markets, /pricelists); unset means no caller may.
 * @param sessionTtl How long a shopper's country and language are remembered after their last catalog or cart call.
 * @param countriesTtl How often the country → market/pricelist table is reloaded from Centra.
 * @param warmUp Whether to fill the whole catalog in the background at start-up.
 * @param rebuildConcurrency How many catalog entries a rebuild reloads at the same time.
 * @param filterFields Custom filter fields configured in Centra's plugin (e.g. swatch.desc) that POST /products may
 *     carry as arrays of values, besides the fields Centra documents; any other field is refused with 400.
 * @param unknownTokenTtl How long a session token Centra did not know is remembered, so catalog reads carrying it
 *     cost one upstream call, not one per page view.
 */
@Validated
@ConfigurationProperties("bff.catalog")
public record CatalogProperties(
        @NotNull @DefaultValue("5m") Duration refreshAfter,
        @NotNull @DefaultValue("6h") Duration expireAfter,
        @NotNull @DefaultValue("128MB") DataSize maxSize,
        @Min(1) @Max(1000) @DefaultValue("100") int upstreamPageSize,
        @Pattern(regexp = "|[A-Z]{2}", message = "bff.catalog.default-country must be an ISO country code like SE")
                @DefaultValue("")
                String defaultCountry,
        @DefaultValue("") Secret serverKey,
        @NotNull @DefaultValue("30m") Duration sessionTtl,
        @NotNull @DefaultValue("10m") Duration countriesTtl,
        @DefaultValue("false") boolean warmUp,
        @Min(1) @Max(64) @DefaultValue("4") int rebuildConcurrency,
        @NotNull @DefaultValue({}) List<@Size(max = 128) String> filterFields,
        @NotNull @DefaultValue("5m") Duration unknownTokenTtl) {}
