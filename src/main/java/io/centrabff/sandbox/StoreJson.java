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
        Catalog.LANGUAGES.forEach(l -> languages
                .addObject()
                .put("language", l.code())
                .put("name", l.name())
                .put("default", l.isDefault()));
        return languages;
    }

    static ObjectNode location(SandboxSelection selection, boolean authorized) {
        Country country = Catalog.country(selection.country).orElseThrow();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("country", country.code());
        node.put("name", country.name());
        node.put("state", selection.state);
        node.put("stateName", selection.state == null ? null : country.states().get(selection.state));
        node.put("eu", country.eu());
        node.put("shipTo", country.shipTo());
        node.put("language", selection.language);
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
            Money.put(node, "handlingCost", BigDecimal.ZERO, currency);
            node.put("supportsInitiateOnly", m.initiateOnly());
            node.put("providesCustomerAddressAfterPayment", "klarna-checkout".equals(m.id()));
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

    static ObjectNode paymentFields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("termsAndConditions")
                .put("type", "boolean")
                .put("visible", true)
                .put("required", true);
        for (String group : List.of("address", "shippingAddress")) {
            ObjectNode groupNode = fields.putObject(group);
            for (String field : SelectionJson.ADDRESS_FIELDS) {
                boolean required = List.of("email", "country").contains(field) && group.equals("address");
                groupNode
                        .putObject(field)
                        .put("type", "string")
                        .put("visible", true)
                        .put("required", required);
            }
        }
        return fields;
    }
}
