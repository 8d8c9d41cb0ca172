package io.centrabff.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.centrabff.ShopperClient.Reply;
import io.centrabff.centra.StubbedCentra;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients trickling a body a byte at a time hold the public connector's threads; the actuator has its own connector
 * and threads (management.server.port), so liveness still answers at once while 230 of them hold all 200 request
 * threads, and the connection timeout (5 s) cuts the slow clients off.
 */
class SlowClientTests extends StubbedCentra {

    private static final int SLOW_CLIENTS = 230;

    @Test
    void livenessAnswersWhileThePublicConnectorIsSaturatedAndSlowClientsAreCutOff() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/checkout/vouchers HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            Thread.sleep(300);

            long started = System.nanoTime();
            Reply liveness = management.get("/actuator/health/liveness");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(liveness.status()).isEqualTo(200);
            assertThat(millis)
                    .as("liveness latency under %d slow clients", SLOW_CLIENTS)
                    .isLessThan(1_000);

            Socket first = slow.get(0);
            first.setSoTimeout(40_000);
            long waited = System.nanoTime();
            String answer = readAll(first.getInputStream());
            long cutOffAfter = (System.nanoTime() - waited) / 1_000_000;
            // A few connection timeouts: reading the body, then Tomcat's attempt to drain it before closing.
            assertThat(cutOffAfter).as("the server ends a silent body").isLessThan(25_000);
            assertThat(answer).doesNotContain(" 500 ");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return "";
        }
    }
}
