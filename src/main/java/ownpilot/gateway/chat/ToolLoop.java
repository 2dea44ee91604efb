package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.autonomy.AutonomyConfigService;
import ownpilot.gateway.llm.ModelCalls;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.llm.ModelRequest;
import ownpilot.gateway.llm.ModelResponse;
import ownpilot.gateway.llm.ModelStreamListener;
import ownpilot.gateway.llm.ModelToolCall;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model ↔ tools loop of one chat run: call the model; while it asks for tools, run them and call
 * it again with the results. Bounded per request by {@code maxTurns} and {@code maxToolCalls}; a run
 * that reaches a bound ends with one more call without tools, asking the model to summarise. A
 * background turn (a trigger, plan or channel acting alone) also stops, before running more tools,
 * once its model calls cost more than the user's autonomy {@code maxCostPerAction}.
 */
@Component
class ToolLoop {

    static final String LIMIT_NOTE = "[The tool-use limit for this request has been reached (%s). Do not call "
            + "tools. Summarise for the user what you did, what you found, and what is left to do.]";

    /** The final answer: its text, the tool calls run on the way, and tokens summed over all calls. */
    record Outcome(String text, List<ChatReply.ExecutedCall> toolCalls, String finishReason, int inputTokens,
            int outputTokens) {}

    private final ModelCalls calls;
    private final ToolCallRunner runner;
    private final MessageRepository messages;
    private final RequestLogWriter logs;
    private final JsonMapper json;
    private final AutonomyConfigService autonomy;

    ToolLoop(ModelCalls calls, ToolCallRunner runner, MessageRepository messages, RequestLogWriter logs,
            JsonMapper json, AutonomyConfigService autonomy) {
        this.autonomy = autonomy;
        this.calls = calls;
        this.runner = runner;
        this.messages = messages;
        this.logs = logs;
        this.json = json;
    }

    Outcome run(ChatRun run) {
        List<ModelMessage> context = new ArrayList<>(run.context());
        List<ChatReply.ExecutedCall> executed = new ArrayList<>();
        int in = 0;
        int out = 0;
        double cost = 0;
        double costCap = run.actor().type() == Actor.Type.user ? 0
                : autonomy.current(run.userId()).maxCostPerAction();
        for (int turn = 1; ; turn++) {
            ModelResponse r = call(run, context, turn, false);
            in += r.inputTokens();
            out += r.outputTokens();
            cost += r.cost();
            if (r.toolCalls().isEmpty()) {
                return new Outcome(r.text(), executed, r.finishReason(), in, out);
            }
            if (costCap > 0 && cost > costCap) {
                String note = "Stopped: this action's model calls cost $"
                        + String.format(java.util.Locale.ROOT, "%.4f", cost)
                        + ", more than the autonomy limit of $" + costCap + " per action.";
                run.trace().error("Limit reached: maximum cost per action");
                return new Outcome(r.text().isBlank() ? note : r.text() + "\n\n" + note, executed, "cost_limit",
                        in, out);
            }
            String limit = turn >= run.maxTurns() ? "maximum of " + run.maxTurns() + " turns"
                    : executed.size() + r.toolCalls().size() > run.maxToolCalls()
                            ? "maximum of " + run.maxToolCalls() + " tool calls" : null;
            if (limit != null) {
                run.trace().error("Limit reached: " + limit);
                if (!r.text().isBlank()) {
                    context.add(ModelMessage.assistant(r.text(), List.of()));
                }
                context.add(ModelMessage.user(LIMIT_NOTE.formatted(limit)));
                ModelResponse last = call(run, context, turn + 1, true);
                return new Outcome(last.text(), executed, last.finishReason(), in + last.inputTokens(),
                        out + last.outputTokens());
            }
            context.add(ModelMessage.assistant(r.text(), r.toolCalls()));
            save(run, new MessageRepository.NewMessage(ownpilot.gateway.shared.Ids.uuid(), "assistant", r.text(),
                    r.provider(), r.model(), json.writeValueAsString(r.toolCalls()), null, null, null, false, false,
                    r.inputTokens(), r.outputTokens()));
            run.sink().progress(ChatEvents.Status.of("Executing " + r.toolCalls().size() + " tool(s)",
                    ChatEvents.StatusDetail.executing(r.toolCalls().stream().map(ModelToolCall::name).toList())));
            for (ModelToolCall call : r.toolCalls()) {
                ToolCallRunner.Outcome result = runner.run(run, call);
                context.add(ModelMessage.tool(call.id(), call.name(), result.content()));
                save(run, new MessageRepository.NewMessage(ownpilot.gateway.shared.Ids.uuid(), "tool",
                        result.content(), null, null, null, call.id(), call.name(), null, result.isError(), false,
                        null, null));
                executed.add(new ChatReply.ExecutedCall(call.id(), call.name(), parsedOrText(call.arguments())));
                if (run.cancellation().isCancelled()) {
                    throw new ChatFailed(new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                            "REQUEST_CANCELLED", "The client went away"), "");
                }
            }
        }
    }

    private ModelResponse call(ChatRun run, List<ModelMessage> context, int turn, boolean withoutTools) {
        ModelRequest request = new ModelRequest(run.actor(), run.provider(), run.model(), context,
                withoutTools ? List.of() : run.tools(), run.maxTokens(), run.temperature(), "chat",
                run.conversationId());
        run.trace().request(run.provider(), run.model(), "/api/v1/chat", context.size(),
                request.tools().stream().map(ownpilot.gateway.llm.ModelTool::name).toList());
        ChatEvents.Status calling = ChatEvents.Status.of("Calling " + run.model() + "...",
                ChatEvents.StatusDetail.calling(run.model(), turn, context.size()));
        StringBuilder partial = new StringBuilder();
        long started = System.nanoTime();
        try {
            ModelResponse response = calls.call(request, run.endpoint(), new ModelStreamListener() {
                @Override
                public void onText(String delta) {
                    partial.append(delta);
                    run.sink().chunk(delta);
                }

                @Override
                public void onRequestSent() {
                    // the client hears that the model is being called before the turn's first writes
                    run.sink().progress(calling);
                    run.opened().start();
                }

                @Override
                public void onRetry(int attempt, String error, long delayMs) {
                    run.trace().retry(attempt, error, delayMs);
                    run.sink().progress(ChatEvents.Status.of("Retrying after: " + error,
                            ChatEvents.StatusDetail.retrying(attempt, delayMs)));
                }
            }, run.cancellation());
            logs.answered(run, request, response);
            run.trace().model(response);
            return response;
        } catch (ApiException e) {
            logs.failed(run, request, e, (System.nanoTime() - started) / 1_000_000);
            throw new ChatFailed(e, partial.toString());
        }
    }

    private void save(ChatRun run, MessageRepository.NewMessage message) {
        run.awaitOpened();
        messages.insert(run.actor(), run.conversationId(), message);
        run.trace().wrote();
    }

    private Object parsedOrText(String arguments) {
        try {
            return json.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (tools.jackson.core.JacksonException e) {
            return arguments;
        }
    }

}
