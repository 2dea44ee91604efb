package ownpilot.gateway.llm;

import dev.langchain4j.http.client.HttpRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.springframework.http.HttpStatus;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.OutboundAddresses;

/** langchain4j's requests as Apache HttpClient requests, and what is read back from the responses. */
final class UpstreamRequests {

    private static final int MAX_ERROR_BODY = 16 * 1024;
    /** Framing headers the client sets itself from the body; a copy from the caller would be a second one. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "host", "connection");

    private UpstreamRequests() {}

    static HttpUriRequestBase of(HttpRequest request) {
        URI uri = URI.create(request.url());
        if (OutboundAddresses.forbiddenLiteral(uri)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PROVIDER_ADDRESS_FORBIDDEN", "The provider's base URL points"
                    + " at " + uri.getHost() + ", a link-local or cloud metadata address the gateway never contacts");
        }
        HttpUriRequestBase upstream = new HttpUriRequestBase(request.method().name(), uri);
        request.headers().forEach((name, values) -> {
            if (values != null && !FRAMING.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> upstream.addHeader(name, v));
            }
        });
        if (request.body() != null) {
            upstream.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        return upstream;
    }

    /**
     * The response body, whose {@code close} leaves the connection to {@link #release}: a parser closes
     * what it reads, and closing the client's stream before its end would wait for the rest of it.
     */
    private static final class Body extends FilterInputStream {

        private Body(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // see release
        }
    }

    /** The body of {@code response} (an empty one when it has none: a 204, a HEAD). */
    static InputStream body(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        return new Body(entity == null ? InputStream.nullInputStream() : entity.getContent());
    }

    static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            out.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return out;
    }

    /** The start of an error answer, for the message: never the whole of an unbounded body. */
    static String errorBody(InputStream body) {
        try {
            return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Ends an exchange. A body read to its end has already given the connection back for the next call
     * (cancelling then changes nothing); any other end (an error answer, a failure, an abort) shuts the
     * connection down first, so closing never waits for the rest of a body still being sent.
     */
    static void release(HttpUriRequestBase upstream, ClassicHttpResponse response) {
        upstream.cancel();
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone either way; nothing the caller could do with the failure
            }
        }
    }
}
