package io.centrabff.sandbox;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Tokens → selections, with Centra's quirks: unknown tokens silently get a new session, and tokens can rotate. */
final class SessionStore {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session a request runs in; {@code token} is null in {@code API-token: none} mode. */
    record Session(String token, SandboxSelection selection, boolean fresh) {}

    private final Map<String, SandboxSelection> byToken = new ConcurrentHashMap<>();
    private final AtomicBoolean rotateNext = new AtomicBoolean();

    Session resolve(String sentToken) {
        if ("none".equalsIgnoreCase(sentToken)) {
            // Centra skips its token store entirely: a throwaway selection with default context.
            return new Session(null, new SandboxSelection(), false);
        }
        if (sentToken != null) {
            SandboxSelection known = byToken.get(sentToken);
            if (known != null) {
                return new Session(sentToken, known, false);
            }
        }
        // No token, or one we don't know: Centra treats it like an expired token and starts over (§0.1).
        String token = newToken();
        SandboxSelection selection = new SandboxSelection();
        byToken.put(token, selection);
        return new Session(token, selection, true);
    }

    /**
     * The token to answer with. When rotation is armed, an existing session moves to a new token and the old one is
     * forgotten, so a client that ignores the new token loses its cart — exactly what the BFF must prevent.
     */
    String answerToken(Session session) {
        if (session.token() == null || session.fresh() || !rotateNext.compareAndSet(true, false)) {
            return session.token();
        }
        String rotated = newToken();
        // The token may have been re-bound during the call (login, logout): rotate what it points at now.
        byToken.put(rotated, byToken.getOrDefault(session.token(), session.selection()));
        byToken.remove(session.token());
        return rotated;
    }

    /** Points {@code token} at another selection: login binds it to the customer's, logout to a fresh one. */
    void bind(String token, SandboxSelection selection) {
        byToken.put(token, selection);
    }

    void armRotation() {
        rotateNext.set(true);
    }

    void clear() {
        byToken.clear();
        rotateNext.set(false);
    }

    static String newToken() {
        char[] token = new char[26];
        for (int i = 0; i < token.length; i++) {
            token[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(token);
    }
}
