package io.centrabff.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Centra's checkout-API route table: method + path pattern ({@code {}} = one path parameter) → endpoint. */
final class CheckoutRoutes {

    @FunctionalInterface
    interface Endpoint {
        ObjectNode handle(Call call);
    }

    /** OPEN: anyone; SECRET: needs the shared secret; CART: changes the cart, refused once it became an order. */
    enum Access {
        OPEN,
        SECRET,
        CART,
        SECRET_CART
    }

    private record Route(String method, List<String> pattern, Access access, Endpoint endpoint) {

        boolean matchesPath(List<String> segments) {
            if (pattern.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                if (!pattern.get(i).equals("{}") && !pattern.get(i).equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        List<String> params(List<String> segments) {
            List<String> params = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) {
                if (pattern.get(i).equals("{}")) {
                    params.add(segments.get(i));
                }
            }
            return params;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    CheckoutRoutes add(String method, String pattern, Access access, Endpoint endpoint) {
        routes.add(new Route(method, Arrays.asList(pattern.split("/")), access, endpoint));
        return this;
    }

    ObjectNode dispatch(String method, List<String> segments, Call call) {
        boolean pathKnown = false;
        for (Route route : routes) {
            if (!route.matchesPath(segments)) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                check(route.access(), call);
                return route.endpoint().handle(call.with(route.params(segments)));
            }
        }
        if (pathKnown) {
            throw SandboxError.of(405, "method", "not allowed");
        }
        throw SandboxError.notFound("path", "not found");
    }

    private static void check(Access access, Call call) {
        if ((access == Access.SECRET || access == Access.SECRET_CART) && !call.authorized()) {
            throw SandboxError.of(401, "authorization", "shared secret required");
        }
        if ((access == Access.CART || access == Access.SECRET_CART)
                && call.selection().completed()) {
            // Centra's docs are silent; after payment-result the token points at an order (§0.7), so we refuse
            // cart changes with 409 to make a client that forgot to start a fresh token fail loudly.
            throw SandboxError.of(409, "selection", "already completed, start a new session");
        }
    }
}
