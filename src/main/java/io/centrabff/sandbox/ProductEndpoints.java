package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Category;
import io.centrabff.sandbox.Catalog.Price;
import io.centrabff.sandbox.Catalog.Product;
import io.centrabff.sandbox.CheckoutRoutes.Access;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Catalog reads (§3.4): products, one product, categories and URI routing. */
final class ProductEndpoints {

    /** Market, pricelist (id or "all") and language a catalog read is answered in. */
    private record Context(String market, String pricelist, String language, List<Product> products) {}

    private ProductEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("POST", "products", Access.OPEN, ProductEndpoints::products)
                .add("GET", "products/{}", Access.OPEN, ProductEndpoints::product)
                .add("GET", "categories", Access.OPEN, ProductEndpoints::categories)
                .add("POST", "categories", Access.SECRET, ProductEndpoints::categories)
                .add("POST", "uri", Access.OPEN, ProductEndpoints::uri);
    }

    static ObjectNode products(Call call) {
        ObjectNode body = call.object();
        Context context = context(call);
        List<Product> inMarket = inMarket(context).toList();
        List<Product> matching = inMarket.stream()
                .filter(p -> matches(p, body, context))
                .sorted(order(body.path("sortOrder"), context))
                .toList();
        ObjectNode out = page(matching, body, context);
        out.set("filter", filter(inMarket, matching, context));
        return out;
    }

    static ObjectNode product(Call call) {
        Context context = context(call);
        Product product = inMarket(context)
                .filter(p -> p.id().equals(call.param(0)))
                .findFirst()
                .orElseThrow(() -> SandboxError.notFound("product", "not found"));
        // fe-elements "Product catalog": the answer has the shape of POST /products, with the one product.
        ObjectNode out = page(List.of(product), JsonNodeFactory.instance.objectNode(), context);
        out.set("filter", filter(List.of(product), List.of(product), context));
        return out;
    }

    static ObjectNode categories(Call call) {
        Context context = context(call);
        ArrayNode categories = JsonNodeFactory.instance.arrayNode();
        Catalog.CATEGORIES.forEach(c -> categories.add(ProductJson.categoryJson(c, context.language())));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("categories", categories);
        return out;
    }

    static ObjectNode uri(Call call) {
        ObjectNode body = call.object();
        String uri = body.path("uri").asText("").replaceAll("^/+|/+$", "");
        Set<String> kinds = new HashSet<>();
        body.path("for").forEach(kind -> kinds.add(kind.asText()));
        if (kinds.isEmpty()) {
            kinds.addAll(List.of("product", "category"));
        }
        Context context = context(call);
        if (kinds.contains("product")) {
            Product product = inMarket(context)
                    .filter(p -> uri.equals(p.uri()) || uri.endsWith("/" + p.uri()))
                    .findFirst()
                    .orElse(null);
            if (product != null) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("found", "product");
                out.set("product", ProductJson.render(product, context.language(), context.pricelist()));
                return out;
            }
        }
        if (kinds.contains("category")) {
            Category category = Catalog.CATEGORIES.stream()
                    .filter(c -> c.uri().equals(uri))
                    .findFirst()
                    .orElse(null);
            if (category != null) {
                List<Product> products = inMarket(context)
                        .filter(p -> p.categories().contains(category.id()))
                        .toList();
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("found", "category");
                out.set("category", ProductJson.categoryJson(category, context.language()));
                out.setAll(page(products, body, context));
                // "just like POST products it has products, productCount and filter" (overview).
                out.set("filter", filter(inMarket(context).toList(), products, context));
                return out;
            }
        }
        throw SandboxError.notFound("uri", "not found");
    }

    /** The shopper's context; with the secret, {@code market}/{@code pricelist}/{@code language} may override it. */
    private static Context context(Call call) {
        SandboxSelection selection = call.selection();
        ObjectNode body = call.object();
        if (!call.authorized()) {
            return new Context(
                    selection.market,
                    selection.pricelist,
                    selection.language,
                    call.state().products.all());
        }
        String market = body.path("market").asText(selection.market);
        String pricelist = body.path("pricelist").asText(selection.pricelist);
        String language = body.path("language").asText(selection.language);
        Catalog.market(market).orElseThrow(() -> SandboxError.notFound("market", "not found"));
        if (!ProductJson.ALL_PRICELISTS.equals(pricelist)) {
            Catalog.pricelist(pricelist).orElseThrow(() -> SandboxError.notFound("pricelist", "not found"));
        }
        Catalog.language(language).orElseThrow(() -> SandboxError.notFound("language", "not found"));
        return new Context(market, pricelist, language, call.state().products.all());
    }

    private static Stream<Product> inMarket(Context context) {
        return context.products().stream().filter(p -> p.markets().contains(context.market()));
    }

    /**
     * Centra's filter fields: OR within one field, AND between fields. {@code categories} matches a product in the
     * category or below it; {@code search} looks in names and descriptions (every language) and SKUs.
     */
    private static boolean matches(Product product, ObjectNode body, Context context) {
        if (!anyOf(body.path("categories"), product.categories())
                || !anyOf(body.path("products"), List.of(product.id()))
                || !anyOf(body.path("brands"), List.of(product.brand()))
                || !anyOf(body.path("collections"), List.of(product.collection()))
                || !anyOf(body.path("swatch.desc"), List.of(product.swatch().get("desc")))) {
            return false;
        }
        String search = body.path("search").asText("").toLowerCase(Locale.ROOT);
        if (!search.isEmpty()
                && searchable(product)
                        .noneMatch(text -> text.toLowerCase(Locale.ROOT).contains(search))) {
            return false;
        }
        boolean priced =
                ProductJson.ALL_PRICELISTS.equals(context.pricelist()) || product.priceIn(context.pricelist()) != null;
        return !body.path("onlyAvailable").asBoolean(false) || priced;
    }

    private static Stream<String> searchable(Product product) {
        return Stream.of(
                        product.name().values().stream(),
                        product.description().values().stream(),
                        Stream.of("P" + product.id()),
                        product.items().stream().map(Catalog.Item::sku))
                .flatMap(s -> s);
    }

    /** OR within one filter field; an absent or empty field does not filter. */
    private static boolean anyOf(JsonNode values, List<String> ids) {
        if (!values.isArray() || values.isEmpty()) {
            return true;
        }
        for (JsonNode value : values) {
            if (ids.contains(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<Product> order(JsonNode sortOrder, Context context) {
        Comparator<Product> comparator = (a, b) -> 0;
        for (JsonNode sort : sortOrder) {
            Comparator<Product> next =
                    switch (sort.path("field").asText()) {
                        case "priceAsNumber" -> Comparator.comparing(
                                (Product p) -> amount(p, context), Comparator.nullsLast(Comparator.naturalOrder()));
                        case "createdAt" -> Comparator.comparing(Product::createdAt);
                        default -> Comparator.comparing(Product::uri);
                    };
            comparator = comparator.thenComparing(
                    "desc".equalsIgnoreCase(sort.path("order").asText()) ? next.reversed() : next);
        }
        return comparator;
    }

    private static BigDecimal amount(Product product, Context context) {
        Price price = product.priceIn(context.pricelist());
        return price == null ? null : price.price();
    }

    private static ObjectNode page(List<Product> products, ObjectNode body, Context context) {
        int skip = Math.max(0, body.path("skipFirst").asInt(0));
        int limit = body.path("limit").asInt(Integer.MAX_VALUE);
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        products.stream()
                .skip(skip)
                .limit(Math.max(0, limit))
                .forEach(p -> page.add(ProductJson.render(p, context.language(), context.pricelist())));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("products", page);
        out.put("productCount", products.size());
        return out;
    }

    /**
     * Centra's {@code filter[]}: per filter field (categories, brands, collections and the {@code swatch.desc} custom
     * attribute) every value with {@code count} within this result and {@code totalCount} within the market.
     */
    private static ArrayNode filter(List<Product> all, List<Product> matching, Context context) {
        ArrayNode filter = JsonNodeFactory.instance.arrayNode();
        ArrayNode categories = field(filter, "categories");
        for (Category category : Catalog.CATEGORIES) {
            value(categories, category.id(), all, matching, p -> p.categories().contains(category.id()))
                    .set("data", ProductJson.categoryJson(category, context.language()));
        }
        ArrayNode brands = field(filter, "brands");
        for (Catalog.Brand brand : Catalog.BRANDS) {
            value(brands, brand.id(), all, matching, p -> p.brand().equals(brand.id()))
                    .putObject("data")
                    .put("brand", brand.id())
                    .put("brandName", brand.name());
        }
        ArrayNode collections = field(filter, "collections");
        for (Catalog.Collection collection : Catalog.COLLECTIONS) {
            value(collections, collection.id(), all, matching, p -> p.collection()
                            .equals(collection.id()))
                    .putObject("data")
                    .put("collection", collection.id())
                    .put("collectionName", collection.name());
        }
        ArrayNode swatches = field(filter, "swatch.desc");
        all.stream().map(Product::swatch).distinct().forEach(swatch -> value(
                        swatches, swatch.get("desc"), all, matching, p -> p.swatch()
                                .get("desc")
                                .equals(swatch.get("desc")))
                .putObject("data")
                .put("desc", swatch.get("desc"))
                .put("hex", swatch.get("hex")));
        return filter;
    }

    private static ArrayNode field(ArrayNode filter, String name) {
        return filter.addObject().put("field", name).putArray("values");
    }

    private static ObjectNode value(
            ArrayNode values,
            String value,
            List<Product> all,
            List<Product> matching,
            java.util.function.Predicate<Product> has) {
        return values.addObject()
                .put("value", value)
                .put("count", matching.stream().filter(has).count())
                .put("totalCount", all.stream().filter(has).count());
    }
}
