package ownpilot.gateway.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat run's SSE stream: {@code chunk}, {@code progress} and {@code autonomy} events, then exactly
 * one terminal event, {@code done} or {@code error}. A failed write means the client left: the run is
 * cancelled, which closes the provider connection. Frames are written straight to the response of the
 * request's (virtual) thread, with no async dispatch between the model's token and the client.
 */
final class SseChatSink implements ChatSink {

    /** The start of every chunk frame, serialized once per stream. */
    private record ChunkIds(String id, String conversationId) {}

    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final String CHUNK_SUFFIX = ",\"toolCalls\":null,\"done\":false,\"finishReason\":null,\"usage\":null}"
            + "\n\n";

    private final OutputStream out;
    private final String messageId;
    private final String conversationId;
    private final JsonMapper json;
    private final Cancellation cancellation;
    private final String chunkPrefix;
    private boolean ended;
    private volatile long lastSent = System.nanoTime();

    SseChatSink(OutputStream out, String messageId, String conversationId, JsonMapper json,
            Cancellation cancellation) {
        this.out = out;
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.json = json;
        this.cancellation = cancellation;
        String fixed = json.writeValueAsString(new ChunkIds(messageId, conversationId));
        this.chunkPrefix = "event: chunk\ndata: " + fixed.substring(0, fixed.length() - 1) + ",\"delta\":";
    }

    /**
     * Chunks are the hot path (one per token), so their fixed JSON is built once per stream and only
     * the delta is escaped per chunk.
     */
    @Override
    public void chunk(String delta) {
        StringBuilder frame = new StringBuilder(chunkPrefix.length() + delta.length() + CHUNK_SUFFIX.length() + 8)
                .append(chunkPrefix).append('"');
        JsonStringEncoder.getInstance().quoteAsString(delta, frame);
        write(frame.append('"').append(CHUNK_SUFFIX).toString(), false);
    }

    @Override
    public void progress(ChatEvents.Progress event) {
        send("progress", event, false);
    }

    @Override
    public void autonomy(ChatEvents.Autonomy event) {
        send("autonomy", event, false);
    }

    void done(ChatReply reply) {
        send("done", new ChatEvents.Done(messageId, conversationId, "", true, reply.message(), reply.provider(),
                reply.model(), reply.toolCalls(), reply.finishReason(), reply.usage(), reply.demoMode(),
                reply.trace()), true);
    }

    void error(ApiException error) {
        send("error", new ChatEvents.Failure(error.getMessage(), error.code(), error.status().value(), conversationId),
                true);
    }

    /** A comment line, so proxies and clients see the stream alive while the model is silent. */
    synchronized void heartbeatIfIdle(long idleNanos) {
        if (ended || System.nanoTime() - lastSent < idleNanos) {
            return;
        }
        try {
            out.write(HEARTBEAT);
            out.flush();
            lastSent = System.nanoTime();
        } catch (IOException | IllegalStateException e) {
            clientGone();
        }
    }

    /** True once the terminal event is written or the client has gone. */
    synchronized boolean ended() {
        return ended;
    }

    /** Called when the connection ends before the terminal event: cancels the run. */
    synchronized void clientGone() {
        if (!ended) {
            ended = true;
            cancellation.cancel();
        }
    }

    private void send(String event, Object data, boolean terminal) {
        write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n", terminal);
    }

    private synchronized void write(String frame, boolean terminal) {
        if (ended) {
            return;
        }
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastSent = System.nanoTime();
            ended = terminal;
        } catch (IOException | IllegalStateException e) {
            clientGone();
        }
    }
}
