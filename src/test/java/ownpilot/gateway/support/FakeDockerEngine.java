package ownpilot.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Docker Engine API on loopback: answers {@code /version}, {@code /info},
 * {@code /images/json} and {@code /images/create} (pull) like dockerd does, and can be switched to
 * failing so tests see the "no engine" path.
 */
public final class FakeDockerEngine implements AutoCloseable {

    private final HttpServer server;
    private volatile boolean up = true;
    public final List<String> pulled = new CopyOnWriteArrayList<>();

    public FakeDockerEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    public void setUp(boolean up) {
        this.up = up;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
        if (!up) {
            respond(exchange, 500, "{\"message\":\"engine down\"}");
            return;
        }
        switch (path) {
            case "/_ping" -> respond(exchange, 200, "OK");
            case "/version" -> respond(exchange, 200,
                    "{\"Version\":\"24.0.0\",\"ApiVersion\":\"1.43\",\"Os\":\"linux\",\"Arch\":\"amd64\"}");
            case "/info" -> respond(exchange, 200,
                    "{\"ID\":\"fake\",\"SecurityOptions\":[\"name=seccomp,profile=builtin\"]}");
            case "/images/json" -> respond(exchange, 200,
                    "[{\"Id\":\"sha256:1\",\"RepoTags\":[\"alpine:latest\"],\"Created\":1,\"Size\":1}]");
            case "/images/create" -> {
                pulled.add(exchange.getRequestURI().getQuery());
                respond(exchange, 200, "{\"status\":\"Pulling\"}\n{\"status\":\"Download complete\"}\n");
            }
            default -> respond(exchange, 404, "{\"message\":\"page not found\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
