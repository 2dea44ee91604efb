import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A liveness prober in a process of its own, the way a kubelet probes: every 20 ms one
 * {@code GET} per URL on a new connection ({@code Connection: close}) with a plain blocking socket,
 * 10 s timeout, until its standard input ends; then one report line per URL. Run beside a load in
 * another process, it measures the server's answer without the load client's own garbage
 * collections and HTTP-client threads in the figure.
 *
 * <pre>java bench/LivenessProbe.java URL... &lt; (a pipe closed when the load ends)</pre>
 */
public class LivenessProbe {

    public static void main(String[] args) throws Exception {
        List<Prober> probers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String url : args) {
            Prober p = new Prober(URI.create(url));
            probers.add(p);
            threads.add(Thread.ofPlatform().daemon().start(p::run));
        }
        System.out.println("probing");
        System.out.flush();
        while (System.in.read() >= 0) {
            // the load runs until this pipe closes
        }
        for (Prober p : probers) {
            p.stop = true;
        }
        for (Thread t : threads) {
            t.join();
        }
        probers.forEach(Prober::report);
    }

    static final class Prober {
        private final URI uri;
        private final List<Double> times = new ArrayList<>();
        private final List<String> slowest = new ArrayList<>();
        private volatile boolean stop;
        private int failed;
        private long began;
        /** Connect time of the last probe, reported for the slow ones (a dropped SYN shows as 1 s, 3 s...). */
        private double connectMs;

        Prober(URI uri) {
            this.uri = uri;
        }

        void run() {
            began = System.nanoTime();
            while (!stop) {
                long t0 = System.nanoTime();
                if (probe()) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    times.add(ms);
                    if (ms >= 100) {
                        slowest.add(String.format("%.0f ms (connect %.0f) at +%.0f ms (%s)", ms, connectMs,
                                (t0 - began) / 1e6,
                                java.time.LocalTime.now(java.time.ZoneOffset.UTC).minusNanos((long) (ms * 1e6))));
                    }
                } else {
                    failed++;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** True on a 200 with its whole body read. */
        private boolean probe() {
            try (Socket socket = new Socket()) {
                long t0 = System.nanoTime();
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
                connectMs = (System.nanoTime() - t0) / 1e6;
                socket.setSoTimeout(10_000);
                String key = System.getenv("BENCH_API_KEY");
                String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nConnection: close\r\nAccept: application/json\r\n"
                        + (key == null || key.isBlank() ? "" : "X-API-Key: " + key + "\r\n") + "\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readAll(socket.getInputStream());
                return response.startsWith("HTTP/1.1 200") && response.contains("\r\n\r\n");
            } catch (IOException e) {
                return false;
            }
        }

        /** The whole response: the server closes the connection after it ({@code Connection: close}). */
        private static String readAll(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0 && bytes.size() < 1 << 20; ) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        void report() {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                System.out.printf("%s, separate process: no answer, %d failed%n", uri, failed);
                return;
            }
            System.out.printf("%s, separate process: n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms  failed %d%n", uri,
                    sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1)),
                    sorted.get(sorted.size() - 1), failed);
            if (!slowest.isEmpty()) {
                System.out.println("  probes over 100 ms (time, start into the run, UTC start of the probe): " + String.join(", ", slowest));
            }
        }
    }
}
