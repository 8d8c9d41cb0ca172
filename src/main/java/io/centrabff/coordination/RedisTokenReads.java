package io.centrabff.coordination;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a storefront request needs from Redis about its token, in one round trip: the sign-in binding (asked for when
 * the session is resolved), the token's alias and the shared state of the cart the token names (asked for next by the
 * cart's relay). One script reads the three keys; the alias and the state are kept with the request (its attributes),
 * so a cart read costs one trip instead of three and a cart change one before its lease instead of two. Only the
 * request that read them uses them, and the state only once: every other request, and a second look within the same
 * one, reads Redis afresh. Outside a request (no request attributes) nothing is kept.
 */
final class RedisTokenReads {

    /**
     * KEYS: sign-in binding, alias, cart hash (all of one token hash); ARGV: '1' to read the binding. Answers {binding,
     * alias, state, lock}, nil where there is none.
     */
    static final RedisCartLock.Script READ = new RedisCartLock.Script(
            """
            local binding = false
            if ARGV[1] == '1' then binding = redis.call('GET', KEYS[1]) end
            local alias = redis.call('GET', KEYS[2])
            local values = redis.call('HMGET', KEYS[3], 'state', 'lock')
            return {binding, alias, values[1], values[2]}
            """);

    private static final String ATTRIBUTE = RedisTokenReads.class.getName() + ":";

    /** What one read found for a token hash. */
    static final class Read {
        final String binding;
        final String alias;
        private String state;
        private String lock;
        private boolean stateTaken;

        Read(String binding, String alias, String state, String lock) {
            this.binding = binding;
            this.alias = alias;
            this.state = state;
            this.lock = lock;
        }

        /** The cart's state and payment lock as read, once; null afterwards. */
        synchronized String[] takeState() {
            if (stateTaken) {
                return null;
            }
            stateTaken = true;
            String[] taken = {state, lock};
            state = null;
            lock = null;
            return taken;
        }
    }

    private final RedisLink link;
    private final RedisCartLock connection;

    RedisTokenReads(RedisLink link, RedisCartLock connection) {
        this.link = link;
        this.connection = connection;
    }

    /** The binding, alias and cart state of {@code tokenHash}, read now; kept with the current request. */
    Read withBinding(String tokenHash) {
        return read(tokenHash, true);
    }

    /** The read this request made for {@code tokenHash}, or a new one without the binding. */
    Read forAlias(String tokenHash) {
        Read kept = kept(tokenHash);
        return kept != null ? kept : read(tokenHash, false);
    }

    /**
     * The shared state and payment lock of {@code cart} as this request read them with its token (a token that names
     * its own cart, no alias), once; null if this request has none to offer.
     */
    String[] takeState(String cart) {
        Read kept = kept(cart);
        return kept == null || kept.alias != null ? null : kept.takeState();
    }

    private Read read(String tokenHash, boolean binding) {
        List<Object> values;
        try {
            values = connection
                    .<List<Object>>eval(
                            READ,
                            ScriptOutputType.MULTI,
                            new String[] {
                                link.key("signed-in", tokenHash),
                                link.key("alias", tokenHash),
                                RedisCarts.key(link, tokenHash)
                            },
                            binding ? "1" : "0")
                    .get(timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("No answer from Redis within " + timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Read read = new Read(
                (String) values.get(0), (String) values.get(1), (String) values.get(2), (String) values.get(3));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            try {
                request.setAttribute(ATTRIBUTE + tokenHash, read, RequestAttributes.SCOPE_REQUEST);
            } catch (IllegalStateException finished) {
                // The request has been answered already: nothing is kept, the next look reads afresh.
            }
        }
        return read;
    }

    private static Read kept(String tokenHash) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        try {
            return (Read) request.getAttribute(ATTRIBUTE + tokenHash, RequestAttributes.SCOPE_REQUEST);
        } catch (IllegalStateException finished) {
            return null;
        }
    }

    /** Longer than this and the link probe declares Redis unreachable anyway. */
    private Duration timeout() {
        return link.properties().probeTimeout();
    }
}
