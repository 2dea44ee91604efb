package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.Sse;
import tools.jackson.databind.JsonNode;

class ChatStreamingApiTest extends ChatTestBase {

    private Map<String, Object> streamed(String message) {
        Map<String, Object> body = new HashMap<>(ask(message));
        body.put("stream", true);
        return body;
    }

    @Test
    void streamsChunksThenExactlyOneDoneAndStoresTheAnswer() {
        LLM.enqueue(new FakeLlmServer.Text(List.of("One ", "two ", "three"), 0));

        Sse.Stream s = Sse.post(port, "/api/v1/chat", streamed("Count"));

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.contentType()).startsWith("text/event-stream");
        assertThat(s.named("chunk")).hasSize(3);
        assertThat(s.text()).isEqualTo("One two three");
        assertThat(s.terminalEvents()).isEqualTo(1);
        JsonNode done = s.events().getLast().data();
        assertThat(s.events().getLast().name()).isEqualTo("done");
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("finishReason").asString()).isEqualTo("stop");
        assertThat(done.path("usage").path("totalTokens").asInt()).isPositive();
        assertThat(done.path("trace").path("modelCalls")).hasSize(1);
        JsonNode chunk = s.named("chunk").getFirst().data();
        assertThat(chunk.path("conversationId").asString()).isEqualTo(done.path("conversationId").asString());
        assertThat(chunk.path("done").asBoolean()).isFalse();
        assertThat(s.named("progress").getFirst().data().path("message").asString()).contains("Calling " + MODEL);
        JsonNode messages = api.get("/api/v1/chat/history/" + done.path("conversationId").asString()).data()
                .path("messages");
        assertThat(messages.get(1).path("content").asString()).isEqualTo("One two three");
    }

    @Test
    void streamsToolProgressForTheInnerToolAndTheFollowUpAnswer() {
        LLM.enqueue(new FakeLlmServer.ToolCall("call_9", "use_tool",
                        "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"2^10\"}}", 25),
                new FakeLlmServer.Text(List.of("1024"), 0));

        Sse.Stream s = Sse.post(port, "/api/v1/chat", streamed("2^10?"));

        List<String> progress = s.named("progress").stream().map(e -> e.data().path("type").asString()).toList();
        assertThat(progress).contains("tool_start", "tool_end");
        JsonNode start = s.named("progress").stream().filter(e -> e.data().path("type").asString()
                .equals("tool_start")).findFirst().orElseThrow().data();
        assertThat(start.path("tool").path("name").asString()).isEqualTo("calculate");
        JsonNode end = s.named("progress").stream().filter(e -> e.data().path("type").asString()
                .equals("tool_end")).findFirst().orElseThrow().data();
        assertThat(end.path("result").path("success").asBoolean()).isTrue();
        assertThat(end.path("result").path("preview").asString()).contains("1024");
        assertThat(s.text()).isEqualTo("1024");
        assertThat(s.terminalEvents()).isEqualTo(1);
    }

    @Test
    void aCallThatNeedsApprovalIsReportedAsAnAutonomyEvent() {
        api.patch("/api/v1/autonomy/config", Map.of("level", 0));
        try {
            LLM.enqueue(new FakeLlmServer.ToolCall("call_x", "use_tool",
                            "{\"tool_name\":\"add_task\",\"arguments\":{\"title\":\"Buy milk\"}}", 4),
                    new FakeLlmServer.Text(List.of("I asked for your approval."), 0));

            Sse.Stream s = Sse.post(port, "/api/v1/chat", streamed("Add a task"));

            JsonNode autonomy = s.named("autonomy").getFirst().data();
            assertThat(autonomy.path("type").asString()).isEqualTo("approval_required");
            assertThat(autonomy.path("toolCall").path("name").asString()).isEqualTo("add_task");
            String approvalId = autonomy.path("approvalId").asString();
            assertThat(api.get("/api/v1/autonomy/approvals/" + approvalId).data().path("status").asString())
                    .isEqualTo("pending");
            assertThat(s.terminalEvents()).isEqualTo(1);
            assertThat(s.named("done")).hasSize(1);
        } finally {
            api.post("/api/v1/autonomy/config/reset", "");
        }
    }

    @Test
    void upstreamErrorsEndTheStreamWithOneErrorEvent() {
        LLM.enqueue(new FakeLlmServer.Status(500, "{}"), new FakeLlmServer.Status(500, "{}"),
                new FakeLlmServer.Status(500, "{}"));
        Sse.Stream failed = Sse.post(port, "/api/v1/chat", streamed("hi"));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.terminalEvents()).isEqualTo(1);
        assertThat(failed.named("error").getFirst().data().path("code").asString()).isEqualTo("PROVIDER_ERROR");

        LLM.reset();
        LLM.enqueue(new FakeLlmServer.FailMidStream(List.of("half ", "an answer")));
        Sse.Stream broken = Sse.post(port, "/api/v1/chat", streamed("hi"));
        assertThat(broken.text()).isEqualTo("half an answer");
        assertThat(broken.terminalEvents()).isEqualTo(1);
        assertThat(broken.events().getLast().name()).isEqualTo("error");
        assertThat(LLM.requests()).hasSize(1);
        String conversation = broken.named("chunk").getFirst().data().path("conversationId").asString();
        JsonNode saved = api.get("/api/v1/chat/history/" + conversation).data().path("messages").get(1);
        assertThat(saved.path("content").asString()).isEqualTo("half an answer");
        assertThat(saved.path("isPartial").asBoolean()).isTrue();
    }

    @Test
    void aBudgetRefusalArrivesAsAnErrorEvent() {
        api.post("/api/v1/costs/budget", Map.of("dailyLimit", 0.000001, "limitAction", "block"));
        Map<String, Object> body = streamed("hi");
        body.put("model", "gpt-4o");

        Sse.Stream s = Sse.post(port, "/api/v1/chat", body);

        assertThat(s.terminalEvents()).isEqualTo(1);
        assertThat(s.named("error").getFirst().data().path("code").asString()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(LLM.requests()).isEmpty();
    }

    @Test
    void aClientThatHangsUpCancelsTheProviderRequest() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("w" + i + " ");
        }
        LLM.enqueue(new FakeLlmServer.Text(many, 100));
        String conversation;
        try (Sse.Open open = Sse.open(port, "/api/v1/chat", streamed("Talk for a long time"))) {
            conversation = open.next("chunk").data().path("conversationId").asString();
        }

        assertThat(LLM.awaitHangUp(20, TimeUnit.SECONDS)).isTrue();
        String error = null;
        for (int i = 0; i < 200 && error == null; i++) {
            error = jdbc.sql("SELECT error FROM request_logs WHERE conversation_id = ?").param(conversation)
                    .query(String.class).optional().orElse(null);
            Thread.sleep(50);
        }
        assertThat(error).startsWith("REQUEST_CANCELLED");
    }

    @Test
    void heartbeatsKeepASilentStreamAliveAndABusyConversationRefusesASecondRun() throws Exception {
        LLM.enqueue(new FakeLlmServer.Text(List.of("slow ", "answer"), 1000));
        String conversation;
        try (Sse.Open open = Sse.open(port, "/api/v1/chat", streamed("Take your time"))) {
            conversation = open.next("chunk").data().path("conversationId").asString();
            var busy = api.post("/api/v1/chat", Map.of("message", "me too", "provider", "openai", "model", MODEL,
                    "conversationId", conversation));
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.errorCode()).isEqualTo("CONVERSATION_BUSY");
            while (open.next() != null) {
                // drain to the end
            }
        }
        LLM.enqueue(new FakeLlmServer.Text(List.of("a", "b"), 800));
        Sse.Stream s = Sse.post(port, "/api/v1/chat", streamed("pause please"));
        assertThat(s.comments()).isPositive();
        assertThat(s.rawBody()).contains(":heartbeat");
        assertThat(s.terminalEvents()).isEqualTo(1);
    }
}
