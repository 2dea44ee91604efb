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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * langchain4j's transport, over the provider client of {@link LlmTransport}: the request waits at most
 * {@code headersTimeout} for the response to start, and the body is read through the
 * {@link UpstreamCall} of the model call in progress, which can abort it. langchain4j starts the
 * HTTP exchange on the thread that calls the model, so that call is handed over in a thread-local
 * ({@link #during}), and one client (and one cached model) serves every call.
 */
final class UpstreamHttpClient implements HttpClient {

    private static final ThreadLocal<UpstreamCall> CURRENT = new ThreadLocal<>();

    private final CloseableHttpClient client;
    private final Duration headersTimeout;
    private final ExecutorService readers;

    UpstreamHttpClient(CloseableHttpClient client, Duration headersTimeout, ExecutorService readers) {
        this.client = client;
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

    /** A whole answer, read on the calling thread; an abort shuts its connection down from outside. */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        UpstreamCall call = call();
        HttpUriRequestBase upstream = UpstreamRequests.of(request);
        call.pending(upstream::cancel);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, upstream, null);
            InputStream watched = call.watch(UpstreamRequests.body(response));
            if (response.getCode() / 100 != 2) {
                throw new HttpException(response.getCode(), UpstreamRequests.errorBody(watched));
            }
            String text = new String(watched.readAllBytes(), StandardCharsets.UTF_8);
            return SuccessfulHttpResponse.builder().statusCode(response.getCode())
                    .headers(UpstreamRequests.headers(response)).body(text).build();
        } catch (IOException | RuntimeException e) {
            throw call.abortCause() != null ? call.abortCause() : e instanceof RuntimeException r ? r
                    : new UncheckedIOException((IOException) e);
        } finally {
            UpstreamRequests.release(upstream, response);
        }
    }

    /**
     * A stream, read on a reader thread of its own: the exchange and the parse run there with blocking
     * I/O, so the thread the socket wakes is the one that hands the token on. An abort shuts the
     * connection down, which ends a blocked read.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        UpstreamCall call = call();
        OnceListener once = new OnceListener(listener, call);
        HttpUriRequestBase upstream = UpstreamRequests.of(request);
        call.pending(upstream::cancel);
        readers.execute(() -> stream(upstream, parser, once, call));
    }

    private void stream(HttpUriRequestBase upstream, ServerSentEventParser parser, OnceListener once,
            UpstreamCall call) {
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, upstream, null);
            InputStream watched = call.watch(UpstreamRequests.body(response));
            if (response.getCode() / 100 != 2) {
                once.onError(new HttpException(response.getCode(), UpstreamRequests.errorBody(watched)));
                return;
            }
            once.onOpen(SuccessfulHttpResponse.builder().statusCode(response.getCode())
                    .headers(UpstreamRequests.headers(response)).build());
            parser.parse(watched, once);
        } catch (IOException | RuntimeException e) {
            once.onError(e);
        } finally {
            UpstreamRequests.release(upstream, response);
        }
        once.onClose();
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
