package io.centrabff.sandbox;

import io.centrabff.sandbox.CheckoutRoutes.Access;
import io.centrabff.sandbox.SandboxCustomers.Customer;
import io.centrabff.sandbox.SandboxSelection.Line;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer handling (§3.5): login is bound to the token, responses gain {@code loggedIn}, the anonymous cart merges
 * into the customer's saved selection on login, logout leaves the token on a fresh, empty selection. Answers are the
 * selection response unless Centra documents another shape.
 */
final class CustomerEndpoints {

    private static final Set<String> DETAIL_FIELDS = Set.of("firstName", "lastName", "language", "newsletter");

    private CustomerEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("POST", "register", Access.OPEN, CustomerEndpoints::register)
                .add("POST", "login/{}", Access.OPEN, CustomerEndpoints::login)
                .add("POST", "logout", Access.OPEN, CustomerEndpoints::logout)
                .add("GET", "customer", Access.OPEN, CustomerEndpoints::customerDetails)
                .add("PUT", "customer/update", Access.OPEN, CustomerEndpoints::update)
                .add("PUT", "address", Access.OPEN, CustomerEndpoints::address)
                .add("PUT", "email", Access.OPEN, CustomerEndpoints::email)
                .add("PUT", "password", Access.OPEN, CustomerEndpoints::password)
                .add("POST", "orders", Access.OPEN, CustomerEndpoints::orders)
                .add("POST", "password-reset-email/{}", Access.OPEN, CustomerEndpoints::resetEmail)
                .add("POST", "password-reset", Access.OPEN, CustomerEndpoints::reset)
                .add("POST", "newsletter-subscription", Access.OPEN, call -> newsletter(call, null))
                .add("POST", "newsletter-subscription/{}", Access.OPEN, call -> newsletter(call, call.param(0)))
                .add("POST", "back-in-stock-subscription", Access.OPEN, CustomerEndpoints::backInStock);
    }

    private static ObjectNode register(Call call) {
        ObjectNode body = call.object();
        String email = body.path("email").asText(null);
        if (!SandboxCustomers.validEmail(email)) {
            throw SandboxError.notAcceptable("email", "not valid");
        }
        if (!SandboxCustomers.strongEnough(body.path("password").asText(null))) {
            throw SandboxError.notAcceptable("password", "not valid");
        }
        SandboxCustomers customers = call.state().customers;
        boolean current =
                !call.selection().completed() && customers.of(call.selection()).isEmpty();
        SandboxSelection cart = current ? call.selection() : SandboxCustomers.emptyLike(call.selection());
        Customer customer = customers.register(email, body.path("password").asText(), cart);
        synchronized (customer) {
            copy(body, customer.details, DETAIL_FIELDS);
            if (body.path("address").isObject()) {
                copy((ObjectNode) body.get("address"), customer.address, SelectionJson.ADDRESS_FIELDS);
            }
        }
        return signIn(call, customer);
    }

    private static ObjectNode login(Call call) {
        Customer customer = call.state()
                .customers
                .authenticate(call.param(0), call.object().path("password").asText(null));
        return signIn(call, customer);
    }

    /** Binds the token to the customer's cart, adding the lines the shopper collected before signing in. */
    private static ObjectNode signIn(Call call, Customer customer) {
        SandboxSelection cart = call.state().customers.cartOnLogin(customer, call.selection());
        bind(call, cart);
        if (cart == call.selection()) {
            return SelectionJson.response(call);
        }
        synchronized (cart) {
            if (call.state().customers.of(call.selection()).isEmpty()
                    && !call.selection().completed()) {
                for (Line line : call.selection().lines) {
                    try {
                        CartEndpoints.add(cart, line.item, line.quantity);
                    } catch (SandboxError notInThisMarket) {
                        // The customer's cart may be in another market or pricelist: such lines cannot follow.
                    }
                }
                call.selection().lines.clear();
            }
            return SelectionJson.response(call.on(cart));
        }
    }

    private static ObjectNode logout(Call call) {
        customer(call);
        SandboxSelection fresh = SandboxCustomers.emptyLike(call.selection());
        bind(call, fresh);
        return SelectionJson.response(call.on(fresh));
    }

    /** The selection response: {@code loggedIn} carries the details (§5). */
    private static ObjectNode customerDetails(Call call) {
        customer(call);
        return SelectionJson.response(call);
    }

    private static ObjectNode update(Call call) {
        Customer customer = customer(call);
        synchronized (customer) {
            copy(call.object(), customer.details, DETAIL_FIELDS);
        }
        return SelectionJson.response(call);
    }

    private static ObjectNode address(Call call) {
        Customer customer = customer(call);
        ObjectNode body = call.object().path("address").isObject()
                ? (ObjectNode) call.object().get("address")
                : call.object();
        synchronized (customer) {
            copy(body, customer.address, SelectionJson.ADDRESS_FIELDS);
        }
        return SelectionJson.response(call);
    }

    private static ObjectNode email(Call call) {
        Customer customer = customer(call);
        String newEmail = call.object().path("newEmail").asText(null);
        if (!SandboxCustomers.validEmail(newEmail)) {
            throw SandboxError.notAcceptable("newEmail", "not valid");
        }
        call.state().customers.changeEmail(customer, newEmail);
        return SelectionJson.response(call);
    }

    private static ObjectNode password(Call call) {
        Customer customer = customer(call);
        if (!customer.password.matches(call.object().path("password").asText(null))) {
            throw SandboxError.notAcceptable("password", "incorrect");
        }
        String newPassword = call.object().path("newPassword").asText(null);
        if (!SandboxCustomers.strongEnough(newPassword)) {
            throw SandboxError.notAcceptable("newPassword", "not valid");
        }
        customer.password = PasswordHash.of(newPassword);
        return SelectionJson.response(call);
    }

    private static ObjectNode orders(Call call) {
        List<ObjectNode> orders = call.state().customers.orders(customer(call));
        int from = Math.max(0, call.object().path("from").asInt(0));
        int size = Math.max(1, call.object().path("size").asInt(10));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("orders");
        orders.stream().skip(from).limit(size).map(Orders::listEntry).forEach(list::add);
        out.putObject("ordersPaging").put("from", from).put("size", size).put("totalSize", orders.size());
        // The products of the listed orders, next to location, language and loggedIn (user-accounts "POST orders").
        ArrayNode products = out.putArray("products");
        SandboxSelection selection = call.selection();
        list.findValuesAsString("product").stream().distinct().forEach(id -> Catalog.product(id)
                .ifPresent(
                        p -> products.add(ProductJson.orderListProduct(p, selection.language, selection.pricelist))));
        out.set("location", StoreJson.location(selection, call.authorized()));
        out.set("language", StoreJson.language(selection.language));
        call.state().customers.loggedIn(selection).ifPresent(customer -> out.set("loggedIn", customer));
        return out;
    }

    /** Same answer whether or not the address is registered; only a registered one gets a link. */
    private static ObjectNode resetEmail(Call call) {
        String linkUri = call.object().path("linkUri").asText("");
        if (linkUri.isBlank()) {
            throw SandboxError.notAcceptable("linkUri", "not valid");
        }
        call.state().customers.requestReset(call.param(0), linkUri);
        return SelectionJson.response(call);
    }

    private static ObjectNode reset(Call call) {
        ObjectNode body = call.object();
        String newPassword = body.path("newPassword").asText(null);
        if (!SandboxCustomers.strongEnough(newPassword)) {
            throw SandboxError.notAcceptable("newPassword", "not valid");
        }
        Customer customer = call.state()
                .customers
                .completeReset(body.path("i").asText(null), body.path("id").asText(null), newPassword);
        return signIn(call, customer);
    }

    private static ObjectNode newsletter(Call call, String pathEmail) {
        String email = pathEmail != null
                ? pathEmail
                : call.state().customers.of(call.selection()).map(c -> c.email).orElse(null);
        if (!SandboxCustomers.validEmail(email)) {
            throw SandboxError.notAcceptable("email", "not valid");
        }
        call.state().customers.byEmail(email).ifPresent(customer -> {
            synchronized (customer) {
                customer.details.put("newsletter", true);
            }
        });
        return JsonNodeFactory.instance.objectNode().put("subscribed", true);
    }

    /**
     * {@code POST /back-in-stock-subscription} (fe-development/12.backinstock, klaviyo "Back in stock flow"): the item,
     * where it should be available ({@code shipTo.country}, and {@code state} where the country has states) and whom
     * to tell; the e-mail may be left out when a customer is signed in, the language defaults to the session's.
     * Centra documents no answer body; the sandbox answers like the newsletter subscription.
     */
    private static ObjectNode backInStock(Call call) {
        ObjectNode body = call.object();
        String item = body.path("item").asText("");
        Catalog.item(item).orElseThrow(() -> SandboxError.notFound("item", "product item not found"));
        Catalog.Country country = Catalog.country(
                        body.path("shipTo").path("country").asText(""))
                .orElseThrow(() -> SandboxError.notAcceptable("shipTo.country", "not valid"));
        String state = body.path("shipTo").path("state").asText(null);
        if (!country.states().isEmpty() && (state == null || !country.states().containsKey(state))) {
            throw SandboxError.notAcceptable("shipTo.state", "not valid");
        }
        String email = body.hasNonNull("email")
                ? body.get("email").asText()
                : call.state().customers.of(call.selection()).map(c -> c.email).orElse(null);
        if (!SandboxCustomers.validEmail(email)) {
            throw SandboxError.notAcceptable("email", "not valid");
        }
        String language = body.path("language").asText(call.selection().language);
        Catalog.language(language).orElseThrow(() -> SandboxError.notAcceptable("language", "not valid"));
        call.state()
                .recordBackInStock(JsonNodeFactory.instance
                        .objectNode()
                        .put("item", item)
                        .put("country", country.code())
                        .put("state", state)
                        .put("email", email)
                        .put("language", language));
        return JsonNodeFactory.instance.objectNode().put("subscribed", true);
    }

    /** The signed-in customer, or Centra's 403 for customer-only calls (§2). */
    private static Customer customer(Call call) {
        return call.state()
                .customers
                .of(call.selection())
                .orElseThrow(() -> SandboxError.of(403, "accessRight", "denied"));
    }

    private static void bind(Call call, SandboxSelection selection) {
        if (call.token() == null) {
            // API-token: none keeps no session, so there is nothing to sign in or out (§0.2).
            throw SandboxError.badRequest("token", "a session is needed");
        }
        call.state().sessions.bind(call.token(), selection);
    }

    private static void copy(ObjectNode from, ObjectNode to, Iterable<String> fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null && (value.isTextual() || value.isBoolean())) {
                to.set(field, value);
            }
        }
    }
}
