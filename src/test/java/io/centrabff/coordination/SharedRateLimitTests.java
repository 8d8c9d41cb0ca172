package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With Redis, a per-IP limit holds across instances: one budget whichever instance the load balancer picks. While Redis
 * is down each instance limits on its own (never a 5xx, never unlimited); when it returns, the budget is shared again.
 * Client IPs come from X-Forwarded-For, believed from the loopback "proxy".
 */
class SharedRateLimitTests {

    private static final int CAPACITY = Cluster.ADDRESS_SEARCH_CAPACITY;
    private static final Map<String, String> SEARCH =
            Map.of("identityNumber", "410321-9202", "paymentMethod", "klarna-invoice");

    private static Cluster cluster;
    private static ShopperClient client;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
        client = new ShopperClient(cluster.port(0));
    }

    @Test
    void oneClientAlternatingBetweenInstancesGetsTheCapacityInTotal() {
        String ip = "198.51.100.1";
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(search(i % 2, ip).status()).as("search %d", i + 1).isEqualTo(200);
        }
        for (int instance = 0; instance < 2; instance++) {
            assertRateLimited(search(instance, ip));
        }

        // Hashed, prefixed keys that expire by themselves once the bucket would be full again.
        RedisLink link = cluster.bean(0, RedisLink.class);
        StringRedisTemplate redis = link.redis();
        Set<String> keys = redis.keys(link.key("rate", "address-search") + ":*");
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(ip));
        for (String key : keys) {
            assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(1L, 61L);
        }
    }

    @Test
    void redisOutageFallsBackToLocalLimitsAndSharedLimitsResumeWhenItReturns() {
        MeterRegistry meters = cluster.bean(0, MeterRegistry.class);
        double fallbacks = fallbacks(meters);
        cluster.redis.stop();
        try {
            // Before the instances notice, a request either fails over in the call or already runs locally.
            for (int instance = 0; instance < 2; instance++) {
                assertThat(search(instance, "198.51.100.2").status()).isLessThan(500);
            }
            for (int instance = 0; instance < 2; instance++) {
                RedisLink link = cluster.bean(instance, RedisLink.class);
                await().until(link::up, up -> !up);
            }

            String ip = "198.51.100.3";
            for (int i = 0; i < CAPACITY; i++) {
                Reply reply = search(0, ip);
                assertThat(reply.status())
                        .as("search %d", i + 1)
                        .isLessThan(500)
                        .isNotEqualTo(429);
            }
            assertRateLimited(search(0, ip));
            assertThat(fallbacks(meters)).isGreaterThanOrEqualTo(fallbacks + CAPACITY + 1);
        } finally {
            cluster.redis.startProcess();
        }
        for (int instance = 0; instance < 2; instance++) {
            RedisLink link = cluster.bean(instance, RedisLink.class);
            await().until(link::up, up -> up);
        }

        // Local buckets alone would allow CAPACITY on each instance; a shared budget allows CAPACITY in total.
        String ip = "198.51.100.4";
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(search(i % 2, ip).status()).as("search %d", i + 1).isEqualTo(200);
        }
        for (int instance = 0; instance < 2; instance++) {
            assertRateLimited(search(instance, ip));
        }
        RedisLink link = cluster.bean(0, RedisLink.class);
        assertThat(link.redis().keys(link.key("rate", "address-search") + ":*"))
                .as("buckets written to the restarted (empty) Redis")
                .isNotEmpty();
    }

    @Test
    void aFailingRedisCallIsAnsweredFromTheLocalBucket() throws Exception {
        RedisLink link = cluster.bean(0, RedisLink.class);
        MeterRegistry meters = cluster.bean(0, MeterRegistry.class);
        double fallbacks = fallbacks(meters);
        String ip = "198.51.100.5";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ip.getBytes(StandardCharsets.UTF_8));
        String key = link.key(
                "rate",
                "address-search",
                CAPACITY + "-60000",
                Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        // Not a bucket: Redis answers WRONGTYPE, as it would answer any failing call.
        link.redis().opsForList().leftPush(key, "not a bucket");

        assertThat(search(0, ip).status()).isEqualTo(200);
        assertThat(fallbacks(meters)).isGreaterThan(fallbacks);
        assertThat(link.up())
                .as("an error Redis answered does not take the link down")
                .isTrue();

        link.redis().delete(key);
        assertThat(search(0, ip).status()).isEqualTo(200);
        assertThat(link.redis().type(key).code()).as("a bucket in Redis again").isEqualTo("string");
    }

    private static Reply search(int instance, String ip) {
        return client.post(cluster.url(instance, "/api/checkout/address-search"), SEARCH, "X-Forwarded-For", ip);
    }

    private static void assertRateLimited(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(429);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:centra-bff:problem:rate-limited");
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 60);
    }

    private static double fallbacks(MeterRegistry meters) {
        return meters.counter("bff.redis.fallbacks", "component", "rate-limits").count();
    }
}
