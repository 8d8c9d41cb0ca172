package io.centrabff.customer;

import io.centrabff.ShopperClient;
import io.centrabff.ShopperClient.Reply;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shopper's browser on its own client IP (sent as {@code X-Forwarded-For}, believed from 127.0.0.1 in these tests),
 * so per-IP rate limits of one test never count another test's requests.
 */
final class CustomerBrowser {

    static final String API = "/api/checkout";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    final ShopperClient client;
    final String ip;

    CustomerBrowser(int port) {
        this(port, nextIp());
    }

    CustomerBrowser(int port, String ip) {
        this.client = new ShopperClient(port);
        this.ip = ip;
    }

    /** A documentation address (RFC 5737) no other test uses. */
    static String nextIp() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    Reply get(String path) {
        return client.get(API + path, "X-Forwarded-For", ip);
    }

    Reply post(String path, Object body) {
        return client.post(API + path, body, "X-Forwarded-For", ip);
    }

    Reply put(String path, Object body) {
        return client.put(API + path, body, "X-Forwarded-For", ip);
    }

    String sessionCookie() {
        return client.cookie("centra-session");
    }
}
