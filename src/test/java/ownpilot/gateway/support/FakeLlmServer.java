package ownpilot.gateway.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible server on loopback, on raw sockets so it can do what real providers do
 * when things go wrong: stream text, stream tool-call arguments split over many chunks, fail in the
 * middle of a stream, stall, or answer an error status. Replies are queued per test; with none queued
 * it streams {@code "ok"}. It records every request and notices when a client hangs up on it.
 *
 * <p>Run standalone for the benchmarks: {@code FakeLlmServer <port> <chunks> <chunkDelayMs>}.
 */
public final class FakeLlmServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long HOLD_LIMIT_MS = 60_000;
    private static final long FAIL_AFTER_MS = 300;

    /** What to answer to one request. */
    public sealed interface Reply {}

    /** Streams the chunks as text deltas, {@code delayMs} apart. */
    public record Text(List<String> chunks, long delayMs) implements Reply {}

    /** Streams one tool call whose JSON arguments arrive in {@code parts} pieces. */
    public record ToolCall(String id, String name, String arguments, int parts) implements Reply {}

    /** Streams the chunks, waits a moment, then drops the connection without ending the stream. */
    public record FailMidStream(List<String> chunks) implements Reply {}

    /** Streams the chunks, then sends nothing more until the client hangs up. */
    public record Stall(List<String> chunks) implements Reply {}

    /** Answers with this status and body, not a stream. */
    public record Status(int status, String body) implements Reply {}

    /** One request as received. */
    public record Recorded(String method, String path, Map<String, String> headers, JsonNode body) {}

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore hangUps = new Semaphore(0);
    private volatile Reply fallback = new Text(List.of("ok"), 0);

    public FakeLlmServer() throws IOException {
        this(0);
    }

    public FakeLlmServer(int port) throws IOException {
        socket = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int chunks = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            words.add("word" + i + " ");
        }
        try (FakeLlmServer server = new FakeLlmServer(port)) {
            server.fallback = new Text(words, delay);
            System.out.println("fake LLM listening on " + server.baseUrl());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The OpenAI-style base URL, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    public void enqueue(Reply... next) {
        replies.addAll(List.of(next));
    }

    public void reset() {
        replies.clear();
        requests.clear();
        hangUps.drainPermits();
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until a client has hung up on a stalled or held stream; false if none did in time. */
    public boolean awaitHangUp(long timeout, TimeUnit unit) throws InterruptedException {
        return hangUps.tryAcquire(timeout, unit);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Serves requests on one connection, kept alive like a real provider's, until a reply ends it. */
    private void serve(Socket client) {
        try (client) {
            // like a real provider's server: each flushed chunk goes out at once (Nagle's algorithm and
            // the client's delayed ACK would otherwise hold small writes back by up to 40 ms)
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (Recorded request = read(in); request != null; request = read(in)) {
                requests.add(request);
                Reply reply = replies.pollFirst();
                try {
                    if (!answer(reply == null ? fallback : reply, request, in, out)
                            || "close".equalsIgnoreCase(request.headers().get("connection"))) {
                        return;
                    }
                } catch (IOException e) {
                    hangUps.release();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away between requests, or the server is closing
        }
    }

    /** Answers one request; false when the connection must end with it. */
    private boolean answer(Reply reply, Recorded request, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        String model = request.body() == null ? "fake" : request.body().path("model").asString("fake");
        return switch (reply) {
            case Status s -> {
                byte[] body = s.body().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + s.status() + " Error\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                yield true;
            }
            case Text t -> {
                startStream(out);
                for (int i = 0; i < t.chunks().size(); i++) {
                    event(out, delta(model, content(t.chunks().get(i)), null));
                    if (t.delayMs() > 0 && i < t.chunks().size() - 1) {
                        Thread.sleep(t.delayMs());
                    }
                }
                finish(out, model, "stop", request);
                yield true;
            }
            case ToolCall c -> {
                startStream(out);
                ObjectNode first = JSON.createObjectNode();
                ArrayNode calls = first.putArray("tool_calls");
                ObjectNode call = calls.addObject().put("index", 0).put("id", c.id()).put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", "");
                event(out, delta(model, first, null));
                for (String part : split(c.arguments(), c.parts())) {
                    ObjectNode d = JSON.createObjectNode();
                    d.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", part);
                    event(out, delta(model, d, null));
                }
                finish(out, model, "tool_calls", request);
                yield true;
            }
            case FailMidStream f -> {
                startStream(out);
                for (String chunk : f.chunks()) {
                    event(out, delta(model, content(chunk), null));
                }
                // Let the client read what was sent: the JDK client drops bytes it has not read yet
                // when the connection fails. Then end without the terminating chunk: a broken stream.
                Thread.sleep(FAIL_AFTER_MS);
                yield false;
            }
            case Stall s -> {
                startStream(out);
                for (String chunk : s.chunks()) {
                    event(out, delta(model, content(chunk), null));
                }
                holdUntilHangUp(in);
                yield false;
            }
        };
    }

    private void holdUntilHangUp(InputStream in) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_LIMIT_MS);
        try {
            while (System.nanoTime() < end) {
                if (in.read() < 0) {
                    hangUps.release();
                    return;
                }
            }
        } catch (IOException e) {
            hangUps.release();
        }
    }

    private static Recorded read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        JsonNode json = length == 0 ? null : JSON.readTree(body);
        return new Recorded(parts[0], parts.length > 1 ? parts[1] : "", headers, json);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    private static void startStream(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void finish(OutputStream out, String model, String reason, Recorded request) throws IOException {
        event(out, delta(model, JSON.createObjectNode(), reason));
        ObjectNode usage = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("model", model);
        usage.putArray("choices");
        int prompt = request.body() == null ? 1 : request.body().toString().length() / 4;
        usage.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", 5)
                .put("total_tokens", prompt + 5);
        event(out, usage);
        chunk(out, "data: [DONE]\n\n");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static ObjectNode content(String text) {
        return JSON.createObjectNode().put("content", text);
    }

    private static ObjectNode delta(String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        chunk(out, "data: " + JSON.writeValueAsString(data) + "\n\n");
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static List<String> split(String text, int parts) {
        List<String> out = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) Math.max(1, parts)));
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }
}
