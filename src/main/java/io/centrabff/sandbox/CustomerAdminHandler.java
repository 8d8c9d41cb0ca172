package io.centrabff.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.centrabff.sandbox.SandboxCustomers.ResetLink;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code GET /sandbox/customers/{email}/reset-link}: the link the last reset e-mail would have carried, so a test (or
 * a developer without a mailbox) can complete the password reset.
 */
final class CustomerAdminHandler implements HttpHandler {

    private static final String PREFIX = "/sandbox/customers/";

    private final SandboxState state;

    CustomerAdminHandler(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> segments =
                    SandboxHttp.segments(exchange.getRequestURI().getRawPath().substring(PREFIX.length()));
            if (segments.size() != 2 || !"reset-link".equals(segments.get(1))) {
                SandboxHttp.send(exchange, 404, AdminHandler.error("path", "not found"), false);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                SandboxHttp.send(exchange, 405, AdminHandler.error("method", "not allowed"), false);
                return;
            }
            ResetLink link = state.customers
                    .byEmail(segments.get(0))
                    .map(customer -> {
                        synchronized (customer) {
                            return customer.resetLink;
                        }
                    })
                    .orElse(null);
            if (link == null) {
                SandboxHttp.send(exchange, 404, AdminHandler.error("resetLink", "none sent"), false);
                return;
            }
            SandboxHttp.send(
                    exchange,
                    200,
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("link", link.link())
                            .put("i", link.i())
                            .put("id", link.id()),
                    false);
        }
    }
}
