package ownpilot.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fake Telegram Bot API, Slack Web API and Discord REST API on one loopback server (under
 * {@code /telegram}, {@code /slack}, {@code /discord}): the identity endpoints, setWebhook and
 * deleteWebhook, getUpdates over a queue of updates (from the asked offset on, like Telegram), and the
 * send endpoints, every request recorded. Discord's application key pair is the fake's own, so tests
 * can sign interactions with it.
 */
public final class FakePlatforms implements AutoCloseable {

    public record Recorded(String method, String path, JsonNode body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(500);
    private final KeyPair discordKeys;
    private volatile int sendStatus = 200;
    private volatile String socketUrl = "ws://127.0.0.1:9/none";

    public FakePlatforms() {
        try {
            discordKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String platform) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + platform;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The recorded requests whose path ends with {@code suffix} (e.g. {@code /sendMessage}). */
    public List<Recorded> calls(String suffix) {
        return requests.stream().filter(r -> r.path().endsWith(suffix)).toList();
    }

    public void queueUpdate(String json) {
        updates.add(JSON.readTree(json));
    }

    /** Where {@code apps.connections.open} points Slack Socket Mode clients. */
    public void socketUrl(String url) {
        this.socketUrl = url;
    }

    /** Every send endpoint answers this status from now on (200: normal). */
    public void sendStatus(int status) {
        this.sendStatus = status;
    }

    public String discordPublicKey() {
        byte[] der = discordKeys.getPublic().getEncoded();
        return HexFormat.of().formatHex(java.util.Arrays.copyOfRange(der, der.length - 32, der.length));
    }

    public String signDiscord(String timestamp, String body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(discordKeys.getPrivate());
            signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        requests.add(new Recorded(exchange.getRequestMethod(), path, body));
        String method = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("/telegram/")) {
            telegram(exchange, method, body);
        } else if (path.startsWith("/slack/")) {
            JsonServer.respond(exchange, 200, switch (method) {
                case "auth.test" -> "{\"ok\":true,\"user_id\":\"UBOT\",\"user\":\"ownpilot\",\"team\":\"Home\","
                        + "\"team_id\":\"T1\",\"bot_id\":\"B1\"}";
                case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
                case "chat.postMessage" -> sendStatus == 200 ? "{\"ok\":true,\"ts\":\"1700000000." + ids.incrementAndGet() + "\"}"
                        : "{\"ok\":false,\"error\":\"channel_not_found\"}";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            });
        } else if (path.equals("/discord/users/@me")) {
            JsonServer.respond(exchange, 200, "{\"id\":\"990001\",\"username\":\"ownpilot\",\"global_name\":\"OwnPilot\"}");
        } else if (path.equals("/discord/applications/@me")) {
            JsonServer.respond(exchange, 200, "{\"id\":\"123456789\",\"verify_key\":\"" + discordPublicKey() + "\"}");
        } else if (path.startsWith("/discord/")) {
            JsonServer.respond(exchange, sendStatus, "{\"id\":\"" + ids.incrementAndGet() + "\"}");
        } else {
            JsonServer.respond(exchange, 404, "{\"message\":\"not found\"}");
        }
    }

    private void telegram(HttpExchange exchange, String method, JsonNode body) throws IOException {
        if (!exchange.getRequestURI().getPath().matches("/telegram/bot[0-9]+:[A-Za-z0-9_-]+/.*")) {
            JsonServer.respond(exchange, 404, "{\"ok\":false,\"description\":\"Not Found\"}");
            return;
        }
        switch (method) {
            case "getMe" -> JsonServer.respond(exchange, 200,
                    "{\"ok\":true,\"result\":{\"id\":4242,\"is_bot\":true,\"first_name\":\"OwnPilot\",\"username\":\"ownpilot_bot\"}}");
            case "setWebhook", "deleteWebhook" -> JsonServer.respond(exchange, 200, "{\"ok\":true,\"result\":true}");
            case "sendMessage" -> JsonServer.respond(exchange, sendStatus, sendStatus == 200
                    ? "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + "}}"
                    : "{\"ok\":false,\"description\":\"Bad Request: chat not found\"}");
            case "getUpdates" -> JsonServer.respond(exchange, 200, "{\"ok\":true,\"result\":"
                    + JSON.writeValueAsString(pending(body.path("offset").asLong(0))) + "}");
            default -> JsonServer.respond(exchange, 404, "{\"ok\":false,\"description\":\"Not Found\"}");
        }
    }

    /** Like Telegram: the updates from the offset on, waiting a moment when there are none. */
    private List<JsonNode> pending(long offset) {
        for (int i = 0; i < 10; i++) {
            List<JsonNode> out = new ArrayList<>();
            updates.stream().filter(u -> u.path("update_id").asLong() >= offset).limit(100).forEach(out::add);
            if (!out.isEmpty()) {
                return out;
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
