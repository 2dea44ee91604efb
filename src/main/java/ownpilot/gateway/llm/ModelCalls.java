package ownpilot.gateway.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ownpilot.gateway.costs.BudgetGuard;
import ownpilot.gateway.costs.Usage;
import ownpilot.gateway.costs.UsageRecorder;
import ownpilot.gateway.models.ModelEndpoint;
import ownpilot.gateway.models.ModelEndpoints;
import ownpilot.gateway.shared.ApiException;

/**
 * Calls a model for any module. Every call is checked against the budget before the provider is
 * reached, streamed (so stalls are seen and cancellation closes the connection), retried with
 * backoff on 429/5xx/network failures while nothing has been streamed yet, and recorded with its
 * tokens, cost, latency and outcome, successful or not.
 */
@Service
public class ModelCalls {

    private final MeterRegistry meters;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModelCalls.class);

    /** Output tokens assumed for the budget check when a request sets no maximum. */
    private static final int ESTIMATED_OUTPUT_TOKENS = 1000;

    private final ModelEndpoints endpoints;
    private final BudgetGuard budget;
    private final UsageRecorder usage;
    private final LlmTransport transport;
    private final StallWatchdog watchdog;
    private final ModelCache models;
    private final ApplicationEventPublisher events;

    ModelCalls(ModelEndpoints endpoints, BudgetGuard budget, UsageRecorder usage, LlmTransport transport,
            StallWatchdog watchdog, ModelCache models, ApplicationEventPublisher events, MeterRegistry meters) {
        this.meters = meters;
        this.models = models;
        this.endpoints = endpoints;
        this.budget = budget;
        this.usage = usage;
        this.transport = transport;
        this.watchdog = watchdog;
        this.events = events;
    }

    /**
     * The endpoint a call to {@code provider} uses; fails as the call would if it is not usable
     * ({@code PROVIDER_NOT_FOUND}, {@code PROVIDER_NOT_CONFIGURED}).
     */
    public ModelEndpoint endpoint(String userId, String provider) {
        return endpoints.resolve(userId, provider);
    }

    public ModelResponse call(ModelRequest request, ModelStreamListener listener, Cancellation cancellation) {
        return call(request, endpoints.resolve(request.userId(), request.provider()), listener, cancellation);
    }

    /** A call to an endpoint resolved earlier with {@link #endpoint}, e.g. once for all turns of a chat. */
    public ModelResponse call(ModelRequest request, ModelEndpoint endpoint, ModelStreamListener listener,
            Cancellation cancellation) {
        int expectedOutput = request.maxTokens() == null ? ESTIMATED_OUTPUT_TOKENS
                : Math.min(request.maxTokens(), ESTIMATED_OUTPUT_TOKENS);
        budget.check(request.userId(), request.provider(), request.model(), request::estimatedInputTokens,
                expectedOutput);
        long started = System.nanoTime();
        List<Map<String, Object>> retries = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            StreamedAnswer answer = new StreamedAnswer(listener);
            ChatResponse response;
            try {
                response = attempt(endpoint, request, answer, cancellation);
            } catch (Throwable error) {
                ApiException mapped = ProviderErrors.map(error, endpoint, request.model(), endpoint.apiKey());
                boolean again = !answer.sawOutput() && !cancellation.isCancelled()
                        && attempt < transport.maxAttempts && ProviderErrors.retryable(error);
                if (again) {
                    long delay = transport.backoff(attempt);
                    log.warn("Model call to {}/{} failed (attempt {} of {}, {}), retrying in {} ms: {}",
                            request.provider(), request.model(), attempt, transport.maxAttempts,
                            mapped.status().value(), delay, mapped.getMessage());
                    retries.add(Map.of("attempt", attempt, "error", mapped.getMessage(), "delayMs", delay));
                    listener.onRetry(attempt, mapped.getMessage(), delay);
                    if (sleep(delay, cancellation)) {
                        continue;
                    }
                }
                ApiException failure = cancellation.isCancelled() ? ProviderErrors.cancelled() : mapped;
                if (!cancellation.isCancelled()) {
                    log.warn("Model call to {}/{} failed after {} attempt(s) ({} {}): {}", request.provider(),
                            request.model(), attempt, failure.status().value(), failure.code(), failure.getMessage());
                }
                failed(request, endpoint, answer.textSoFar(), started, retries, failure);
                throw failure;
            }
            // outside the try: a failure while recording a finished answer (the database) is not the
            // provider's, and must not call the provider again
            return finished(request, endpoint, response, started, attempt, retries);
        }
    }

    private ChatResponse attempt(ModelEndpoint endpoint, ModelRequest request, StreamedAnswer answer,
            Cancellation cancellation) throws Throwable {
        UpstreamCall call = new UpstreamCall(transport.stallMillis);
        Runnable unwatch = watchdog.watch(call, () -> ProviderErrors.stalled(endpoint.providerId(),
                transport.stallMillis));
        Runnable uncancel = cancellation.onCancel(() -> call.abort(ProviderErrors.cancelled()));
        try {
            StreamingChatModel model = models.get(endpoint, request);
            UpstreamHttpClient.during(call, () -> model.chat(LangchainModels.chatRequest(request), answer));
            answer.listener().onRequestSent();
            return answer.await();
        } finally {
            uncancel.run();
            unwatch.run();
        }
    }

    private ModelResponse finished(ModelRequest request, ModelEndpoint endpoint, ChatResponse response,
            long started, int attempts, List<Map<String, Object>> retries) {
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        List<ModelToolCall> toolCalls = response.aiMessage().hasToolExecutionRequests()
                ? response.aiMessage().toolExecutionRequests().stream()
                        .map(r -> new ModelToolCall(r.id(), r.name(), r.arguments())).toList()
                : List.of();
        String text = response.aiMessage().text() == null ? "" : response.aiMessage().text();
        var tokens = response.tokenUsage();
        int in = tokens != null && tokens.inputTokenCount() != null ? tokens.inputTokenCount()
                : request.estimatedInputTokens();
        int out = tokens != null && tokens.outputTokenCount() != null ? tokens.outputTokenCount()
                : text.length() / 4 + 1;
        String finish = finishReason(response, toolCalls);
        double cost = usage.record(new Usage(request.actor(), request.provider(), request.model(),
                request.conversationId(), request.requestType(), in, out, durationMs, null));
        measure(request, "success", durationMs, in, out, cost);
        events.publishEvent(CallSummaries.finished(request, endpoint, text, toolCalls, finish, in, out, durationMs,
                retries, null));
        return new ModelResponse(request.provider(), request.model(), text, toolCalls, finish, in, out, durationMs,
                attempts, cost);
    }

    private void failed(ModelRequest request, ModelEndpoint endpoint, String partial, long started,
            List<Map<String, Object>> retries, ApiException failure) {
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        usage.record(new Usage(request.actor(), request.provider(), request.model(), request.conversationId(),
                request.requestType(), 0, 0, durationMs, failure.code() + ": " + failure.getMessage()));
        measure(request, failure.code(), durationMs, 0, 0, 0);
        events.publishEvent(CallSummaries.finished(request, endpoint, partial, List.of(), "error", 0, 0, durationMs,
                retries, failure.getMessage()));
    }

    /** {@code ownpilot.model.calls} (latency by provider, model, outcome), tokens and cost in USD. */
    private void measure(ModelRequest request, String outcome, long durationMs, int in, int out, double cost) {
        Tags tags = Tags.of("provider", request.provider(), "model", request.model());
        meters.timer("ownpilot.model.calls", tags.and("outcome", outcome))
                .record(java.time.Duration.ofMillis(durationMs));
        meters.counter("ownpilot.model.tokens", tags.and("direction", "input")).increment(in);
        meters.counter("ownpilot.model.tokens", tags.and("direction", "output")).increment(out);
        meters.counter("ownpilot.model.cost.usd", tags).increment(cost);
    }

    private static String finishReason(ChatResponse response, List<ModelToolCall> toolCalls) {
        if (response.finishReason() == null) {
            return toolCalls.isEmpty() ? "stop" : "tool_calls";
        }
        return switch (response.finishReason()) {
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> toolCalls.isEmpty() ? "stop" : "tool_calls";
        };
    }

    /** Waits before a retry; false when the caller cancelled meanwhile. */
    private static boolean sleep(long millis, Cancellation cancellation) {
        long end = System.nanoTime() + millis * 1_000_000;
        try {
            while (!cancellation.isCancelled() && System.nanoTime() < end) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !cancellation.isCancelled();
    }
}
