package io.centrabff.sandbox;

import io.centrabff.sandbox.CheckoutRoutes.Access;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gift certificates as fe-development/07.gift-certs describes them: a certificate cannot share the selection with
 * products (adding one removes them), one certificate at a time (a new one replaces the old), and a certificate of any
 * amount needs the amount, in the selection's currency, in the path or as {@code "amount"} in the body.
 */
final class GiftCertificateEndpoints {

    /** The two kinds of the gift-certs page: a fixed amount per currency, or any amount. */
    record Certificate(String id, String name, Map<String, BigDecimal> amountByCurrency) {

        boolean anyAmount() {
            return amountByCurrency.isEmpty();
        }
    }

    /** The certificate in a selection and the amount it was bought for. */
    record Chosen(String id, String name, BigDecimal amount) {}

    static final List<Certificate> CERTIFICATES = List.of(
            new Certificate(
                    "gift-2",
                    "Pre-defined gift certificate",
                    Map.of("SEK", new BigDecimal("100"), "EUR", new BigDecimal("10"), "USD", new BigDecimal("10"))),
            new Certificate("gift-1", "Dynamic gift certificate", Map.of()));

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

    private GiftCertificateEndpoints() {}

    static void register(CheckoutRoutes routes) {
        routes.add("POST", "items/gift-certificates/{}", Access.CART, call -> add(call, null))
                .add("POST", "items/gift-certificates/{}/amount/{}", Access.CART, call -> add(call, call.param(1)));
    }

    static Optional<Certificate> certificate(String id) {
        return CERTIFICATES.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static ObjectNode add(Call call, String pathAmount) {
        Certificate certificate =
                certificate(call.param(0)).orElseThrow(() -> SandboxError.notFound("giftCertificate", "not found"));
        SandboxSelection selection = call.selection();
        BigDecimal amount;
        if (certificate.anyAmount()) {
            JsonNode bodyAmount = call.object().path("amount");
            String given = pathAmount != null ? pathAmount : bodyAmount.isValueNode() ? bodyAmount.asText() : null;
            amount = amount(given);
        } else {
            amount = certificate.amountByCurrency().get(selection.currency());
            if (amount == null) {
                throw SandboxError.notAcceptable("giftCertificate", "not available in this currency");
            }
        }
        selection.lines.clear();
        selection.giftCertificate = new Chosen(certificate.id(), certificate.name(), amount);
        return SelectionJson.response(call);
    }

    private static BigDecimal amount(String given) {
        if (given == null || given.isBlank()) {
            throw SandboxError.notAcceptable("amount", "required");
        }
        try {
            BigDecimal amount = new BigDecimal(given.trim());
            if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
                throw SandboxError.notAcceptable("amount", "not valid");
            }
            return Money.round(amount);
        } catch (NumberFormatException e) {
            throw SandboxError.notAcceptable("amount", "not valid");
        }
    }
}
