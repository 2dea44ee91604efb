package ownpilot.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads server-sent events from the gateway: whole streams, or event by event. */
public final class Sse {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Event(String name, JsonNode data) {}

    /** A whole stream: its status, content type, events in order and the number of comment lines. */
    public record Stream(int status, String contentType, List<Event> events, int comments, String rawBody) {
        public List<Event> named(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }

        public long terminalEvents() {
            return events.stream().filter(e -> e.name().equals("done") || e.name().equals("error")).count();
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            named("chunk").forEach(e -> b.append(e.data().path("delta").asString()));
            return b.toString();
        }
    }

    /** An open stream read event by event; closing it hangs up on the server. */
    public static final class Open implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader reader;

        Open(InputStream body) {
            this.body = body;
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The next event with this name, skipping others; null at the end of the stream. */
        public Event next(String name) throws IOException {
            for (Event e = next(); e != null; e = next()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            return null;
        }

        /** The next event, or null at the end of the stream. */
        public Event next() throws IOException {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        return new Event(name == null ? "message" : name, JSON.readTree(data.toString()));
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private Sse() {}

    public static Stream post(int port, String path, Object body) {
        try {
            HttpResponse<String> r = CLIENT.send(request(port, path, body), HttpResponse.BodyHandlers.ofString());
            return parse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Open open(int port, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = CLIENT.send(request(port, path, body), HttpResponse.BodyHandlers.ofInputStream());
        return new Open(r.body());
    }

    private static HttpRequest request(int port, String path, Object body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    static Stream parse(int status, String contentType, String body) {
        List<Event> events = new ArrayList<>();
        int comments = 0;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (name != null || !data.isEmpty()) {
                    events.add(new Event(name == null ? "message" : name, JSON.readTree(data.toString())));
                }
                name = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                comments++;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }
        return new Stream(status, contentType, events, comments, body);
    }
}
