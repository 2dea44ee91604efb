package ownpilot.gateway.channels;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.OutboundHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the platforms through the kernel's outbound client (its timeouts, size cap and address
 * policy). The platforms' SDKs would each bring an HTTP client of their own past those rules, for the
 * five or so calls per platform a channel makes. An error names the platform's description, never
 * the URL: Telegram's carries the bot token.
 */
@Component
class PlatformCalls {

    static final long MAX_RESPONSE = 4L * 1024 * 1024;

    private final OutboundHttp http;
    private final JsonMapper json;
    private final Duration timeout;

    PlatformCalls(OutboundHttp http, JsonMapper json, ChannelsProperties settings) {
        this.http = http;
        this.json = json;
        this.timeout = Duration.ofMillis(Math.max(500, settings.callTimeoutMs()));
    }

    JsonNode call(String method, URI uri, Map<String, String> headers, Object body) throws PlatformException {
        return call(method, uri, headers, body, timeout);
    }

    JsonNode call(String method, URI uri, Map<String, String> headers, Object body, Duration wait)
            throws PlatformException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, publisher)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        headers.forEach(request::header);
        OutboundHttp.Response response;
        try {
            response = http.send(request, wait, MAX_RESPONSE);
        } catch (OutboundHttp.OutboundException e) {
            throw new PlatformException(PlatformException.Kind.UNREACHABLE, e.getMessage());
        }
        JsonNode answer = parse(response.body());
        if (response.status() / 100 != 2) {
            PlatformException.Kind kind = response.status() == 401 || response.status() == 403
                    ? PlatformException.Kind.UNAUTHORIZED : PlatformException.Kind.REFUSED;
            throw new PlatformException(kind, "HTTP " + response.status() + ": " + description(answer));
        }
        return answer;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    /** The platform's own words: Telegram's {@code description}, Discord's {@code message}, Slack's {@code error}. */
    static String description(JsonNode answer) {
        for (String field : new String[] {"description", "message", "error"}) {
            if (answer.path(field).isString()) {
                String text = answer.path(field).asString();
                return text.length() > 300 ? text.substring(0, 300) + "…" : text;
            }
        }
        return "no description";
    }
}
