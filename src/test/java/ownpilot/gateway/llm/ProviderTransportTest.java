package ownpilot.gateway.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.models.ModelEndpoint;
import ownpilot.gateway.shared.ApiException;

/**
 * The provider transport at its edge, against raw sockets: what a silent or absent provider becomes,
 * that an abort mid-stream hangs up on the provider, and that a body read to its end keeps the
 * connection for the next call.
 */
class ProviderTransportTest {

    private final LlmTransport transport = new LlmTransport(2_000, 300, 100, 1, 0);
    private final UpstreamHttpClient client = new UpstreamHttpClient(transport.http, transport.headersTimeout,
            transport.readers);
    private final ServerSocket server = listen();

    @AfterEach
    void stop() throws IOException {
        server.close();
        transport.destroy();
    }

    @Test
    void aProviderThatNeverAnswersIsATimeoutNotAGenericFailure() {
        CompletableFuture.runAsync(() -> holdOpen(accept()));

        Throwable error = catchThrowable(() -> UpstreamHttpClient.during(new UpstreamCall(60_000),
                () -> client.execute(request("/v1/models"))));

        ApiException mapped = ProviderErrors.map(error, endpoint(), "m", "sk-test");
        assertThat(mapped.status().value()).isEqualTo(504);
        assertThat(mapped.code()).isEqualTo("PROVIDER_TIMEOUT");
    }

    @Test
    void aProviderNobodyListensOnCannotBeReached() throws IOException {
        int port = server.getLocalPort();
        server.close();

        Throwable error = catchThrowable(() -> UpstreamHttpClient.during(new UpstreamCall(60_000),
                () -> client.execute(request(port, "/v1/models"))));

        ApiException mapped = ProviderErrors.map(error, endpoint(), "m", "sk-test");
        assertThat(mapped.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(mapped.getMessage()).startsWith("Cannot reach provider openai");
    }

    @Test
    void anAbortMidStreamHangsUpOnTheProviderAndReportsItsCause() throws Exception {
        CompletableFuture<Boolean> hungUp = CompletableFuture.supplyAsync(() -> {
            try (Socket s = accept()) {
                readRequest(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunk("data: first\n\n")).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return s.getInputStream().read() == -1;
            } catch (IOException e) {
                return true;
            }
        });
        UpstreamCall call = new UpstreamCall(60_000);
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        UpstreamHttpClient.during(call, () -> client.execute(request("/v1/chat/completions"),
                new DefaultServerSentEventParser(), new ServerSentEventListener() {
                    @Override
                    public void onEvent(ServerSentEvent event) {
                        events.add(event.data());
                        call.abort(ProviderErrors.cancelled());
                    }

                    @Override
                    public void onError(Throwable error) {
                        ended.complete(error);
                    }

                    @Override
                    public void onClose() {
                        ended.complete(null);
                    }
                }));

        assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cancelled");
        assertThat(events).containsExactly("first");
        assertThat(hungUp.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBodyReadToItsEndLeavesTheConnectionForTheNextCall() throws Exception {
        CompletableFuture<Integer> answered = CompletableFuture.supplyAsync(() -> {
            try (Socket s = accept()) {
                int count = 0;
                while (count < 2 && readRequest(s.getInputStream())) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    count++;
                }
                return count;
            } catch (IOException e) {
                return -1;
            }
        });

        for (int i = 0; i < 2; i++) {
            SuccessfulHttpResponse[] response = new SuccessfulHttpResponse[1];
            UpstreamHttpClient.during(new UpstreamCall(60_000),
                    () -> response[0] = client.execute(request("/v1/models")));
            assertThat(response[0].body()).isEqualTo("ok");
        }

        // both calls arrived on the one connection the fake accepted
        assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private HttpRequest request(String path) {
        return request(server.getLocalPort(), path);
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.builder().method(HttpMethod.POST).url("http://127.0.0.1:" + port + path)
                .addHeader("Content-Type", "application/json").body("{}").build();
    }

    private static ModelEndpoint endpoint() {
        return new ModelEndpoint("openai", "openai", "http://127.0.0.1/v1", "sk-test");
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** Reads one request's head and its Content-Length body; false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
        return true;
    }

    private static void holdOpen(Socket s) {
        try (s) {
            readRequest(s.getInputStream());
            s.getInputStream().read();
        } catch (IOException ignored) {
            // the client gave up: what the test waits for
        }
    }

    private Socket accept() {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
