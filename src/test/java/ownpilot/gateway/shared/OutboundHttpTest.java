package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared outbound client: no redirects followed, bounded answers, forbidden addresses never dialled. */
class OutboundHttpTest {

    private HttpServer server;
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final OutboundHttp http = new OutboundHttp(2000);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/redirect", x -> {
            x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/big", x -> {
            byte[] body = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/ok", x -> {
            userAgent.set(x.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.destroy();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void answersWithItsUserAgentAndDoesNotFollowRedirects() throws Exception {
        OutboundHttp.Response ok = http.get(uri("/ok"), Map.of(), Duration.ofSeconds(5), 1000);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(userAgent.get()).isEqualTo(OutboundHttp.USER_AGENT);
        assertThat(http.get(uri("/redirect"), Map.of(), Duration.ofSeconds(5), 1000).status()).isEqualTo(302);
    }

    @Test
    void refusesOversizedAnswersAndForbiddenAddresses() {
        assertThatThrownBy(() -> http.get(uri("/big"), Map.of(), Duration.ofSeconds(5), 1000))
                .isInstanceOfSatisfying(OutboundHttp.OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundHttp.OutboundException.Reason.TOO_LARGE));
        for (String forbidden : new String[] {"http://169.254.169.254/latest", "http://[fd00:ec2::254]/",
                "http://0xa9fea9fe/"}) {
            assertThatThrownBy(() -> http.get(URI.create(forbidden), Map.of(), Duration.ofSeconds(5), 1000))
                    .as(forbidden).isInstanceOfSatisfying(OutboundHttp.OutboundException.class, e -> assertThat(
                            e.reason()).isEqualTo(OutboundHttp.OutboundException.Reason.FORBIDDEN_ADDRESS));
        }
    }
}
