package io.centrabff.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sandbox's fixed store setup: markets, pricelists, countries, languages, categories, products and methods. */
final class Catalog {

    record Market(String id, String name, boolean isDefault) {}

    record Pricelist(String id, String name, String currency, boolean isDefault) {}

    record Language(String code, String name, boolean isDefault) {}

    /** A country decides market, pricelist and default language, like Centra's geo-bound triple. */
    record Country(
            String code,
            String name,
            boolean eu,
            boolean shipTo,
            String market,
            String pricelist,
            String language,
            Map<String, String> states) {}

    /** A category; {@code parent} is null at the top, the uri is the full path ({@code tops/t-shirts}). */
    record Category(String id, String parent, Map<String, String> name, String uri, int sortOrder) {

        /** The names from the top category down to this one, as Centra lists them ({@code ["Tops", "T-shirts"]}). */
        List<String> path(String language) {
            List<String> names = new java.util.ArrayList<>();
            for (Category at = this;
                    at != null;
                    at = at.parent == null ? null : category(at.parent).orElse(null)) {
                names.add(0, at.name.getOrDefault(language, at.name.get("en")));
            }
            return names;
        }
    }

    record Brand(String id, String name, String uri) {}

    record Collection(String id, String name, String uri) {}

    record Item(String id, String sizeId, String name, String sku, int stock) {}

    record Price(BigDecimal price, BigDecimal before) {}

    /**
     * A product. {@code categories} lists the categories it is in, top first; the last, most specific one is its
     * primary {@code category}. {@code swatch} ({@code desc}, {@code hex}) and {@code material} are the store's
     * custom attributes; {@code related} are the ids Centra lists in {@code relatedProducts}.
     */
    record Product(
            String id,
            Map<String, String> name,
            Map<String, String> description,
            String uri,
            List<String> categories,
            Set<String> markets,
            Map<String, Price> prices,
            List<Item> items,
            boolean isNew,
            String createdAt,
            String brand,
            String collection,
            String countryOrigin,
            Map<String, String> swatch,
            String material,
            List<String> related) {

        String name(String language) {
            return name.getOrDefault(language, name.get("en"));
        }

        String description(String language) {
            return description.getOrDefault(language, description.get("en"));
        }

        String categoryId() {
            return categories.get(categories.size() - 1);
        }

        Product withChanges(Map<String, String> newName, Map<String, Price> newPrices, List<Item> newItems) {
            return new Product(
                    id,
                    newName,
                    description,
                    uri,
                    categories,
                    markets,
                    newPrices,
                    newItems,
                    isNew,
                    createdAt,
                    brand,
                    collection,
                    countryOrigin,
                    swatch,
                    material,
                    related);
        }

        Price priceIn(String pricelist) {
            return prices.get(pricelist);
        }
    }

    /**
     * @param type Centra's {@code paymentMethodType}, documented only for some plugins; null leaves it out.
     * @param externalScript the provider's script ({@code clientSide.externalScript}); null leaves it out.
     */
    record PaymentMethod(
            String id,
            String name,
            boolean initiateOnly,
            boolean addressAfterPayment,
            String type,
            String externalScript) {}

    /** Shipping prices are per currency, as Centra keeps them per pricelist. */
    record ShippingMethod(String id, String name, Map<String, BigDecimal> prices) {}

    record Voucher(String code, String description, int percentOff, boolean freeShipping) {}

    static final List<Market> MARKETS = CatalogData.MARKETS;
    static final List<Pricelist> PRICELISTS = CatalogData.PRICELISTS;
    static final List<Language> LANGUAGES = CatalogData.LANGUAGES;
    static final List<Country> COUNTRIES = CatalogData.COUNTRIES;
    static final List<Category> CATEGORIES = CatalogData.CATEGORIES;
    static final List<Brand> BRANDS = CatalogData.BRANDS;
    static final List<Collection> COLLECTIONS = CatalogData.COLLECTIONS;
    static final List<Product> PRODUCTS = CatalogData.PRODUCTS;
    static final List<PaymentMethod> PAYMENT_METHODS = CatalogData.PAYMENT_METHODS;
    static final List<ShippingMethod> SHIPPING_METHODS = CatalogData.SHIPPING_METHODS;
    static final List<Voucher> VOUCHERS = CatalogData.VOUCHERS;

    private Catalog() {}

    static Optional<Market> market(String id) {
        return MARKETS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Optional<Pricelist> pricelist(String id) {
        return PRICELISTS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    static Optional<Language> language(String code) {
        return LANGUAGES.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    static Optional<Country> country(String code) {
        return COUNTRIES.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    static Optional<Category> category(String id) {
        return CATEGORIES.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static Optional<Brand> brand(String id) {
        return BRANDS.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    static Optional<Collection> collection(String id) {
        return COLLECTIONS.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static Optional<Product> product(String id) {
        return PRODUCTS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    static Optional<Product> productOfItem(String itemId) {
        return PRODUCTS.stream()
                .filter(p -> p.items().stream().anyMatch(i -> i.id().equals(itemId)))
                .findFirst();
    }

    static Optional<Item> item(String itemId) {
        return PRODUCTS.stream()
                .flatMap(p -> p.items().stream())
                .filter(i -> i.id().equals(itemId))
                .findFirst();
    }

    static Optional<PaymentMethod> paymentMethod(String id) {
        return PAYMENT_METHODS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Optional<ShippingMethod> shippingMethod(String id) {
        return SHIPPING_METHODS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Optional<Voucher> voucher(String code) {
        return VOUCHERS.stream().filter(v -> v.code().equalsIgnoreCase(code)).findFirst();
    }

    static String currencyOf(String pricelist) {
        return pricelist(pricelist).map(Pricelist::currency).orElse("SEK");
    }
}
