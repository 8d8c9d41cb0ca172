package io.centrabff.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Formats amounts the way Centra's currency formats do; clients must read the {@code …AsNumber} twins instead. */
final class Money {

    private static final char NBSP = '\u00a0';

    private Money() {}

    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Centra's formatted price: a no-break space (U+00A0) between thousands and around the currency sign, e.g.
     * {@code "3\u00a0600.00\u00a0SEK"}, {@code "$\u00a0-21.00\u00a0USD"} (order-flow, user-accounts).
     */
    static String format(BigDecimal amount, String currency) {
        BigDecimal rounded = round(amount);
        String sign = rounded.signum() < 0 ? "-" : "";
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(NBSP);
            }
            grouped.append(whole.charAt(i));
        }
        String digits = sign + grouped + plain.substring(dot);
        return (prefix(currency) + digits + suffix(currency)).replace(' ', NBSP);
    }

    static ObjectNode currencyFormat(String currency) {
        ObjectNode format = JsonNodeFactory.instance.objectNode();
        format.put("currency", currency);
        format.put("name", currency);
        format.put("prefix", prefix(currency));
        format.put("suffix", suffix(currency));
        format.put("decimalPoint", ".");
        // A string in Centra's answers ("2"), not a number.
        format.put("decimalDigits", "2");
        format.put("uri", currency.toLowerCase());
        return format;
    }

    /** Puts {@code name} as formatted string and {@code nameAsNumber} as number, the pair Centra always sends. */
    static void put(ObjectNode node, String name, BigDecimal amount, String currency) {
        node.put(name, format(amount, currency));
        node.put(name + "AsNumber", round(amount));
    }

    /** Plain spaces here; only the formatted prices use no-break spaces (user-accounts: {@code "$ "}, {@code " USD"}). */
    private static String prefix(String currency) {
        return "USD".equals(currency) ? "$ " : "";
    }

    private static String suffix(String currency) {
        return " " + currency;
    }
}
