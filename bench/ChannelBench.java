import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Channel benchmark client with a fake Telegram Bot API of its own (bench/channels.sh):
 *   latency GATEWAY TELEGRAM_PORT N          inbound-to-answer time, one message at a time, against a
 *                                            plain POST /api/v1/chat with the same fake model
 *   burst   GATEWAY TELEGRAM_PORT N PARALLEL N distinct updates posted at once (each twice: Telegram's
 *                                            retry), then: every one stored once and answered once?
 * Needs the gateway started with --ownpilot.channels.telegram-api-url=http://127.0.0.1:TELEGRAM_PORT/telegram.
 */
public class ChannelBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final Pattern SECRET = Pattern.compile("\"secret_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CHAT = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");
    static final Map<String, CompletableFuture<Long>> answers = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> answerCounts = new ConcurrentHashMap<>();
    static volatile String secret;

    public static void main(String[] args) throws Exception {
        String gateway = args[1];
        HttpServer telegram = fakeTelegram(Integer.parseInt(args[2]));
        try {
            String channel = "bench-" + System.currentTimeMillis();
            String created = post(gateway + "/api/v1/channels", "{\"id\":\"" + channel + "\",\"type\":\"telegram\","
                    + "\"config\":{\"botToken\":\"7000:AAHbenchTokenValue0123456789abcdef\",\"allowEveryone\":true,"
                    + "\"webhookUrl\":\"https://bench.example/hook\"}}", Map.of());
            if (secret == null) {
                throw new IllegalStateException("the gateway did not register a webhook: " + created);
            }
            String hook = gateway + "/api/v1/channels/" + channel + "/webhook";
            if (args[0].equals("latency")) {
                latency(hook, gateway, Integer.parseInt(args[3]));
            } else {
                burst(gateway, hook, channel, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            }
        } finally {
            telegram.stop(0);
        }
    }

    static void latency(String hook, String gateway, int n) throws Exception {
        List<Double> total = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        String chatBody = "{\"message\":\"hello\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}";
        for (int i = 0; i < n + 50; i++) {
            long chat = 1_000_000L + i;
            CompletableFuture<Long> answered = answers.computeIfAbsent(String.valueOf(chat), k -> new CompletableFuture<>());
            long start = System.nanoTime();
            post(hook, update(i + 1, chat), Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
            long end = answered.get(30, TimeUnit.SECONDS);
            long m0 = System.nanoTime();
            post(gateway + "/api/v1/chat", chatBody, Map.of());
            long m1 = System.nanoTime();
            if (i >= 50) {
                total.add((end - start) / 1e6);
                model.add((m1 - m0) / 1e6);
            }
        }
        Collections.sort(total);
        Collections.sort(model);
        System.out.printf("inbound to answer (%d messages, one at a time): p50 %.1f ms  p99 %.1f ms%n", n, pick(total, .5),
                pick(total, .99));
        System.out.printf("a plain POST /api/v1/chat, same fake model:     p50 %.1f ms  p99 %.1f ms%n", pick(model, .5),
                pick(model, .99));
        System.out.printf("added by the channel path (median):            %.1f ms%n", pick(total, .5) - pick(model, .5));
    }

    static void burst(String gateway, String hook, String channel, int n, int parallel) throws Exception {
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> posts = new ArrayList<>();
        long start = System.nanoTime();
        for (int copy = 0; copy < 2; copy++) {
            for (int i = 0; i < n; i++) {
                long chat = 2_000_000L + i;
                answers.computeIfAbsent(String.valueOf(chat), k -> new CompletableFuture<>());
                slots.acquire();
                HttpRequest request = HttpRequest.newBuilder(URI.create(hook)).header("Content-Type", "application/json")
                        .header("X-Telegram-Bot-Api-Secret-Token", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(update(100_000 + i, chat))).build();
                posts.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    slots.release();
                    if (e != null || r.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                }));
            }
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        long accepted = System.nanoTime();
        for (int i = 0; i < n; i++) {
            answers.get(String.valueOf(2_000_000L + i)).get(600, TimeUnit.SECONDS);
        }
        long done = System.nanoTime();
        Thread.sleep(2000);
        long doubled = answerCounts.values().stream().filter(c -> c.get() > 1).count();
        String inbox = get(gateway + "/api/v1/channels/messages/inbox?limit=1&channelId=" + channel);
        Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(inbox);
        System.out.printf("burst of %d updates, each posted twice (%d at a time): %d refused; all accepted in %.1f s%n",
                n, parallel, failed.get(), (accepted - start) / 1e9);
        System.out.printf("all %d answered %.1f s after the first post; answered twice: %d; messages stored: %s "
                + "(expected %d: one in, one out each)%n", n, (done - start) / 1e9, doubled,
                total.find() ? total.group(1) : "?", 2 * n);
    }

    static String update(long id, long chat) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Bench\"},\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\"hello " + id + "\"}}";
    }

    static HttpServer fakeTelegram(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/telegram/", ChannelBench::telegram);
        server.start();
        return server;
    }

    static void telegram(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer = "{\"ok\":true,\"result\":true}";
        if (path.endsWith("/getMe")) {
            answer = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}}";
        } else if (path.endsWith("/setWebhook")) {
            Matcher m = SECRET.matcher(body);
            secret = m.find() ? m.group(1) : null;
        } else if (path.endsWith("/sendMessage")) {
            long now = System.nanoTime();
            Matcher m = CHAT.matcher(body);
            if (m.find()) {
                answerCounts.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                answers.computeIfAbsent(m.group(1), k -> new CompletableFuture<>()).complete(now);
            }
            answer = "{\"ok\":true,\"result\":{\"message_id\":1}}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static String post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static double pick(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size())));
    }
}
