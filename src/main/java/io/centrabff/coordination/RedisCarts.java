package io.centrabff.coordination;

import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Cart state in Redis, one hash per cart: the fencing counter, the widget state (with its version) and the payment
 * lock. A write made inside a lease carries its fencing token and is refused once a newer lease exists. What could
 * not be written while Redis was unreachable is written when it returns, where Redis holds no newer version.
 */
final class RedisCarts implements CartStates.Shared {

    private static final Logger log = LoggerFactory.getLogger(RedisCarts.class);

    /** Writes the state if the caller's fence is the newest (or, unfenced, if Redis holds no newer version). */
    private static final RedisScript<Long> PUSH = RedisScript.of(
            """
            local fence = redis.call('HGET', KEYS[1], 'fence')
            if ARGV[1] ~= '' and fence ~= ARGV[1] then return 0 end
            local version = redis.call('HGET', KEYS[1], 'version')
            if ARGV[1] == '' and version and tonumber(version) > tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[1], 'state', ARGV[2], 'version', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """,
            Long.class);

    private final RedisLink link;
    private final RedisCartLock lock;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Duration ttl;
    private final Map<String, CartState> unsaved = new ConcurrentHashMap<>();

    RedisCarts(RedisLink link, RedisCartLock lock, ObjectMapper mapper, MeterRegistry meters, Duration ttl) {
        this.link = link;
        this.lock = lock;
        this.mapper = mapper;
        this.meters = meters;
        meters.counter("bff.cart.fenced.writes", "outcome", "refused");
        this.ttl = ttl;
    }

    static String key(RedisLink link, String cart) {
        return link.key("cart", cart);
    }

    static void refused(MeterRegistry meters, Logger log, String what) {
        meters.counter("bff.cart.fenced.writes", "outcome", "refused").increment();
        log.warn("{}: it was made under a lease on the cart that a newer lease has replaced", what);
    }

    /**
     * Inside a lease this instance holds, the state the lease found when it was taken (read in the same trip) is
     * applied once and Redis is not asked again: only the newest lease writes, so nothing newer can be there.
     */
    @Override
    public void pull(String cart, CartState state) {
        RedisCartLock.Held lease = lock.held(cart);
        if (lease != null) {
            if (lease.takeSnapshot()) {
                restore(state, lease.state, lease.lock);
            }
            return;
        }
        if (!link.up()) {
            link.fellBack("cart-state");
            return;
        }
        try {
            List<Object> values = link.redis().opsForHash().multiGet(key(link, cart), List.of("state", "lock"));
            restore(state, (String) values.get(0), (String) values.get(1));
        } catch (RuntimeException e) {
            link.failed("cart-state", e);
        }
    }

    private void restore(CartState state, String json, String lockText) {
        if (json != null) {
            JsonNode stored = mapper.readTree(json);
            if (stored.path("cartVersion").asLong() >= state.cartVersion()) {
                state.restore(stored);
            }
        }
        state.restoreLock(lockText);
    }

    /** Inside a lease this instance holds, the state goes to Redis with the lease's release, in the same trip. */
    @Override
    public void push(String cart, CartState state) {
        RedisCartLock.Held lease = lock.held(cart);
        if (lease != null) {
            lease.state(state.toJson().toString(), state.cartVersion(), () -> unsaved.put(cart, state));
            return;
        }
        if (!link.attempt("cart-state", () -> writeState(cart, state, null))) {
            unsaved.put(cart, state);
        }
    }

    @Override
    public void pushLock(String cart, CartState state) {
        if (!link.attempt("cart-state", () -> writeLock(cart, state))) {
            unsaved.put(cart, state);
        }
    }

    private void writeState(String cart, CartState state, Long fence) {
        Long written = link.redis()
                .execute(
                        PUSH,
                        List.of(key(link, cart)),
                        fence == null ? "" : fence.toString(),
                        state.toJson().toString(),
                        Long.toString(state.cartVersion()),
                        Long.toString(ttl.toMillis()));
        if (fence != null && !Long.valueOf(1).equals(written)) {
            refused(meters, log, "A late write to a cart's shared state was refused");
        }
    }

    private void writeLock(String cart, CartState state) {
        String lockText = state.lockText();
        if (lockText == null) {
            link.redis().opsForHash().delete(key(link, cart), "lock");
        } else {
            link.redis().opsForHash().put(key(link, cart), "lock", lockText);
            link.redis().expire(key(link, cart), ttl);
        }
    }

    private void writeUnsaved() {
        Set.copyOf(unsaved.keySet()).forEach(cart -> {
            CartState state = unsaved.remove(cart);
            if (state != null) {
                try {
                    writeState(cart, state, null);
                    writeLock(cart, state);
                } catch (RuntimeException e) {
                    unsaved.putIfAbsent(cart, state);
                    throw e;
                }
            }
        });
    }

    /** Before coordination through Redis resumes. */
    @EventListener
    void recovered(RedisLinkRecovered event) {
        link.recovering("cart-state", this::writeUnsaved);
    }
}
