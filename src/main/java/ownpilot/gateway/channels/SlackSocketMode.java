package ownpilot.gateway.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.OutboundAddresses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack Socket Mode, for a gateway Slack cannot reach: each round opens a WebSocket at the address
 * {@code apps.connections.open} gives, acknowledges every envelope at once (Slack redelivers what is
 * not acknowledged, and the store keeps a redelivery from counting twice) and hands its Events API
 * payload to the same parsing and storing as the webhook. A round ends when Slack asks to reconnect,
 * the socket closes, or another replica took the lease. The WebSocket is the JDK's: the kernel's
 * outbound client has none; the address policy is checked on the URL and applies at the lookup.
 */
@Component
class SlackSocketMode extends BackgroundReceiver implements DisposableBean {

    static final long MAX_MESSAGE_CHARS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final ChannelSecrets secrets;
    private final SlackPlatform slack;
    private final ChannelInbound inbound;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SlackSocketMode(ChannelRepository channels, ChannelSecrets secrets, SlackPlatform slack, ChannelInbound inbound,
            JsonMapper json) {
        super(channels);
        this.secrets = secrets;
        this.slack = slack;
        this.inbound = inbound;
        this.json = json;
    }

    @Override
    boolean handles(Channel channel) {
        return channel.type().equals("slack") && channel.mode().equals("socket");
    }

    @Override
    void receive(Channel channel, Lease lease) throws PlatformException, InterruptedException {
        URI url = slack.socketUrl(secrets.open(channel));
        if (OutboundAddresses.forbiddenLiteral(url)) {
            throw new PlatformException(PlatformException.Kind.REFUSED, "Refusing Slack's socket address " + url.getHost());
        }
        Session session = new Session(channel);
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url, session)
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PlatformException(PlatformException.Kind.UNREACHABLE, "Slack's socket did not open");
        }
        try {
            while (!session.ended.isDone()) {
                try {
                    session.ended.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException renewNow) {
                    if (!lease.renew()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    throw new PlatformException(PlatformException.Kind.UNREACHABLE, "Slack's socket failed");
                }
            }
        } finally {
            socket.abort();
        }
    }

    /** One WebSocket session: collects text frames into messages and ends the round on disconnect or close. */
    private final class Session implements WebSocket.Listener {

        final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final Channel channel;
        private final StringBuilder text = new StringBuilder();

        Session(Channel channel) {
            this.channel = channel;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (text.length() + data.length() > MAX_MESSAGE_CHARS) {
                ended.complete(null);
                return null;
            }
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handle(socket, message);
            }
            socket.request(1);
            return null;
        }

        private void handle(WebSocket socket, String message) {
            JsonNode envelope;
            try {
                envelope = json.readTree(message);
            } catch (RuntimeException notJson) {
                return;
            }
            if (envelope.path("envelope_id").isString()) {
                socket.sendText(json.createObjectNode().put("envelope_id", envelope.path("envelope_id").asString())
                        .toString(), true);
            }
            switch (envelope.path("type").asString()) {
                case "hello" -> channels.status(channel.id(), "connected", null);
                case "disconnect" -> ended.complete(null);
                case "events_api" -> {
                    try {
                        slack.parse(channel, envelope.path("payload")).messages().forEach(m -> inbound.accept(channel, m));
                    } catch (RuntimeException e) {
                        log.warn("A Socket Mode event of channel {} was not stored: {}", channel.id(), e.toString());
                    }
                }
                default -> { }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            ended.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.completeExceptionally(error);
        }
    }

    @Override
    public void destroy() {
        http.shutdownNow();
    }
}
