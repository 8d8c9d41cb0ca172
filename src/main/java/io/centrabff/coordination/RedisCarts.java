package io.centrabff.coordination;

import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
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

    /** Writes the state unless Redis holds a newer version (a write outside any lease, or one kept during an outage). */
    private static final RedisScript<Long> PUSH = RedisScript.of(
            """
            local version = redis.call('HGET', KEYS[1], 'version')
            if version and tonumber(version) > tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """,
            Long.class);

    /**
     * KEYS: cart hash; ARGV: fence ('' outside a lease), lock ('' to clear it), cart ttl ms. Writes the payment lock
     * unless the fence is not the newest (0).
     */
    private static final String LOCK =
            """
            if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'fence') ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then
              redis.call('HDEL', KEYS[1], 'lock')
            else
              redis.call('HSET', KEYS[1], 'lock', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 1
            """;

    private static final RedisScript<Long> LOCK_NOW = RedisScript.of(LOCK, Long.class);
    private static final RedisCartLock.Script LOCK_LEASED = new RedisCartLock.Script(LOCK);

    private final RedisLink link;
    private final RedisCartLock lock;
    private final RedisTokenReads reads;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final Duration ttl;
    private final Map<String, CartState> unsaved = new ConcurrentHashMap<>();

    RedisCarts(
            RedisLink link,
            RedisCartLock lock,
            RedisTokenReads reads,
            ObjectMapper mapper,
            MeterRegistry meters,
            Duration ttl) {
        this.link = link;
        this.lock = lock;
        this.reads = reads;
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
     * applied once to each copy and Redis is not asked again: only the newest lease writes, so nothing newer can be
     * there. Outside a lease, the state this request read with its token (in the trip that resolved its session) is
     * used once.
     */
    @Override
    public void pull(String cart, CartState state) {
        RedisCartLock.Held lease = lock.held(cart);
        if (lease != null) {
            lease.restoreOnce(state, () -> restore(state, lease.state, lease.lock));
            return;
        }
        if (!link.up()) {
            link.fellBack("cart-state");
            return;
        }
        try {
            String[] read = reads.takeState(cart);
            if (read != null) {
                restore(state, read[0], read[1]);
                return;
            }
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
        // Outside a lease: a new cart's first state. Nothing else can have written to it yet but a newer version.
        if (!link.attempt("cart-state", () -> writeState(cart, state))) {
            unsaved.put(cart, state);
        }
    }

    /**
     * Inside a lease the payment lock carries the lease's fencing token and goes out on the lease's connection without
     * waiting, ahead of the events and the release that follow it there; a holder whose lease was taken over cannot
     * set or clear it. Outside a lease (a widget's signal) it is written before the answer.
     */
    @Override
    public void pushLock(String cart, CartState state) {
        RedisCartLock.Held lease = lock.held(cart);
        if (lease == null) {
            if (!link.attempt("cart-state", () -> writeLock(cart, state))) {
                unsaved.put(cart, state);
            }
            return;
        }
        if (!link.up()) {
            link.fellBack("cart-state");
            unsaved.put(cart, state);
            return;
        }
        String lockText = state.lockText();
        lock.<Long>eval(
                        LOCK_LEASED,
                        ScriptOutputType.INTEGER,
                        new String[] {key(link, cart)},
                        Long.toString(lease.fence),
                        lockText == null ? "" : lockText,
                        Long.toString(ttl.toMillis()))
                .whenComplete((written, error) -> {
                    if (error != null) {
                        link.failed("cart-state", error instanceof CompletionException ? error.getCause() : error);
                        unsaved.put(cart, state);
                    } else if (!Long.valueOf(1).equals(written)) {
                        refused(meters, log, "A late write to a cart's payment lock was refused");
                    }
                });
    }

    private void writeState(String cart, CartState state) {
        link.redis()
                .execute(
                        PUSH,
                        List.of(key(link, cart)),
                        state.toJson().toString(),
                        Long.toString(state.cartVersion()),
                        Long.toString(ttl.toMillis()));
    }

    private void writeLock(String cart, CartState state) {
        String lockText = state.lockText();
        link.redis()
                .execute(
                        LOCK_NOW,
                        List.of(key(link, cart)),
                        "",
                        lockText == null ? "" : lockText,
                        Long.toString(ttl.toMillis()));
    }

    private void writeUnsaved() {
        Set.copyOf(unsaved.keySet()).forEach(cart -> {
            CartState state = unsaved.remove(cart);
            if (state != null) {
                try {
                    writeState(cart, state);
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
