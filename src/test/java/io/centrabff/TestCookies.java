package io.centrabff;

import io.centrabff.session.SessionSeal;
import java.util.ArrayList;
import java.util.List;

/**
 * The BFF seals its session cookies (key {@code bff.session.cookie-key}, set for every test context in
 * src/test/resources/application.properties) and, when Secure, names them {@code __Host-…}. Tests think in Centra
 * tokens: {@link #rewrite} turns {@code centra-session=<token>} into the value the BFF would have written for that
 * token, under both names; {@link #token} reads a sealed value back. Values that already look sealed ({@code v1.…})
 * and other cookies pass unchanged, so a test can still send a forged value.
 */
public final class TestCookies {

    /** The seal every test context uses. */
    public static final SessionSeal SEAL = new SessionSeal("test-only-session-cookie-key");

    private TestCookies() {}

    public static String rewrite(String header) {
        List<String> out = new ArrayList<>();
        for (String pair : header.split(";\\s*")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if ((name.equals("centra-session") || name.equals("centra-receipt"))
                    && !value.isEmpty()
                    && !value.equals("none")
                    && !value.startsWith("v1.")) {
                // Both names: Secure contexts read the __Host- one, the others the plain one.
                String sealed = SEAL.seal(value, "test");
                out.add(name + "=" + sealed);
                out.add("__Host-" + name + "=" + sealed);
            } else {
                out.add(pair);
            }
        }
        return String.join("; ", out);
    }

    /** The Centra token a cookie value names, or the value itself when it is not sealed with the tests' key. */
    public static String token(String value) {
        SessionSeal.Opened opened = value == null ? null : SEAL.open(value);
        return opened == null ? value : opened.token();
    }
}
