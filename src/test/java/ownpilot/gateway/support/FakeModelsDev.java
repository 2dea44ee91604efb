package ownpilot.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A stand-in for models.dev's api.json on loopback; {@link #setUp(boolean)} false answers 502. */
public final class FakeModelsDev implements AutoCloseable {

    public static final String CATALOG = """
            {"openai": {"id": "openai", "name": "OpenAI", "env": ["OPENAI_API_KEY"], "doc": "https://platform.openai.com",
              "models": {"gpt-sync-test": {"name": "GPT Sync Test", "release_date": "2031-01-01", "tool_call": true,
                "modalities": {"input": ["text"]}, "cost": {"input": 1.5, "output": 6}, "limit": {"context": 64000,
                "output": 8000}}}},
             "empty": {"id": "empty", "name": "No models", "models": {}},
             "../../pwned_by_sync": {"name": "Traversal", "models": {"x": {"name": "x"}}},
             "a/b": {"name": "Slash", "models": {"y": {"name": "y"}}}}""";

    private final HttpServer server;
    private volatile boolean up = true;

    public FakeModelsDev() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api.json", exchange -> {
            byte[] body = (up ? CATALOG : "bad gateway").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api.json";
    }

    public void setUp(boolean up) {
        this.up = up;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
