package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Brand;
import io.centrabff.sandbox.Catalog.Category;
import io.centrabff.sandbox.Catalog.Collection;
import io.centrabff.sandbox.Catalog.Country;
import io.centrabff.sandbox.Catalog.Item;
import io.centrabff.sandbox.Catalog.Language;
import io.centrabff.sandbox.Catalog.Market;
import io.centrabff.sandbox.Catalog.PaymentMethod;
import io.centrabff.sandbox.Catalog.Price;
import io.centrabff.sandbox.Catalog.Pricelist;
import io.centrabff.sandbox.Catalog.Product;
import io.centrabff.sandbox.Catalog.ShippingMethod;
import io.centrabff.sandbox.Catalog.Voucher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The data behind {@link Catalog}: the catalog (markets, pricelists, languages, countries, brands, collections,
 * nested categories and 44 products) is read from {@code /sandbox-catalog/catalog.json}; the store's methods and
 * vouchers are here. Some products exist to exercise one behaviour: 1003 has no EUR price, item 1004-1 has stock 1,
 * 1006 exists only in market 2.
 */
final class CatalogData {

    static final String SEK = "19";
    static final String EUR = "20";
    static final String USD = "21";

    private static final JsonNode DATA = read("/sandbox-catalog/catalog.json");

    static final List<Market> MARKETS = list(
            "markets",
            m -> new Market(
                    m.get("id").asText(),
                    m.get("name").asText(),
                    m.get("default").asBoolean()));

    static final List<Pricelist> PRICELISTS = list(
            "pricelists",
            p -> new Pricelist(
                    p.get("id").asText(),
                    p.get("name").asText(),
                    p.get("currency").asText(),
                    p.get("default").asBoolean()));

    static final List<Language> LANGUAGES = list(
            "languages",
            l -> new Language(
                    l.get("code").asText(),
                    l.get("name").asText(),
                    l.get("default").asBoolean()));

    static final List<Country> COUNTRIES = list(
            "countries",
            c -> new Country(
                    c.get("code").asText(),
                    c.get("name").asText(),
                    c.get("eu").asBoolean(),
                    c.get("shipTo").asBoolean(),
                    c.get("market").asText(),
                    c.get("pricelist").asText(),
                    c.get("language").asText(),
                    strings(c.get("states"))));

    static final List<Brand> BRANDS = list(
            "brands",
            b -> new Brand(
                    b.get("id").asText(), b.get("name").asText(), b.get("uri").asText()));

    static final List<Collection> COLLECTIONS = list(
            "collections",
            c -> new Collection(
                    c.get("id").asText(), c.get("name").asText(), c.get("uri").asText()));

    static final List<Category> CATEGORIES = list(
            "categories",
            c -> new Category(
                    c.get("id").asText(),
                    c.get("parent").isNull() ? null : c.get("parent").asText(),
                    strings(c.get("name")),
                    c.get("uri").asText(),
                    c.get("sortOrder").asInt()));

    static final List<Product> PRODUCTS = list("products", CatalogData::product);

    static final List<PaymentMethod> PAYMENT_METHODS = List.of(
            new PaymentMethod("paypal", "PayPal", false, false, null, null),
            new PaymentMethod("klarna-checkout", "Klarna Checkout", true, true, null, null),
            new PaymentMethod("qliro-one", "Qliro One", false, true, "qliro", null),
            new PaymentMethod("invoice", "Invoice", false, false, null, null),
            new PaymentMethod(
                    "adyen-drop-in",
                    "Adyen Drop-in",
                    true,
                    false,
                    "adyen_drop_in",
                    "https://checkoutshopper-test.adyen.com/checkoutshopper/sdk/5.0.0/adyen.js"),
            new PaymentMethod("external-payment", "External Payment", false, false, null, null),
            new PaymentMethod("dummy", "Card (form POST)", false, false, null, null),
            new PaymentMethod("paypal-commerce", "PayPal Commerce", true, false, null, null),
            new PaymentMethod("stripe-checkout", "Stripe Checkout", false, false, null, null),
            new PaymentMethod("stripe-payment-intents", "Stripe Payments", true, false, "stripe_payment_intents", null),
            new PaymentMethod("declined-card", "Card (always declined)", false, false, null, null),
            new PaymentMethod("failing-psp", "Card (PSP fails)", false, false, null, null));

    static final List<ShippingMethod> SHIPPING_METHODS = List.of(
            new ShippingMethod("standard", "Standard", money("49", "4.95", "5")),
            new ShippingMethod("express", "Express", money("99", "9.95", "12")));

    static final List<Voucher> VOUCHERS = List.of(
            new Voucher("TEST+CODE", "10% off (the + tests URL encoding)", 10, false),
            new Voucher("FREESHIP", "Free shipping", 0, true));

    private CatalogData() {}

    private static Product product(JsonNode p) {
        Map<String, Price> prices = new LinkedHashMap<>();
        p.get("prices")
                .properties()
                .forEach(e -> prices.put(
                        e.getKey(),
                        new Price(
                                new BigDecimal(e.getValue().get(0).asText()),
                                new BigDecimal(e.getValue().get(1).asText()))));
        List<Item> items = new ArrayList<>();
        p.get("items")
                .forEach(i -> items.add(new Item(
                        i.get("id").asText(),
                        i.get("sizeId").asText(),
                        i.get("name").asText(),
                        i.get("sku").asText(),
                        i.get("stock").asInt())));
        return new Product(
                p.get("id").asText(),
                strings(p.get("name")),
                strings(p.get("description")),
                p.get("uri").asText(),
                texts(p.get("categories")),
                new LinkedHashSet<>(texts(p.get("markets"))),
                Map.copyOf(prices),
                List.copyOf(items),
                p.get("isNew").asBoolean(),
                p.get("createdAt").asText(),
                p.get("brand").asText(),
                p.get("collection").asText(),
                p.get("countryOrigin").asText(),
                strings(p.get("swatch")),
                p.get("material").asText(),
                texts(p.get("related")));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CatalogData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> list(String field, Function<JsonNode, T> parse) {
        List<T> out = new ArrayList<>();
        DATA.get(field).forEach(node -> out.add(parse.apply(node)));
        return List.copyOf(out);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static Map<String, BigDecimal> money(String sek, String eur, String usd) {
        return Map.of("SEK", new BigDecimal(sek), "EUR", new BigDecimal(eur), "USD", new BigDecimal(usd));
    }
}
