package ownpilot.gateway.shared;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Autowired;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client for calls out of the gateway (model discovery, the models.dev sync, and from now
 * on webhooks, OAuth, fetch tools and channels): a connect timeout and a whole-call timeout, a cap on
 * the response size, no automatic redirects (a redirect would reach an address nobody checked), and
 * the {@link OutboundAddresses} policy on the address it connects to (literal addresses here, names
 * through {@link PolicyResolverProvider} at the lookup the connection uses). The LLM transport keeps its
 * own streaming client, which must abort silent streams, under the same address policy.
 */
@Component
public class OutboundHttp implements DisposableBean {

    public static final String USER_AGENT = "OwnPilot-Gateway/0.1 (+https://github.com/ownpilot)";

    /** What came back; the body is at most the cap the caller gave. */
    public record Response(int status, byte[] body) {}

    /** Why a call did not produce a response. */
    public static final class OutboundException extends Exception {

        public enum Reason { FORBIDDEN_ADDRESS, TOO_LARGE, UNREACHABLE }

        private final Reason reason;

        OutboundException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final HttpClient http;

    @Autowired
    OutboundHttp(KernelProperties settings) {
        this(settings.outbound().connectTimeoutMs());
    }

    OutboundHttp(long connectMillis) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.max(100, connectMillis)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Response get(URI uri, Map<String, String> headers, Duration timeout, long maxBytes)
            throws OutboundException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request, timeout, maxBytes);
    }

    /** Sends any request (a webhook's POST…) under the same rules. */
    public Response send(HttpRequest.Builder request, Duration timeout, long maxBytes) throws OutboundException {
        HttpRequest built = request.timeout(timeout).setHeader("User-Agent", USER_AGENT).build();
        if (OutboundAddresses.forbiddenLiteral(built.uri())) {
            throw new OutboundException(OutboundException.Reason.FORBIDDEN_ADDRESS,
                    "Refusing to contact " + built.uri().getHost() + ": a link-local or cloud metadata address");
        }
        try {
            HttpResponse<InputStream> response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new OutboundException(OutboundException.Reason.TOO_LARGE,
                            "The answer is larger than " + maxBytes + " bytes");
                }
                return new Response(response.statusCode(), bytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new OutboundException(OutboundException.Reason.UNREACHABLE,
                    built.uri().getHost() + " is not reachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundException(OutboundException.Reason.UNREACHABLE, "interrupted");
        }
    }

    @Override
    public void destroy() {
        http.shutdownNow();
    }
}
