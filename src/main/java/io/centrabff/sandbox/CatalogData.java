package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Category;
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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data behind {@link Catalog}. Each product exists to exercise one behaviour: 1003 has no EUR price, item
 * 1004-1 has stock 1, 1006 exists only in market 2.
 */
final class CatalogData {

    static final String SEK = "19";
    static final String EUR = "20";
    static final String USD = "21";

    static final List<Market> MARKETS =
            List.of(new Market("1", "Retail", true), new Market("2", "Nordics outlet", false));

    static final List<Pricelist> PRICELISTS = List.of(
            new Pricelist(SEK, "Retail SEK", "SEK", true),
            new Pricelist(EUR, "Retail EUR", "EUR", false),
            new Pricelist(USD, "Retail USD", "USD", false));

    static final List<Language> LANGUAGES =
            List.of(new Language("en", "English", true), new Language("sv", "Svenska", false));

    static final List<Country> COUNTRIES = List.of(
            new Country("SE", "Sweden", true, true, "1", SEK, "sv", Map.of()),
            new Country("DE", "Germany", true, true, "1", EUR, "en", Map.of()),
            new Country("FI", "Finland", true, true, "2", EUR, "sv", Map.of()),
            new Country("US", "United States", false, true, "1", USD, "en", states()),
            // Browsing and adding are allowed for a non-shipTo country, checkout is not (§5 location.shipTo).
            new Country("NO", "Norway", false, false, "2", SEK, "en", Map.of()));

    static final List<Category> CATEGORIES = List.of(
            new Category("10", Map.of("en", "Tops", "sv", "Överdelar"), "tops"),
            new Category("11", Map.of("en", "Bottoms", "sv", "Underdelar"), "bottoms"),
            new Category("12", Map.of("en", "Accessories", "sv", "Accessoarer"), "accessories"));

    static final List<Product> PRODUCTS = List.of(
            product(
                    "1001",
                    "Classic Tee",
                    "Klassisk t-shirt",
                    "classic-tee",
                    "10",
                    Set.of("1", "2"),
                    prices("249", "249", "24.95", "24.95", "29", "29"),
                    sizes("1001", 100),
                    false,
                    "2024-01-10"),
            product(
                    "1002",
                    "Striped Shirt",
                    "Randig skjorta",
                    "striped-shirt",
                    "10",
                    Set.of("1", "2"),
                    prices("399", "499", "39.95", "49.95", "45", "55"),
                    sizes("1002", 100),
                    true,
                    "2024-03-01"),
            product(
                    "1003",
                    "Wool Sweater",
                    "Ylletröja",
                    "wool-sweater",
                    "10",
                    Set.of("1"),
                    noEur("899", "99"),
                    sizes("1003", 100),
                    false,
                    "2023-11-20"),
            product(
                    "1004",
                    "Denim Jeans",
                    "Jeans i denim",
                    "denim-jeans",
                    "11",
                    Set.of("1", "2"),
                    prices("799", "799", "79.95", "79.95", "89", "89"),
                    List.of(
                            new Item("1004-1", "1", "30/32", "DJ-3032", 1),
                            new Item("1004-2", "2", "32/32", "DJ-3232", 100)),
                    false,
                    "2024-02-14"),
            product(
                    "1005",
                    "Canvas Tote",
                    "Tygkasse",
                    "canvas-tote",
                    "12",
                    Set.of("1", "2"),
                    prices("199", "199", "19.95", "19.95", "22", "22"),
                    List.of(new Item("1005-1", "1", "One size", "CT-OS", 100)),
                    false,
                    "2023-09-05"),
            product(
                    "1006",
                    "Outlet Cap",
                    "Outletkeps",
                    "outlet-cap",
                    "12",
                    Set.of("2"),
                    prices("99", "149", "9.95", "14.95", "12", "18"),
                    List.of(new Item("1006-1", "1", "One size", "OC-OS", 100)),
                    false,
                    "2024-04-01"));

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

    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("CA", "California");
        states.put("NY", "New York");
        return states;
    }

    private static Product product(
            String id,
            String en,
            String sv,
            String uri,
            String category,
            Set<String> markets,
            Map<String, Price> prices,
            List<Item> items,
            boolean isNew,
            String createdAt) {
        return new Product(
                id,
                Map.of("en", en, "sv", sv),
                Map.of("en", en + " from the Centra sandbox.", "sv", sv + " från Centra-sandlådan."),
                uri,
                category,
                markets,
                prices,
                items,
                isNew,
                createdAt + " 10:00:00");
    }

    private static List<Item> sizes(String product, int stock) {
        return List.of(
                new Item(product + "-1", "1", "S", "SKU" + product + "S", stock),
                new Item(product + "-2", "2", "M", "SKU" + product + "M", stock),
                new Item(product + "-3", "3", "L", "SKU" + product + "L", stock));
    }

    private static Map<String, Price> prices(
            String sek, String sekBefore, String eur, String eurBefore, String usd, String usdBefore) {
        return Map.of(
                SEK, new Price(new BigDecimal(sek), new BigDecimal(sekBefore)),
                EUR, new Price(new BigDecimal(eur), new BigDecimal(eurBefore)),
                USD, new Price(new BigDecimal(usd), new BigDecimal(usdBefore)));
    }

    private static Map<String, Price> noEur(String sek, String usd) {
        return Map.of(
                SEK, new Price(new BigDecimal(sek), new BigDecimal(sek)),
                USD, new Price(new BigDecimal(usd), new BigDecimal(usd)));
    }

    private static Map<String, BigDecimal> money(String sek, String eur, String usd) {
        return Map.of("SEK", new BigDecimal(sek), "EUR", new BigDecimal(eur), "USD", new BigDecimal(usd));
    }
}
