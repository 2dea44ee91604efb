package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.llm.ModelMessage;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.LocalUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a prepared chat: stores the user's message, runs the tool loop (or the demo reply), stores the
 * answer with its trace under the conversation id the response returns, and publishes
 * {@link ChatCompleted}. A failure after the start stores what was streamed so far, marked partial.
 */
@Service
class ChatService {

    private final ChatContext context;
    private final TurnWriter turns;
    private final ToolLoop loop;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final org.springframework.core.env.Environment environment;

    ChatService(ChatContext context, TurnWriter turns, ToolLoop loop, ApplicationEventPublisher events,
            JsonMapper json, org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.context = context;
        this.turns = turns;
        this.loop = loop;
        this.events = events;
        this.json = json;
    }

    ChatReply run(Actor actor, String messageId, ChatSetup.Setup s, ChatRun.Client client, ChatSink sink,
            Cancellation cancellation) {
        String userId = actor.userId();
        ChatRequest req = s.request();
        String conversationId = s.conversation().id();
        ChatTrace trace = new ChatTrace();
        List<ModelMessage> modelContext = new ArrayList<>();
        String prompt = context.systemPrompt(userId, s.agent() == null ? null : s.agent().systemPrompt(),
                s.agent() == null ? List.of() : s.agent().config().tools());
        modelContext.add(ModelMessage.system(prompt + context.contributions(actor, req.message(), trace)));
        if (s.newConversation()) {
            modelContext.addAll(req.history());
        } else {
            modelContext.addAll(context.history(userId, conversationId));
            trace.read();
        }
        modelContext.add(ModelMessage.user(context.userMessage(userId, req.message(), req.includeToolList())));
        TurnWriter.Opening opened = turns.open(actor, s, s.newConversation() ? req.history() : List.of());
        trace.wrote();
        int maxTurns = Math.min(req.maxTurns() == null ? s.config().maxTurns() : req.maxTurns(),
                s.config().maxTurns());
        int maxToolCalls = Math.min(req.maxToolCalls() == null ? s.config().maxToolCalls() : req.maxToolCalls(),
                s.config().maxToolCalls());
        ChatRun run = new ChatRun(actor, conversationId, messageId,
                s.agent() == null ? "chat" : s.agent().id(), s.provider(), s.endpoint(), s.model(), modelContext, s.tools(),
                req.directTools(), maxTurns, maxToolCalls, s.agent() == null ? null : s.agent().config().maxTokens(),
                s.agent() == null ? null : s.agent().config().temperature(), req.stream(), client, sink, trace,
                cancellation, opened);
        try {
            ToolLoop.Outcome outcome = s.demo() ? demo(run) : loop.run(run);
            trace.response("success", outcome.text().length(), outcome.finishReason());
            save(run, outcome.text(), false, outcome.inputTokens(), outcome.outputTokens());
            publish(run, outcome.finishReason(), outcome.inputTokens(), outcome.outputTokens(), null, req.message(),
                    s.demo() ? null : outcome.text());
            return response(run, outcome, s.demo());
        } catch (ChatFailed failed) {
            trace.error(failed.error().code() + ": " + failed.getMessage());
            trace.response("error", failed.partial().length(), "error");
            save(run, failed.partial(), true, null, null);
            publish(run, "error", 0, 0, failed.getMessage(), req.message(), failed.partial());
            throw failed;
        }
    }

    private ToolLoop.Outcome demo(ChatRun run) {
        String text = DemoReply.text(run.provider(), gatewayUrl());
        run.sink().chunk(text);
        return new ToolLoop.Outcome(text, List.of(), "stop", 0, 0);
    }

    /** The address this gateway listens on, as the server bound it (not a fixed localhost:8080). */
    private String gatewayUrl() {
        return LocalUrl.of(environment.getProperty("server.address"), environment.getProperty("local.server.port",
                Integer.class, environment.getProperty("server.port", Integer.class, 8080)));
    }

    private void save(ChatRun run, String text, boolean failed, Integer in, Integer out) {
        turns.close(run, new MessageRepository.NewMessage(run.messageId(), "assistant", text, run.provider(),
                run.model(), null, null, null, json.writeValueAsString(run.trace().snapshot()), failed,
                failed && !text.isEmpty(), in, out));
    }

    private void publish(ChatRun run, String finishReason, int in, int out, String error, String message,
            String reply) {
        events.publishEvent(new ChatCompleted(run.userId(), run.conversationId(), run.messageId(), run.provider(),
                run.model(), finishReason, in, out, run.trace().toolCallCount(), run.trace().durationMs(),
                run.streamed(), error, message, reply, run.actor()));
    }

    private static ChatReply response(ChatRun run, ToolLoop.Outcome outcome, boolean demo) {
        return new ChatReply(run.messageId(), run.conversationId(), outcome.text(), outcome.text(), run.provider(),
                run.model(), outcome.toolCalls(), ChatReply.TokenUsage.of(outcome.inputTokens(), outcome.outputTokens()),
                outcome.finishReason(), demo ? Boolean.TRUE : null, run.trace().snapshot());
    }
}
