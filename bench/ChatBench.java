import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streamed-chat benchmark client (run with the JDK's source launcher, no dependencies).
 *
 * <pre>
 * java bench/ChatBench.java latency  DIRECT_URL GATEWAY_URL COUNT
 * java bench/ChatBench.java parallel GATEWAY_URL CONCURRENCY
 * </pre>
 *
 * latency: alternates one streamed request straight to the fake provider and one through the
 * gateway, COUNT times each after a warm-up, and reports time to first chunk and total time.
 * parallel: starts CONCURRENCY streamed chats at once and counts those that end with a done event.
 */
public class ChatBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    record Timing(double firstChunkMs, double totalMs, boolean ok, String detail) {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]));
            case "parallel" -> parallel(args[1], Integer.parseInt(args[2]),
                    java.util.Arrays.copyOfRange(args, 3, args.length));
            case "ping" -> ping(args[1], Integer.parseInt(args[2]));
            case "warmup" -> warmup(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("latency or parallel");
        }
    }

    static void latency(String direct, String gateway, int count) throws Exception {
        for (int i = 0; i < Math.max(50, count / 4); i++) {
            run(direct, directBody(), false);
            run(gateway, gatewayBody(), true);
        }
        List<Timing> d = new ArrayList<>();
        List<Timing> g = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            d.add(run(direct, directBody(), false));
            g.add(run(gateway, gatewayBody(), true));
        }
        report("direct to fake provider", d);
        report("through the gateway", g);
        System.out.printf("added by the gateway: first chunk %+.2f ms (median), %+.2f ms (p99); total %+.2f ms (median)%n",
                median(g, true) - median(d, true), percentile(g, true, 99) - percentile(d, true, 99),
                median(g, false) - median(d, false));
    }

    /** Many chats both ways, CONCURRENCY at a time, so both paths run JIT-compiled code when measured. */
    static void warmup(String direct, String gateway, int count, int concurrency) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < count; i++) {
                pool.submit(() -> run(direct, directBody(), false));
                pool.submit(() -> run(gateway, gatewayBody(), true));
            }
        }
        System.out.printf("warm-up: %d chats each way, %d at a time%n", count, concurrency);
    }

    /** Median time of a plain GET: the floor any request through the gateway's HTTP stack pays. */
    static void ping(String url, int count) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count * 2; i++) {
            long t0 = System.nanoTime();
            CLIENT.send(authorized(HttpRequest.newBuilder(URI.create(url))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= count) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf("GET %s: p50 %.2f ms, p90 %.2f ms%n", url, times.get(times.size() / 2),
                times.get((int) (times.size() * 0.9)));
    }

    /** {@code moreProbes}: other liveness URLs probed the same way meanwhile (the probe port). */
    static void parallel(String gateway, int concurrency, String... moreProbes) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Timing> timings = Collections.synchronizedList(new ArrayList<>());
        long began;
        String outsideReport;
        List<Probe> probes = new ArrayList<>(List.of(new Probe(URI.create(gateway).resolve("/health/live"))));
        for (String url : moreProbes) {
            probes.add(new Probe(URI.create(url)));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    try {
                        start.await();
                        Timing t = run(gateway, gatewayBody(), true);
                        timings.add(t);
                        if (t.ok()) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(t.detail());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
            Process outside = startProbeProcess(probes);
            began = System.nanoTime();
            List<Thread> probers = new ArrayList<>();
            for (Probe probe : probes) {
                probers.add(Thread.ofPlatform().daemon().start(() -> probe.runUntil(done)));
            }
            start.countDown();
            done.await();
            for (Thread prober : probers) {
                prober.join();
            }
            outside.getOutputStream().close();
            outsideReport = new String(outside.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outside.waitFor();
        }
        double wall = (System.nanoTime() - began) / 1e6;
        System.out.printf("%d concurrent streamed chats: %d completed with done, %d failed, wall %.0f ms%n",
                concurrency, ok.get(), failures.size(), wall);
        report("concurrent, through the gateway", timings);
        probes.forEach(Probe::report);
        System.out.print(outsideReport);
        failures.stream().distinct().limit(5).forEach(f -> System.out.println("  failure: " + f));
        if (ok.get() != concurrency) {
            System.exit(1);
        }
    }

    /**
     * The same probes from bench/LivenessProbe.java in a process of its own, as a kubelet would send
     * them: this process's garbage collections and HTTP-client threads under 2,000 streams are then
     * not part of the figure. Returns once it probes; closing its input ends it and it reports.
     */
    static Process startProbeProcess(List<Probe> probes) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                java.nio.file.Path.of("bench", "LivenessProbe.java").toString()));
        probes.forEach(p -> command.add(p.uri.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // byte by byte: what follows the ready line is read later from the same stream
        StringBuilder line = new StringBuilder();
        for (int c; (c = process.getInputStream().read()) >= 0; ) {
            if (c != '\n') {
                line.append((char) c);
            } else if (line.toString().equals("probing")) {
                return process;
            } else {
                System.out.println("  probe process: " + line);
                line.setLength(0);
            }
        }
        throw new IllegalStateException("the probe process ended before probing: " + line);
    }

    /**
     * {@code GET /health/live} every 20 ms on a connection of its own while the chats run, from this
     * process (its HTTP client shares the machine and the heap with the 2,000 chats' clients).
     */
    static final class Probe {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final URI uri;
        private final List<Double> times = new ArrayList<>();
        private final List<String> slowest = new ArrayList<>();
        private long began;
        private int failed;

        Probe(URI uri) {
            this.uri = uri;
        }

        void runUntil(CountDownLatch done) {
            began = System.nanoTime();
            while (done.getCount() > 0) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = client.send(authorized(HttpRequest.newBuilder(uri))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        times.add(ms);
                        if (ms >= 100) {
                            slowest.add(String.format("%.0f ms at +%.0f ms", ms, (t0 - began) / 1e6));
                        }
                    } else {
                        failed++;
                    }
                } catch (Exception e) {
                    failed++;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void report() {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                System.out.printf("%s during the run: no answer, %d failed%n", uri, failed);
                return;
            }
            System.out.printf("%s during the run, load process: n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms  failed %d%n",
                    uri, sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1)),
                    sorted.get(sorted.size() - 1), failed);
            if (!slowest.isEmpty()) {
                System.out.println("  probes over 100 ms (time, start into the run): " + String.join(", ", slowest));
            }
        }
    }

    /** With {@code BENCH_API_KEY} set (bench with auth mode api-key), the gateway's requests carry it. */
    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String key = System.getenv("BENCH_API_KEY");
        return key == null || key.isBlank() ? request : request.header("X-API-Key", key);
    }

    /** One streamed request; the first chunk is the first event carrying text. */
    static Timing run(String url, String body, boolean gateway) {
        long t0 = System.nanoTime();
        double first = -1;
        boolean sawDone = false;
        String detail = "";
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
            HttpRequest request = (gateway ? authorized(builder) : builder).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<java.io.InputStream> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String event = "";
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        boolean text = gateway ? event.equals("chunk") : line.contains("\"content\"");
                        if (text && first < 0) {
                            first = (System.nanoTime() - t0) / 1e6;
                        }
                        if (gateway && event.equals("done") || !gateway && line.contains("[DONE]")) {
                            sawDone = true;
                        }
                        if (gateway && event.equals("error")) {
                            detail = line;
                        }
                    }
                }
            }
            if (r.statusCode() != 200) {
                detail = "HTTP " + r.statusCode();
            }
        } catch (Exception e) {
            detail = e.toString();
        }
        return new Timing(first, (System.nanoTime() - t0) / 1e6, sawDone && first >= 0, detail);
    }

    static String directBody() {
        return "{\"model\":\"bench-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"" + "x".repeat(900) + "\"},"
                + "{\"role\":\"user\",\"content\":\"Hello, benchmark\"}]}";
    }

    static String gatewayBody() {
        return "{\"message\":\"Hello, benchmark\",\"provider\":\"openai\",\"model\":\"bench-model\","
                + "\"stream\":true,\"newConversation\":true}";
    }

    static void report(String label, List<Timing> timings) {
        System.out.printf("%-34s n=%d  first chunk p50 %.2f ms  p90 %.2f ms  p99 %.2f ms | total p50 %.2f ms  "
                + "p99 %.2f ms%n", label, timings.size(), percentile(timings, true, 50), percentile(timings, true, 90),
                percentile(timings, true, 99), percentile(timings, false, 50), percentile(timings, false, 99));
    }

    static double median(List<Timing> timings, boolean first) {
        return percentile(timings, first, 50);
    }

    static double percentile(List<Timing> timings, boolean first, int p) {
        List<Double> values = new ArrayList<>(timings.stream().filter(Timing::ok)
                .map(t -> first ? t.firstChunkMs() : t.totalMs()).toList());
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        return values.get(Math.min(values.size() - 1, (int) Math.ceil(p / 100.0 * values.size()) - 1));
    }
}
