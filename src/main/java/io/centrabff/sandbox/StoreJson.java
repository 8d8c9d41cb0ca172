package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Country;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Store-level parts of Centra's responses: countries, languages, location, payment and shipping methods. */
final class StoreJson {

    private StoreJson() {}

    static ArrayNode countries(boolean authorized, boolean all) {
        ArrayNode countries = JsonNodeFactory.instance.arrayNode();
        for (Country country : Catalog.COUNTRIES) {
            if (!all && !country.shipTo()) {
                continue;
            }
            ObjectNode node = countries.addObject();
            node.put("country", country.code());
            node.put("name", country.name());
            node.put("eu", country.eu());
            node.put("language", country.language());
            node.put("currency", Catalog.currencyOf(country.pricelist()));
            if (all) {
                node.put("shipTo", country.shipTo());
            }
            if (!country.states().isEmpty()) {
                ArrayNode states = node.putArray("states");
                country.states()
                        .forEach((code, name) ->
                                states.addObject().put("state", code).put("name", name));
            }
            if (authorized) {
                node.put("pricelist", country.pricelist());
                node.put("market", country.market());
            }
        }
        return countries;
    }

    static ArrayNode languages() {
        ArrayNode languages = JsonNodeFactory.instance.arrayNode();
        Catalog.LANGUAGES.forEach(
                l -> languages.addObject().put("language", l.code()).put("name", l.name()));
        return languages;
    }

    /** The selected language, {@code {language, name}}. */
    static ObjectNode language(String code) {
        Catalog.Language language = Catalog.language(code).orElseThrow();
        return JsonNodeFactory.instance
                .objectNode()
                .put("language", language.code())
                .put("name", language.name());
    }

    static ObjectNode location(SandboxSelection selection, boolean authorized) {
        Country country = Catalog.country(selection.country).orElseThrow();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("country", country.code());
        node.put("name", country.name());
        node.put("state", selection.state);
        // "" without a state, not null (order-flow).
        node.put("stateName", selection.state == null ? "" : country.states().get(selection.state));
        node.put("eu", country.eu());
        node.put("shipTo", country.shipTo());
        // The country's default language; the selected one is the top-level language and selection.language.
        node.put("language", country.language());
        if (authorized) {
            node.put("market", selection.market);
            node.put("pricelist", selection.pricelist);
        }
        return node;
    }

    static ArrayNode paymentMethods(String currency) {
        ArrayNode methods = JsonNodeFactory.instance.arrayNode();
        Catalog.PAYMENT_METHODS.forEach(m -> {
            ObjectNode node = methods.addObject().put("paymentMethod", m.id()).put("name", m.name());
            if (m.type() != null) {
                // Documented for the widget-capable plugins (qliroone "API", adyen-drop-in, stripe-payment-intents).
                node.put("paymentMethodType", m.type());
            }
            Money.put(node, "handlingCost", BigDecimal.ZERO, currency);
            node.put("supportsInitiateOnly", m.initiateOnly());
            node.put("providesCustomerAddressAfterPayment", m.addressAfterPayment());
            if (m.externalScript() != null) {
                node.putObject("clientSide").put("externalScript", m.externalScript());
            }
        });
        return methods;
    }

    static ArrayNode shippingMethods(String currency) {
        ArrayNode methods = JsonNodeFactory.instance.arrayNode();
        Catalog.SHIPPING_METHODS.forEach(m -> Money.put(
                methods.addObject().put("shippingMethod", m.id()).put("name", m.name()),
                "price",
                m.prices().get(currency),
                currency));
        return methods;
    }

    /** The checkout form's fields (order-flow), in Centra's order; {@code identityNumber}/{@code vatNumber} only bill. */
    static final List<String> BILLING_FIELDS = List.of(
            "email",
            "company",
            "firstName",
            "lastName",
            "address1",
            "address2",
            "zipCode",
            "city",
            "state",
            "country",
            "phoneNumber",
            "identityNumber",
            "vatNumber",
            "houseNumber",
            "houseExtension",
            "newsletter");

    /**
     * The sandbox store requires what Centra requires by default, {@code address.email} and {@code address.country}
     * (fe-elements "Payment country"), plus the terms; {@code POST /payment} checks exactly what this says.
     */
    static ObjectNode paymentFields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("termsAndConditions")
                .put("type", "boolean")
                .put("required", true)
                .put("visible", true);
        for (String group : List.of("address", "shippingAddress")) {
            ObjectNode groupNode = fields.putObject(group);
            for (String field : BILLING_FIELDS) {
                boolean billingOnly =
                        field.equals("identityNumber") || field.equals("vatNumber") || field.equals("newsletter");
                if (group.equals("shippingAddress") && billingOnly) {
                    continue;
                }
                boolean required = List.of("email", "country").contains(field) && group.equals("address");
                groupNode
                        .putObject(field)
                        .put("type", field.equals("newsletter") ? "boolean" : "string")
                        .put("required", required)
                        .put("visible", true);
            }
        }
        return fields;
    }
}
