package io.centrabff.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Formats amounts the way Centra's currency formats do; clients must read the {@code …AsNumber} twins instead. */
final class Money {

    private Money() {}

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String format(BigDecimal amount, String currency) {
        BigDecimal rounded = round(amount);
        String sign = rounded.signum() < 0 ? "-" : "";
        String digits = rounded.abs().toPlainString();
        return sign + prefix(currency) + digits + suffix(currency);
    }

    static ObjectNode currencyFormat(String currency) {
        ObjectNode format = JsonNodeFactory.instance.objectNode();
        format.put("currency", currency);
        format.put("name", currency);
        format.put("prefix", prefix(currency));
        format.put("suffix", suffix(currency));
        format.put("decimalPoint", ".");
        format.put("decimalDigits", 2);
        format.put("thousandsSeparator", "");
        format.put("uri", currency.toLowerCase());
        return format;
    }

    /** Puts {@code name} as formatted string and {@code nameAsNumber} as number, the pair Centra always sends. */
    static void put(ObjectNode node, String name, BigDecimal amount, String currency) {
        node.put(name, format(amount, currency));
        node.put(name + "AsNumber", round(amount));
    }

    private static String prefix(String currency) {
        return switch (currency) {
            case "EUR" -> "€";
            case "USD" -> "$";
            default -> "";
        };
    }

    private static String suffix(String currency) {
        return switch (currency) {
            case "EUR", "USD" -> "";
            default -> " " + currency;
        };
    }
}
