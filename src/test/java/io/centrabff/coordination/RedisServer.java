package io.centrabff.coordination;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis (Debian's redis-server) on a free loopback port, without persistence, that a test can stop and start
 * again on the same port. CI installs redis-server; elsewhere tests are skipped without it unless
 * {@code BFF_REDIS_TESTS=required}.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "redis-server";

    private final int port;
    private final Path directory;
    private Process process;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    static RedisServer start() {
        boolean available = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").stream()
                .anyMatch(path -> Files.isExecutable(Path.of(path)));
        if (!"required".equals(System.getenv("BFF_REDIS_TESTS"))) {
            Assumptions.assumeTrue(available, "redis-server is not installed");
        }
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("redis-test"));
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server again on its port (after {@link #stop()}). */
    public void startProcess() {
        try {
            process = new ProcessBuilder(
                            BINARY,
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + BINARY, e);
        }
        await().alias("redis-server answering PING; see " + directory)
                .atMost(Duration.ofSeconds(10))
                .failFast("redis-server exited; see " + directory, () -> !process.isAlive())
                .until(this::answersPing);
    }

    /** Kills the server, as a crash or network loss would; every connection to it breaks. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
