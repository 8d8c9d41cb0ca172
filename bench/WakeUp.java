import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a parked thread takes to run again after another thread unparks it, when both have been idle for a while:
 * the price of one hand-off between threads at low load on this machine. A relayed call hands work between threads
 * several times (connector, request thread, event loop, request thread again), so at low concurrency this figure,
 * times the hand-offs, is a floor under what any JVM relay adds, the BFF or bench/baseline alike.
 *
 * <pre>java bench/WakeUp.java [idle ms ...]</pre>
 */
public class WakeUp {

    private static final int SAMPLES = 200;
    private static volatile long sent;

    public static void main(String[] args) throws InterruptedException {
        for (String idle : args.length > 0 ? args : new String[] {"1", "20", "100"}) {
            measure(Integer.parseInt(idle));
        }
    }

    private static void measure(int idleMillis) throws InterruptedException {
        long[] latency = new long[SAMPLES];
        Thread woken = new Thread(() -> {
            for (int i = 0; i < SAMPLES; i++) {
                while (sent == 0) {
                    LockSupport.park();
                }
                latency[i] = System.nanoTime() - sent;
                sent = 0;
            }
        });
        woken.start();
        for (int i = 0; i < SAMPLES; i++) {
            Thread.sleep(idleMillis);
            sent = System.nanoTime();
            LockSupport.unpark(woken);
            while (sent != 0) {
                Thread.onSpinWait();
            }
        }
        woken.join();
        Arrays.sort(latency);
        System.out.printf("thread wake-up after %d ms idle: p50 %.3f ms, p90 %.3f ms, max %.3f ms (%d samples)%n",
                idleMillis, latency[SAMPLES / 2] / 1e6, latency[SAMPLES * 9 / 10] / 1e6, latency[SAMPLES - 1] / 1e6,
                SAMPLES);
    }
}
