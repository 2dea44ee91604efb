package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.Gateway;
import ownpilot.gateway.support.LiveSocket;

/**
 * Two users on one gateway: whatever Alice creates, Bob can neither see, find, change nor delete,
 * in every module built so far, through the routes and through the tools.
 */
class UserIsolationIT {

    static final String ALICE_KEY = "alice-isolation-key-0123456789";
    static final String BOB_KEY = "bob-isolation-key-0123456789";

    static Gateway gateway;
    static FakeLlmServer llm;
    static Api alice;
    static Api bob;

    @BeforeAll
    static void start() throws Exception {
        llm = new FakeLlmServer();
        gateway = Gateway.start("--ownpilot.auth.mode=api-key",
                "--ownpilot.auth.api-keys=alice:" + sha(ALICE_KEY) + ",bob:" + sha(BOB_KEY),
                "--ownpilot.auth.rate-limit.enabled=false");
        alice = gateway.api().with("X-API-Key", ALICE_KEY);
        bob = gateway.api().with("X-API-Key", BOB_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        llm.close();
    }

    static String sha(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    /** Alice's record at {@code path/id}: Bob gets 404 for it, and it is missing from his list. */
    private static void privateRecord(String path, String id, String listField, Map<String, Object> patch) {
        assertThat(alice.get(path + "/" + id).status()).as(path).isEqualTo(200);
        assertThat(bob.get(path + "/" + id).status()).as("bob reads " + path).isEqualTo(404);
        assertThat(bob.get(path).raw().body()).as("bob lists " + path).doesNotContain(id);
        if (patch != null) {
            assertThat(bob.patch(path + "/" + id, patch).status()).as("bob changes " + path).isEqualTo(404);
        }
        assertThat(bob.delete(path + "/" + id).status()).as("bob deletes " + path).isEqualTo(404);
        assertThat(alice.get(path + "/" + id).status()).as(path + " still there").isEqualTo(200);
        assertThat(alice.get(path).raw().body()).contains(id);
    }

    @Test
    void memoriesGoalsAndTheProfileStayWithTheirOwner() {
        String marker = "okapi" + UUID.randomUUID().toString().substring(0, 8);
        String memory = alice.post("/api/v1/memories", Map.of("content", "My secret hideout is the " + marker
                + " lighthouse", "type", "fact")).data().path("memory").path("id").asString();
        privateRecord("/api/v1/memories", memory, "memories", Map.of("content", "hijacked"));
        assertThat(bob.get("/api/v1/memories/search?q=where%20is%20my%20hideout").raw().body())
                .as("bob's search never reaches alice's memories").doesNotContain(marker);
        assertThat(bob.post("/api/v1/memories", Map.of("content", "My secret hideout is the " + marker
                + " lighthouse", "type", "fact")).status()).as("no dedup across users").isEqualTo(201);
        assertThat(bob.post("/api/v1/memories/" + memory + "/boost", Map.of("amount", 0.5)).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/memories/search?q=hideout").raw().body()).contains(memory);

        String goal = alice.post("/api/v1/goals", Map.of("title", "Goal " + marker)).data().path("id").asString();
        String step = alice.post("/api/v1/goals/" + goal + "/steps", Map.of("title", "Step " + marker)).data()
                .path("steps").path(0).path("id").asString();
        privateRecord("/api/v1/goals", goal, "goals", Map.of("title", "hijacked"));
        assertThat(bob.get("/api/v1/goals/" + goal + "/steps").status()).isEqualTo(404);
        assertThat(bob.patch("/api/v1/goals/" + goal + "/steps/" + step, Map.of("status", "completed")).status())
                .isEqualTo(404);
        assertThat(bob.get("/api/v1/goals/next-actions").raw().body()).doesNotContain(marker);
        assertThat(bob.post("/api/v1/goals", Map.of("title", "mine", "parentId", goal)).status())
                .as("bob cannot hang a goal under alice's").isEqualTo(400);

        alice.patch("/api/v1/profile", Map.of("basicInfo", Map.of("name", marker)));
        assertThat(bob.get("/api/v1/profile").raw().body()).doesNotContain(marker);
        assertThat(bob.get("/api/v1/profile/summary").raw().body()).doesNotContain(marker);
        assertThat(bob.get("/api/v1/profile/export").raw().body()).doesNotContain(marker);
        bob.put("/api/v1/profile", Map.of());
        assertThat(alice.get("/api/v1/profile/summary").raw().body()).contains(marker);

        Api.Response bobsTool = bob.post("/api/v1/tools/recall/execute", Map.of("arguments", Map.of("query",
                "lighthouse hideout")));
        assertThat(bobsTool.raw().body()).doesNotContain(memory);
    }

    @Test
    void personalDataStaysWithItsOwner() {
        String marker = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        String task = alice.post("/api/v1/tasks", Map.of("title", "Task " + marker)).data().path("id").asString();
        privateRecord("/api/v1/tasks", task, "tasks", Map.of("title", "hijacked"));
        String note = alice.post("/api/v1/notes", Map.of("title", "Note " + marker, "content", marker)).data()
                .path("id").asString();
        privateRecord("/api/v1/notes", note, "notes", Map.of("title", "hijacked"));
        String bookmark = alice.post("/api/v1/bookmarks", Map.of("url", "https://example.org/" + marker, "title",
                marker)).data().path("id").asString();
        privateRecord("/api/v1/bookmarks", bookmark, "bookmarks", Map.of("title", "hijacked"));
        String contact = alice.post("/api/v1/contacts", Map.of("name", "Contact " + marker)).data().path("id")
                .asString();
        privateRecord("/api/v1/contacts", contact, "contacts", Map.of("name", "hijacked"));
        String event = alice.post("/api/v1/calendar", Map.of("title", "Event " + marker, "startTime",
                "2031-01-01T10:00:00Z")).data().path("id").asString();
        privateRecord("/api/v1/calendar", event, "events", Map.of("title", "hijacked"));

        assertThat(bob.get("/api/v1/tasks?search=" + marker).raw().body()).doesNotContain(marker);
        assertThat(bob.get("/api/v1/notes?search=" + marker).raw().body()).doesNotContain(marker);
        for (String tool : List.of("list_tasks", "list_notes", "list_bookmarks", "list_contacts")) {
            Api.Response viaTool = bob.post("/api/v1/tools/" + tool + "/execute", Map.of("arguments", Map.of()));
            assertThat(viaTool.status()).as(tool).isEqualTo(200);
            assertThat(viaTool.raw().body()).as(tool).doesNotContain(marker);
        }
        Api.Response byTool = bob.post("/api/v1/tools/delete_task/execute",
                Map.of("arguments", Map.of("taskId", task)));
        assertThat(alice.get("/api/v1/tasks/" + task).status()).as("bob's tool cannot delete it").isEqualTo(200);
        assertThat(byTool.raw().body()).doesNotContain(marker);
    }

    @Test
    void agentsCustomToolsAndConversationsStayWithTheirOwner() {
        String name = "Agent " + UUID.randomUUID();
        String agent = alice.post("/api/v1/agents", Map.of("name", name, "systemPrompt", "You help.")).data()
                .path("id").asString();
        privateRecord("/api/v1/agents", agent, "agents", Map.of("name", "hijacked"));

        String toolName = "alice_tool_" + UUID.randomUUID().toString().substring(0, 8);
        String tool = alice.post("/api/v1/custom-tools", Map.of("name", toolName, "description", "Alice's",
                "parameters", Map.of("type", "object", "properties", Map.of()), "code", "return 'alice';"))
                .data().path("id").asString();
        privateRecord("/api/v1/custom-tools", tool, "tools", Map.of("description", "hijacked"));
        assertThat(bob.post("/api/v1/custom-tools/" + tool + "/disable", "").status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/tools/" + toolName + "/execute", Map.of("arguments", Map.of())).errorCode())
                .isEqualTo("TOOL_NOT_FOUND");
        assertThat(bob.get("/api/v1/tools").raw().body()).doesNotContain(toolName);
        assertThat(alice.get("/api/v1/tools").raw().body()).contains(toolName);

        String conversation = alice.post("/api/v1/chat", Map.of("message", "Alice's question")).data()
                .path("conversationId").asString();
        assertThat(alice.get("/api/v1/chat/history/" + conversation).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/chat/history/" + conversation).status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/chat/history").raw().body()).doesNotContain(conversation);
        assertThat(bob.delete("/api/v1/chat/history/" + conversation).status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/chat", Map.of("message", "Continue hers", "conversationId", conversation))
                .status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/chat/history/" + conversation).status()).isEqualTo(200);
    }

    @Test
    void keysProvidersCostsBudgetsAndSettingsStayWithTheirOwner() {
        assertThat(alice.put("/api/v1/providers/openai/config", Map.of("baseUrl", llm.baseUrl())).status())
                .isEqualTo(200);
        assertThat(alice.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-alice-0123456789abcdef"))
                .status()).isIn(200, 201);
        assertThat(bob.get("/api/v1/settings/api-key/openai").data().path("configured").asBoolean()).isFalse();
        assertThat(bob.get("/api/v1/providers/openai").raw().body()).doesNotContain(llm.baseUrl());
        assertThat(bob.get("/api/v1/settings").raw().body()).doesNotContain("sk-alice");

        llm.enqueue(new FakeLlmServer.Text(List.of("Hi Alice"), 0));
        Api.Response answer = alice.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model",
                "gpt-test", "newConversation", true));
        assertThat(answer.data().path("message").asString()).isEqualTo("Hi Alice");
        assertThat(alice.get("/api/v1/costs/usage").raw().body()).contains("gpt-test");
        assertThat(bob.get("/api/v1/costs/usage").raw().body()).doesNotContain("gpt-test");
        assertThat(alice.get("/api/v1/debug").raw().body()).contains("Hi Alice");
        assertThat(bob.get("/api/v1/debug").raw().body()).doesNotContain("Hi Alice");
        Api.Response bobChat = bob.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model",
                "gpt-test"));
        assertThat(bobChat.raw().body()).as("bob has no openai key of his own").doesNotContain("Hi Alice");
        assertThat(llm.requests()).as("bob's chat never reached alice's provider").hasSize(1);

        assertThat(alice.post("/api/v1/costs/budget", Map.of("dailyLimit", 3.5)).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/costs/budget").data().path("daily").path("limit").asDouble()).isEqualTo(3.5);
        assertThat(bob.get("/api/v1/costs/budget").data().path("daily").path("limit").isNull()).isTrue();

        String local = alice.post("/api/v1/local-providers", Map.of("name", "Alice's box", "providerType",
                "ollama", "baseUrl", "http://127.0.0.1:11434")).data().path("id").asString();
        privateRecord("/api/v1/local-providers", local, "providers", null);

        assertThat(alice.post("/api/v1/settings/defaults", Map.of("provider", "openai", "model", "gpt-alice"))
                .status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/settings/defaults").raw().body()).doesNotContain("gpt-alice");
        assertThat(alice.post("/api/v1/settings/alice_note", Map.of("value", "alice's value")).status())
                .isIn(200, 201);
        assertThat(bob.get("/api/v1/settings/alice_note").raw().body()).doesNotContain("alice's value");
        assertThat(bob.delete("/api/v1/settings/alice_note").status()).isIn(200, 404);
        assertThat(alice.get("/api/v1/settings/alice_note").raw().body()).contains("alice's value");

        assertThat(alice.patch("/api/v1/autonomy/config", Map.of("level", 0)).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/autonomy/config").data().path("config").path("level").asInt()).isNotZero();
    }

    @Test
    void approvalsGrantsAuditAndLiveEventsStayWithTheirOwner() throws Exception {
        String task = alice.post("/api/v1/tasks", Map.of("title", "to delete")).data().path("id").asString();
        alice.patch("/api/v1/autonomy/config", Map.of("level", 1));
        String request = "alice-" + UUID.randomUUID();
        try (LiveSocket aliceLive = new LiveSocket(gateway.port(), "?token=" + ALICE_KEY);
                LiveSocket bobLive = new LiveSocket(gateway.port(), "?token=" + BOB_KEY)) {
            aliceLive.next("connection:ready", 10);
            bobLive.next("connection:ready", 10);
            Api.Response parked = alice.send(HttpRequest.newBuilder(alice.uri("/api/v1/tools/use_tool/execute"))
                    .header("Content-Type", "application/json").header("X-Request-Id", request)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"arguments\":{\"tool_name\":\"delete_task\","
                            + "\"arguments\":{\"taskId\":\"" + task + "\"}}}")));
            String approval = parked.data().path("result").path("approvalId").asString();
            assertThat(approval).isNotBlank();
            assertThat(aliceLive.next("approval:requested", 10)).isNotNull();
            assertThat(bobLive.next("approval:requested", 2)).as("bob hears nothing of it").isNull();

            assertThat(bob.get("/api/v1/autonomy/pending").raw().body()).doesNotContain(approval);
            assertThat(bob.post("/api/v1/autonomy/approve/" + approval, Map.of("grantMinutes", 5)).status())
                    .isEqualTo(404);
            assertThat(bob.post("/api/v1/autonomy/reject/" + approval, "").status()).isEqualTo(404);
            assertThat(alice.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
            assertThat(alice.post("/api/v1/autonomy/approve/" + approval, Map.of("grantMinutes", 5, "grantScope",
                    "tool")).status()).isEqualTo(200);
            assertThat(alice.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
        }
        bob.patch("/api/v1/autonomy/config", Map.of("level", 1));
        String bobsTask = bob.post("/api/v1/tasks", Map.of("title", "bob's")).data().path("id").asString();
        Api.Response bobsCall = bob.post("/api/v1/tools/use_tool/execute", Map.of("arguments", Map.of("tool_name",
                "delete_task", "arguments", Map.of("taskId", bobsTask))));
        assertThat(bobsCall.data().path("result").path("status").asString())
                .as("alice's grant does not cover bob").isEqualTo("pending_approval");

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (alice.get("/api/v1/audit?correlationId=" + request).data().path("count").asInt() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(alice.get("/api/v1/audit?correlationId=" + request).data().path("count").asInt()).isEqualTo(2);
        assertThat(bob.get("/api/v1/audit?correlationId=" + request).data().path("count").asInt()).isZero();
        assertThat(bob.get("/api/v1/audit").raw().body()).doesNotContain(request);
        assertThat(bob.delete("/api/v1/audit?all=true").status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/audit?correlationId=" + request).data().path("count").asInt())
                .as("bob clearing his trail leaves alice's").isEqualTo(2);
    }
}
