package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

/**
 * A background caller (as a trigger would) runs a chat turn through the public service, without an
 * HTTP request: the same tool loop, gate, usage and storage, all recorded under its actor.
 */
class BackgroundChatApiTest extends ChatTestBase {

    @Autowired
    ChatTurns turns;

    @Autowired
    ownpilot.gateway.models.ModelCatalog catalog;

    @Test
    void aTriggerRunsATurnAndEveryRecordShowsItsActorAndCorrelation() {
        String correlation = "trigger-run-" + UUID.randomUUID();
        Actor trigger = new Actor("default", Actor.Type.trigger, "trigger_morning_brief", correlation);
        LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool",
                        "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"6*7\"}}", 3),
                new FakeLlmServer.Text(List.of("Good morning. ", "It is 42."), 0));
        List<String> chunks = new ArrayList<>();
        ChatSink collector = new ChatSink() {
            @Override
            public void chunk(String delta) {
                chunks.add(delta);
            }

            @Override
            public void progress(ChatEvents.Progress event) {}

            @Override
            public void autonomy(ChatEvents.Autonomy event) {}
        };

        ChatReply reply = turns.run(trigger, new ChatTurns.Turn("Morning brief: what is 6*7?", null, "openai", MODEL,
                null), collector);

        assertThat(reply.message()).isEqualTo("Good morning. It is 42.");
        assertThat(String.join("", chunks)).isEqualTo("Good morning. It is 42.");
        assertThat(jdbc.sql("SELECT DISTINCT actor_type || ':' || actor_id FROM usage_records WHERE correlation_id = :c")
                .param("c", correlation).query(String.class).list())
                .containsExactly("trigger:trigger_morning_brief");
        assertThat(jdbc.sql("SELECT count(*) FROM usage_records WHERE correlation_id = :c").param("c", correlation)
                .query(Long.class).single()).as("both model calls").isEqualTo(2);

        JsonNode messages = api.get("/api/v1/chat/history/" + reply.conversationId()).data().path("messages");
        assertThat(messages.valueStream().map(m -> m.path("actorType").asString() + ":"
                + m.path("correlationId").asString()).distinct().toList())
                .containsExactly("trigger:" + correlation);

        awaitListeners();
        JsonNode audit = api.get("/api/v1/audit?correlationId=" + correlation).data().path("events");
        assertThat(audit.valueStream().map(e -> e.path("type").asString() + ":"
                + e.path("resource").path("id").asString()).toList())
                .containsExactly("tool.success:calculate");
        assertThat(audit.valueStream().map(e -> e.path("actor").path("type").asString() + ":"
                + e.path("actor").path("id").asString()).distinct().toList())
                .containsExactly("trigger:trigger_morning_brief");
    }

    @Test
    void aBackgroundTurnThatNeedsApprovalIsParkedUnderItsActor() {
        api.patch("/api/v1/autonomy/config", Map.of("level", 0));
        try {
            String taskId = api.post("/api/v1/tasks", Map.of("title", "Stale " + UUID.randomUUID())).data()
                    .path("id").asString();
            String correlation = "plan-step-" + UUID.randomUUID();
            Actor plan = new Actor("default", Actor.Type.plan, "plan_cleanup", correlation);
            LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool", "{\"tool_name\":\"delete_task\","
                    + "\"arguments\":{\"taskId\":\"" + taskId + "\"}}", 2),
                    new FakeLlmServer.Text(List.of("Waiting for your approval."), 0));

            turns.run(plan, new ChatTurns.Turn("Clean up stale tasks", null, "openai", MODEL, null), ChatSink.NONE);

            JsonNode pending = api.get("/api/v1/autonomy/pending").data().path("pending").valueStream()
                    .filter(p -> correlation.equals(p.path("correlationId").asString())).findFirst().orElseThrow();
            assertThat(pending.path("tool").asString()).isEqualTo("delete_task");
            assertThat(pending.path("actorType").asString()).isEqualTo("plan");
            assertThat(pending.path("actorId").asString()).isEqualTo("plan_cleanup");
            assertThat(api.get("/api/v1/tasks/" + taskId).status()).as("not run without approval").isEqualTo(200);
        } finally {
            api.post("/api/v1/autonomy/config/reset", "");
        }
    }

    @Test
    void aBackgroundTurnStopsWhenItCostsMoreThanTheAutonomyLimitPerAction() {
        String priced = catalog.models("openai").stream().filter(m -> m.inputPrice() > 0).findFirst().orElseThrow()
                .id();
        api.patch("/api/v1/autonomy/config", Map.of("maxCostPerAction", 0.0000001, "level", 3));
        try {
            LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool",
                    "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"6*7\"}}", 1),
                    new FakeLlmServer.Text(List.of("never asked"), 0));
            Actor trigger = new Actor("default", Actor.Type.trigger, "trigger_costly", "costly-" + UUID.randomUUID());
            ChatReply reply = turns.run(trigger, new ChatTurns.Turn("Compute", null, "openai", priced, null),
                    ChatSink.NONE);
            assertThat(reply.finishReason()).isEqualTo("cost_limit");
            assertThat(reply.message()).contains("more than the autonomy limit");
            assertThat(LLM.requests()).as("no second model call, no tool run").hasSize(1);

            LLM.reset();
            LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool",
                    "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"6*7\"}}", 1),
                    new FakeLlmServer.Text(List.of("42"), 0));
            JsonNode byUser = api.post("/api/v1/chat", Map.of("message", "Compute", "provider", "openai", "model",
                    priced, "newConversation", true)).data();
            assertThat(byUser.path("message").asString()).as("the user's own chat has no such limit").isEqualTo("42");
        } finally {
            api.post("/api/v1/autonomy/config/reset", "");
        }
    }
}
