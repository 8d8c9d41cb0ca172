package io.centrabff.sandbox;

import io.centrabff.sandbox.Catalog.Country;
import io.centrabff.sandbox.Catalog.Voucher;
import io.centrabff.sandbox.CheckoutRoutes.Access;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Store settings and the selection's context (§3.1, §3.3): countries, languages, markets, methods, vouchers. */
final class SettingsEndpoints {

    private SettingsEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("GET", "countries", Access.OPEN, call -> wrap("countries", StoreJson.countries(false, false)))
                .add("GET", "countries/all", Access.SECRET, c -> wrap("countries", StoreJson.countries(true, true)))
                .add("GET", "languages", Access.OPEN, call -> wrap("languages", StoreJson.languages()))
                .add("GET", "markets", Access.SECRET, call -> markets())
                .add("GET", "pricelists", Access.SECRET, call -> pricelists())
                .add("PUT", "languages/{}", Access.CART, SettingsEndpoints::language)
                .add("PUT", "countries/{}", Access.CART, SettingsEndpoints::country)
                .add("PUT", "countries/{}/states/{}", Access.CART, SettingsEndpoints::state)
                .add("PUT", "selection", Access.SECRET_CART, SettingsEndpoints::context)
                .add("PUT", "payment-methods/{}", Access.CART, SettingsEndpoints::paymentMethod)
                .add("PUT", "shipping-methods/{}", Access.CART, SettingsEndpoints::shippingMethod)
                .add("POST", "vouchers", Access.CART, SettingsEndpoints::addVoucher)
                .add("DELETE", "vouchers/{}", Access.CART, SettingsEndpoints::removeVoucher);
    }

    private static ObjectNode wrap(String field, ArrayNode values) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set(field, values);
        return out;
    }

    private static ObjectNode markets() {
        ArrayNode markets = JsonNodeFactory.instance.arrayNode();
        Catalog.MARKETS.forEach(m ->
                markets.addObject().put("market", m.id()).put("name", m.name()).put("default", m.isDefault()));
        return wrap("markets", markets);
    }

    private static ObjectNode pricelists() {
        ArrayNode pricelists = JsonNodeFactory.instance.arrayNode();
        Catalog.PRICELISTS.forEach(p -> pricelists
                .addObject()
                .put("pricelist", p.id())
                .put("name", p.name())
                .put("default", p.isDefault())
                .set("currency", Money.currencyFormat(p.currency())));
        return wrap("pricelists", pricelists);
    }

    private static ObjectNode language(Call call) {
        call.selection().language = Catalog.language(call.param(0))
                .orElseThrow(() -> SandboxError.notFound("language", "not found"))
                .code();
        return SelectionJson.response(call);
    }

    /** Country drives market, pricelist and default language (§1); an explicit {@code language} in the body wins. */
    private static ObjectNode country(Call call) {
        Country country =
                Catalog.country(call.param(0)).orElseThrow(() -> SandboxError.notFound("country", "not found"));
        String language = call.object().path("language").asText(country.language());
        Catalog.language(language).orElseThrow(() -> SandboxError.notFound("language", "not found"));
        SandboxSelection selection = call.selection();
        selection.country = country.code();
        selection.state = null;
        selection.language = language;
        switchContext(selection, country.market(), country.pricelist());
        return SelectionJson.response(call);
    }

    private static ObjectNode state(Call call) {
        Country country =
                Catalog.country(call.param(0)).orElseThrow(() -> SandboxError.notFound("country", "not found"));
        String state = call.param(1).toUpperCase();
        if (!country.states().containsKey(state)) {
            throw SandboxError.notFound("state", "not found");
        }
        if (!country.code().equals(call.selection().country)) {
            switchContext(call.selection(), country.market(), country.pricelist());
            call.selection().country = country.code();
        }
        call.selection().state = state;
        return SelectionJson.response(call);
    }

    /** {@code PUT /selection} with the secret: set any part of the market/pricelist/country/language triple. */
    private static ObjectNode context(Call call) {
        ObjectNode body = call.object();
        SandboxSelection selection = call.selection();
        String market = body.path("market").asText(selection.market);
        String pricelist = body.path("pricelist").asText(selection.pricelist);
        String country = body.path("country").asText(selection.country);
        String language = body.path("language").asText(selection.language);
        Catalog.market(market).orElseThrow(() -> SandboxError.notFound("market", "not found"));
        Catalog.pricelist(pricelist).orElseThrow(() -> SandboxError.notFound("pricelist", "not found"));
        Catalog.language(language).orElseThrow(() -> SandboxError.notFound("language", "not found"));
        selection.country = Catalog.country(country)
                .orElseThrow(() -> SandboxError.notFound("country", "not found"))
                .code();
        selection.language = language;
        switchContext(selection, market, pricelist);
        return SelectionJson.response(call);
    }

    /** A new pricelist re-prices the cart; lines the new market does not sell (or can't price) are removed. */
    static void switchContext(SandboxSelection selection, String market, String pricelist) {
        selection.market = market;
        selection.pricelist = pricelist;
        selection.lines.removeIf(line -> Catalog.productOfItem(line.item)
                .map(p -> !p.markets().contains(market) || p.priceIn(pricelist) == null)
                .orElse(true));
        selection.address.put("country", selection.country);
    }

    private static ObjectNode paymentMethod(Call call) {
        call.selection().paymentMethod = Catalog.paymentMethod(call.param(0))
                .orElseThrow(() -> SandboxError.notAcceptable("paymentMethod", "not valid"))
                .id();
        return SelectionJson.response(call);
    }

    private static ObjectNode shippingMethod(Call call) {
        call.selection().shippingMethod = Catalog.shippingMethod(call.param(0))
                .orElseThrow(() -> SandboxError.notAcceptable("shippingMethod", "not valid"))
                .id();
        return SelectionJson.response(call);
    }

    /** Unknown codes answer 406: the request was understood but the code is not acceptable (docs give no status). */
    private static ObjectNode addVoucher(Call call) {
        String code = call.object().path("voucher").asText("");
        if (code.isBlank()) {
            throw SandboxError.badRequest("voucher", "required");
        }
        Voucher voucher = Catalog.voucher(code).orElseThrow(() -> SandboxError.notAcceptable("voucher", "not found"));
        if (!call.selection().vouchers.contains(voucher.code())) {
            call.selection().vouchers.add(voucher.code());
        }
        return SelectionJson.response(call);
    }

    private static ObjectNode removeVoucher(Call call) {
        String code = Catalog.voucher(call.param(0)).map(Voucher::code).orElse(call.param(0));
        if (!call.selection().vouchers.remove(code)) {
            throw SandboxError.notAcceptable("voucher", "not found");
        }
        return SelectionJson.response(call);
    }
}
