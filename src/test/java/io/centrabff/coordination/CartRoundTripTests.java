package io.centrabff.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import io.centrabff.TestCookies;
import io.centrabff.cart.CartEvents;
import io.centrabff.cart.CartKeys;
import io.centrabff.cart.CartLock;
import io.centrabff.cart.CartState;
import io.centrabff.cart.CartStates;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;

/** What one cart change costs in trips to Redis, and that folding them together kept the fencing. */
class CartRoundTripTests {

    private static Cluster cluster;

    /** A suspend event as MONITOR shows it inside a command's arguments. */
    private static final String SUSPEND = "\\\"name\\\":\\\"suspend\\\"";

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void oneCartChangeWithNoTabOpenTakesThreeCommandsToRedis() throws Exception {
        ShopperClient shopper = shopperWithACartChangedTwice();

        // The lease's release is sent after the answer.
        List<String> commands = sentBy(() -> shopper.put(cluster.url(0, "/api/checkout/countries/SE"), null), 3)
                .commands();
        System.out.printf("Redis commands of one cart change:%n%s%n", String.join("\n", commands));

        // The session's binding with the token's alias (one script), the lease (token, state, and whether a tab
        // listens), and the release with the state and the resume event: no suspend event, since no instance has a
        // tab of the cart to tell. Not the eleven commands the parts used to send one by one, nor the five of a
        // separate binding and alias, nor the four with a suspend event for nobody.
        assertThat(commands).as(String.join("\n", commands)).hasSize(3);
        assertThat(commands.stream().filter(command -> command.contains("\"EVALSHA\"")))
                .hasSize(3);
        assertThat(commands).noneMatch(command -> command.contains(SUSPEND));
        assertThat(commands.get(2)).contains(":cart-events:").contains("resume");
    }

    @Test
    void aChangeOfACartWithATabOpenSendsItsSuspendAheadOfCentraAndOnlyThatTabsInstanceReceivesIt() throws Exception {
        ShopperClient shopper = shopperWithACartChangedTwice();
        String cart = cluster.bean(0, CartKeys.class).cartOf(shopper.cookie("centra-session"));

        try (EventStream tabOnB =
                new EventStream(cluster.url(1, "/api/checkout/selection/events"), shopper.cookie("centra-session"))) {
            assertThat(tabOnB.awaitNames(1)).containsExactly("snapshot");

            List<String> commands = sentBy(() -> shopper.put(cluster.url(0, "/api/checkout/countries/SE"), null), 4)
                    .commands();
            System.out.printf("Redis commands of one cart change with a tab open:%n%s%n", String.join("\n", commands));

            // The three of any change, and the suspend event, sent on the lease's connection without waiting.
            assertThat(commands).as(String.join("\n", commands)).hasSize(4);
            assertThat(commands.get(2))
                    .contains("\"EVALSHA\"")
                    .contains(":cart-events:")
                    .contains(SUSPEND);
            assertThat(tabOnB.awaitNames(3)).containsExactly("snapshot", "suspend", "resume");
            assertThat(cluster.bean(1, CartEvents.class).log(cart))
                    .extracting(CartEvents.Event::name)
                    .containsSubsequence("suspend", "resume");
            // The instance that made the change has no tab of the cart: it received none of its events.
            assertThat(cluster.bean(0, CartEvents.class).log(cart)).isEmpty();
        }
    }

    @Test
    void anInstanceListensToACartsEventsFromBeforeItsTabsSnapshotWhileItHasATabOfIt() throws Exception {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        assertThat(shopper.post(cluster.url(0, "/api/checkout/items/1001-1"), null)
                        .status())
                .isEqualTo(200);
        String cart = cluster.bean(0, CartKeys.class).cartOf(shopper.cookie("centra-session"));
        RedisLink link = cluster.bean(0, RedisLink.class);
        assertThat(listeners(link, cart)).isZero();

        try (Socket tab = openTab(cluster.port(1), shopper.cookie("centra-session"))) {
            // The snapshot has arrived, so the subscription was confirmed already.
            assertThat(listeners(link, cart)).isEqualTo(1);
        }

        // Counted per tab: the last one of the cart to close ends the subscription (a closed stream is found by the
        // next heartbeats, every bff.widgets.stream-heartbeat).
        String other = "listened-cart";
        CartEvents.Transport transport = cluster.bean(0, CartEvents.Transport.class);
        transport.listen(other);
        transport.listen(other);
        assertThat(listeners(link, other)).isEqualTo(1);
        transport.ignore(other);
        assertThat(listeners(link, other)).isEqualTo(1);
        transport.ignore(other);
        await().until(() -> listeners(link, other), count -> count == 0);
    }

    /** A tab's event stream on a socket of its own (closing it closes the connection), read up to its snapshot. */
    private static Socket openTab(int port, String session) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/checkout/selection/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                        + "Cookie: " + TestCookies.rewrite("centra-session=" + session) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(in.readLine()).startsWith("HTTP/1.1 200");
        for (String line = in.readLine(); ; line = in.readLine()) {
            assertThat(line).as("the stream ended before its snapshot").isNotNull();
            if (line.replace(" ", "").equals("event:snapshot")) {
                return socket;
            }
        }
    }

    @Test
    void aChangeWithAnIdempotencyKeyStoresItsAnswerBeforeReleasingTheCart() throws Exception {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        Reply added = shopper.post(cluster.url(0, "/api/checkout/items/1001-1"), null);
        assertThat(added.status()).isEqualTo(200);
        assertThat(shopper.put(cluster.url(0, "/api/checkout/countries/DE"), null)
                        .status())
                .isEqualTo(200);

        awaitReleases();

        List<String> commands = sentBy(
                        () -> shopper.put(
                                cluster.url(0, "/api/checkout/countries/SE"), null, "Idempotency-Key", "rt-1"),
                        3)
                .commands();
        System.out.printf(
                "Redis commands of one cart change with an Idempotency-Key:%n%s%n", String.join("\n", commands));

        // Besides the three of any change without a tab open: the kept answer looked up before the lane and again
        // inside the lease, and
        // stored (first answer wins) on the lease's connection ahead of the release, so whoever takes the cart next,
        // on either instance, finds it.
        assertThat(commands).as(String.join("\n", commands)).hasSize(6);
        List<String> replies =
                commands.stream().filter(command -> command.contains(":reply:")).toList();
        assertThat(replies).hasSize(3);
        assertThat(replies.get(0)).contains("\"GET\"");
        assertThat(replies.get(1)).contains("\"GET\"");
        assertThat(replies.get(2)).contains("\"SET\"").containsIgnoringCase("\"NX\"");
        assertThat(commands.indexOf(replies.get(2))).isLessThan(commands.size() - 1);
        assertThat(commands.get(commands.size() - 1)).contains("\"EVALSHA\"").contains(":cart-lock:");
    }

    @Test
    void oneCartReadTakesOneCommandToRedis() throws Exception {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        Reply added = shopper.post(cluster.url(0, "/api/checkout/items/1001-1"), null);
        assertThat(added.status()).isEqualTo(200);
        // Once, so Redis knows the read's script by its digest.
        assertThat(shopper.get(cluster.url(1, "/api/checkout/selection")).status())
                .isEqualTo(200);

        Sent sent = sentBy(() -> shopper.get(cluster.url(1, "/api/checkout/selection")), 0);
        assertThat(sent.reply().json().at("/selection/items").size()).isEqualTo(1);
        List<String> commands = sent.commands();
        System.out.printf("Redis commands of one cart read:%n%s%n", String.join("\n", commands));

        // The session's binding, the token's alias and the cart's shared state in one script: not three commands.
        assertThat(commands).as(String.join("\n", commands)).hasSize(1);
        assertThat(commands.get(0))
                .contains("\"EVALSHA\"")
                .contains(":signed-in:")
                .contains(":alias:");
    }

    @Test
    void aReleaseAfterTheLeaseWasTakenOverWritesNothingAndLeavesTheNewLeaseInPlace() {
        String cart = "taken-over-cart";
        RedisLink link = cluster.bean(0, RedisLink.class);
        CartStates statesB = cluster.bean(1, CartStates.class);
        MeterRegistry metersA = cluster.bean(0, MeterRegistry.class);
        double refusedBefore =
                metersA.counter("bff.cart.fenced.writes", "outcome", "refused").count();
        double lostBefore =
                metersA.counter("bff.cart.lock", "outcome", "lease-lost").count();
        String leaseKey = link.key("cart-lock") + ":" + cart;

        // A's lease runs out (its key expires) while A is stalled; B takes the cart and changes it.
        StaleHolder.Takeover takeover = StaleHolder.takeOver(cluster, cart);
        CartLock.Lease late = takeover.late();
        CartLock.Lease current = takeover.current();
        assertThat(current.fence()).isGreaterThan(late.fence());
        String owner = link.redis().opsForValue().get(leaseKey);
        statesB.pull(cart).totals(new java.math.BigDecimal("10.00"), "SEK");
        statesB.of(cart).mutated();
        statesB.push(cart);
        current.close();
        await().until(() -> link.redis().hasKey(leaseKey), held -> !held);

        // B's lease is free; B takes it again. A wakes up, writes and releases what it made under its old lease.
        CartLock.Lease again = cluster.bean(1, RedisCartLock.class).enter(cart).block();
        String againOwner = link.redis().opsForValue().get(leaseKey);
        assertThat(againOwner).isNotEqualTo(owner);
        StaleHolder.writesAndReleases(cluster, 0, cart, 3, late);

        await().until(
                        () -> metersA.counter("bff.cart.lock", "outcome", "lease-lost")
                                .count(),
                        lost -> lost >= lostBefore + 1);
        assertThat(metersA.counter("bff.cart.fenced.writes", "outcome", "refused")
                        .count())
                .isEqualTo(refusedBefore + 2);
        // A's compare-and-delete left B's lease alone, and B's state stands.
        assertThat(link.redis().opsForValue().get(leaseKey)).isEqualTo(againOwner);
        CartState shared = new CartState();
        cluster.bean(0, RedisCarts.class).pull(cart, shared);
        assertThat(shared.total()).isEqualByComparingTo("10.00");
        again.close();
    }

    @Test
    void aChangeWaitingOnAnotherInstanceIsToldOfTheReleaseAndTakesTheCartAtOnce() {
        String cart = "released-cart";
        RedisLink link = cluster.bean(0, RedisLink.class);
        String hash = RedisCarts.key(link, cart);
        List<String> announced = new CopyOnWriteArrayList<>();
        link.subscribe(RedisCartLock.RELEASED, announced::add);

        CartLock.Lease first = cluster.bean(0, RedisCartLock.class).enter(cart).block();
        var waiting = cluster.bean(1, RedisCartLock.class).enter(cart).toFuture();
        // B's failed attempt marks the cart as waited for.
        await().until(() -> link.redis().opsForHash().hasKey(hash, "waiting"), marked -> marked);
        assertThat(waiting).isNotDone();
        long released = System.nanoTime();
        first.close();

        CartLock.Lease second = waiting.join();
        long tookMs = (System.nanoTime() - released) / 1_000_000;
        assertThat(second.fence()).isGreaterThan(first.fence());
        await().until(() -> announced.contains(cart));
        assertThat(announced.stream().filter(cart::equals)).hasSize(1);
        assertThat(link.redis().opsForHash().hasKey(hash, "waiting")).isFalse();
        System.out.printf("A waiting change took the released cart after %d ms%n", tookMs);
        second.close();
        await().until(() -> link.redis().hasKey(link.key("cart-lock") + ":" + cart), held -> !held);
        // Nobody waits now: this release announces nothing.
        CartLock.Lease third = cluster.bean(0, RedisCartLock.class).enter(cart).block();
        third.close();
        await().until(() -> link.redis().hasKey(link.key("cart-lock") + ":" + cart), held -> !held);
        assertThat(announced.stream().filter(cart::equals)).hasSize(1);
    }

    /** A request's answer and the Redis commands the instances sent for it. */
    private record Sent(Reply reply, List<String> commands) {}

    /** A request that must answer 200, and what reached Redis: at least {@code scripts} scripts, then 300 ms more. */
    private static Sent sentBy(Callable<Reply> request, int scripts) throws Exception {
        try (Monitor monitor = new Monitor(cluster.redis.port())) {
            Reply reply = request.call();
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            await().until(
                            () -> monitor.commands().stream()
                                    .filter(command -> command.contains("\"EVALSHA\""))
                                    .count(),
                            sent -> sent >= scripts);
            // Anything the request sends after its scripts (an unawaited event, a release) is counted too.
            Thread.sleep(300);
            return new Sent(reply, monitor.commands());
        }
    }

    /** How many instances listen to {@code cart}'s events. */
    private static long listeners(RedisLink link, String cart) {
        return link.redis()
                .execute(
                        RedisScript.of("return redis.call('PUBSUB', 'NUMSUB', KEYS[1])[2]", Long.class),
                        List.of(RedisCartEvents.channel(link, cart)));
    }

    /** The warm-up changes' releases, sent after their answers, are through before counting starts. */
    /**
     * A shopper whose cart was changed twice on instance 0 (so Redis knows the scripts by their digests), with every
     * lease released.
     */
    private static ShopperClient shopperWithACartChangedTwice() {
        ShopperClient shopper = new ShopperClient(cluster.port(0));
        Reply added = shopper.post(cluster.url(0, "/api/checkout/items/1001-1"), null);
        assertThat(added.status()).isEqualTo(200);
        String line = added.json().at("/selection/items/0/line").asText();
        assertThat(shopper.post(cluster.url(0, "/api/checkout/lines/" + line), null)
                        .status())
                .isEqualTo(200);
        awaitReleases();
        return shopper;
    }

    private static void awaitReleases() {
        RedisLink link = cluster.bean(0, RedisLink.class);
        await().until(() -> link.redis().keys(link.key("cart-lock") + ":*"), Set::isEmpty);
    }

    /** Redis's MONITOR: the commands clients send, without those that scripts run inside Redis. */
    private static final class Monitor implements AutoCloseable {
        private final Socket socket;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final String probe = cluster.bean(0, RedisLink.class).key(LinkProbe.CHANNEL);

        Monitor(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("+OK");
            Thread reader = new Thread(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // The monitor was closed.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** What the instances sent, leaving out link probes and the commands scripts ran. */
        List<String> commands() {
            return lines.stream()
                    .filter(line -> !line.contains(" lua]"))
                    .filter(line -> !line.contains(probe))
                    .filter(line -> !line.contains("\"PING\""))
                    .toList();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
