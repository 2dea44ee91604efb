package ownpilot.gateway.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Collects one streamed attempt: forwards text as it arrives and remembers whether any output came. */
final class StreamedAnswer implements StreamingChatResponseHandler {

    private final ModelStreamListener listener;
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private volatile boolean sawOutput;

    StreamedAnswer(ModelStreamListener listener) {
        this.listener = listener;
    }

    @Override
    public void onPartialResponse(String delta) {
        sawOutput = true;
        synchronized (text) {
            text.append(delta);
        }
        listener.onText(delta);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        sawOutput = true;
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        sawOutput = true;
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    ModelStreamListener listener() {
        return listener;
    }

    boolean sawOutput() {
        return sawOutput;
    }

    String textSoFar() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Waits for the end of the stream; the transport's timeouts and the watchdog bound the wait. */
    ChatResponse await() throws Throwable {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
