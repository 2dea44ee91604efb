package ownpilot.gateway.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.OutboundAddresses;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * langchain4j's transport, over the gateway's shared JDK client: the request waits at most
 * {@code headersTimeout} for the response to start, and the body is read through the
 * {@link UpstreamCall} of the model call in progress, which can abort it. langchain4j starts the
 * HTTP exchange on the thread that calls the model, so that call is handed over in a thread-local
 * ({@link #during}), and one client (and one cached model) serves every call.
 */
final class UpstreamHttpClient implements HttpClient {

    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final ThreadLocal<UpstreamCall> CURRENT = new ThreadLocal<>();

    private final java.net.http.HttpClient jdk;
    private final Duration headersTimeout;
    private final Executor readers;

    UpstreamHttpClient(java.net.http.HttpClient jdk, Duration headersTimeout, Executor readers) {
        this.jdk = jdk;
        this.headersTimeout = headersTimeout;
        this.readers = readers;
    }

    /** Runs {@code start} (which must begin the HTTP exchange on this thread) with {@code call} as its guard. */
    static void during(UpstreamCall call, Runnable start) {
        CURRENT.set(call);
        try {
            start.run();
        } finally {
            CURRENT.remove();
        }
    }

    private static UpstreamCall call() {
        UpstreamCall call = CURRENT.get();
        if (call == null) {
            throw new IllegalStateException("Provider HTTP call started outside a model call");
        }
        return call;
    }

    /** A builder that hands langchain4j this client, whatever timeouts it asks for. */
    HttpClientBuilder builder() {
        UpstreamHttpClient self = this;
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return headersTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return headersTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return self;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        UpstreamCall call = call();
        CompletableFuture<HttpResponse<InputStream>> future = jdk.sendAsync(toJdk(request),
                HttpResponse.BodyHandlers.ofInputStream());
        call.pending(future);
        try {
            HttpResponse<InputStream> response = future.join();
            try (InputStream body = call.watch(response.body())) {
                byte[] bytes = body.readAllBytes();
                if (response.statusCode() / 100 != 2) {
                    throw new HttpException(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
                }
                return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).body(new String(bytes, StandardCharsets.UTF_8)).build();
            }
        } catch (IOException | RuntimeException e) {
            throw call.abortCause() != null ? call.abortCause() : e instanceof RuntimeException r ? r
                    : new java.io.UncheckedIOException((IOException) e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        UpstreamCall call = call();
        OnceListener once = new OnceListener(listener, call);
        CompletableFuture<HttpResponse<InputStream>> future = jdk.sendAsync(toJdk(request),
                HttpResponse.BodyHandlers.ofInputStream());
        call.pending(future);
        future.whenCompleteAsync((response, error) -> {
            if (error != null) {
                once.onError(error);
                return;
            }
            if (response.statusCode() / 100 != 2) {
                once.onError(new HttpException(response.statusCode(), errorBody(response, call)));
                return;
            }
            once.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).build());
            try (InputStream body = call.watch(response.body())) {
                parser.parse(body, once);
            } catch (IOException | RuntimeException e) {
                once.onError(e);
            }
            once.onClose();
        }, readers);
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        URI uri = URI.create(request.url());
        if (OutboundAddresses.forbiddenLiteral(uri)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PROVIDER_ADDRESS_FORBIDDEN", "The provider's base URL points"
                    + " at " + uri.getHost() + ", a link-local or cloud metadata address the gateway never contacts");
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri).timeout(headersTimeout);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        return b.build();
    }

    private static String errorBody(HttpResponse<InputStream> response, UpstreamCall call) {
        try (InputStream in = call.watch(response.body())) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(error body unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Delivers exactly one ending (an error or the close) and, after an abort, always the abort's
     * cause: a closed body otherwise looks like a normal end of stream to the parser.
     */
    private static final class OnceListener implements ServerSentEventListener {

        private final ServerSentEventListener delegate;
        private final UpstreamCall call;
        private final AtomicBoolean ended = new AtomicBoolean();

        OnceListener(ServerSentEventListener delegate, UpstreamCall call) {
            this.delegate = delegate;
            this.call = call;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (call.abortCause() == null && !ended.get()) {
                delegate.onEvent(event, context);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (call.abortCause() == null && !ended.get()) {
                delegate.onEvent(event);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (ended.compareAndSet(false, true)) {
                delegate.onError(call.abortCause() != null ? call.abortCause() : throwable);
            }
        }

        @Override
        public void onClose() {
            if (call.abortCause() != null) {
                onError(call.abortCause());
            } else if (ended.compareAndSet(false, true)) {
                delegate.onClose();
            }
        }
    }
}
