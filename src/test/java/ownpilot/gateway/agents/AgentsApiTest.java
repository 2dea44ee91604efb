package ownpilot.gateway.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class AgentsApiTest extends ApiTestBase {

    private final String name = "Agent " + UUID.randomUUID().toString().substring(0, 8);

    private List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void defaultTemplatesAreInstalledAndResyncIsIdempotent() {
        List<String> templates = api.get("/api/v1/agents").data().valueStream()
                .map(a -> a.path("templateId").asString("")).filter(t -> !t.isEmpty()).toList();
        assertThat(templates).contains("general-assistant", "coding-assistant", "research-writer",
                "personal-organizer");
        Api.Response resync = api.post("/api/v1/agents/resync", "");
        assertThat(resync.data().path("total").asInt()).isEqualTo(4);
        assertThat(resync.data().path("updated").asInt()).isEqualTo(4);
        assertThat(resync.data().path("created").asInt()).isZero();
        assertThat(resync.data().path("errors")).isEmpty();

        String organizer = api.get("/api/v1/agents").data().valueStream()
                .filter(a -> a.path("templateId").asString("").equals("personal-organizer")).findFirst().orElseThrow()
                .path("id").asString();
        api.patch("/api/v1/agents/" + organizer, Map.of("systemPrompt", "changed by the user", "provider", "openai"));
        api.post("/api/v1/agents/resync", "");
        JsonNode restored = api.get("/api/v1/agents/" + organizer).data();
        assertThat(restored.path("systemPrompt").asString()).startsWith("You help the user plan");
        assertThat(restored.path("provider").asString()).as("the user's provider choice stays").isEqualTo("openai");

        api.delete("/api/v1/agents/" + organizer);
        Api.Response recreated = api.post("/api/v1/agents/resync", "");
        assertThat(recreated.data().path("created").asInt()).isEqualTo(1);
        assertThat(recreated.data().path("updated").asInt()).isEqualTo(3);
    }

    @Test
    void crudWithEffectiveToolsAndDefaults() {
        Api.Response created = api.post("/api/v1/agents", Map.of("name", name, "systemPrompt", "You help.",
                "tools", List.of("calculate"), "toolGroups", List.of("tasks"), "temperature", 0.2));
        assertThat(created.status()).isEqualTo(201);
        JsonNode agent = created.data();
        String id = agent.path("id").asString();
        assertThat(id).matches("agent_\\d+_[a-z0-9]+");
        assertThat(agent.path("provider").asString()).isEqualTo("default");
        assertThat(agent.path("model").asString()).isEqualTo("default");
        assertThat(names(agent.path("tools"))).contains("calculate", "add_task", "list_tasks", "complete_task")
                .doesNotContain("add_note");
        assertThat(agent.path("config").path("maxTurns").asInt()).isEqualTo(25);
        assertThat(agent.path("config").path("maxToolCalls").asInt()).isEqualTo(200);
        assertThat(agent.path("config").path("temperature").asDouble()).isEqualTo(0.2);

        assertThat(api.get("/api/v1/tools?agentId=" + id).data().valueStream().map(t -> t.path("name").asString()))
                .contains("calculate", "add_task").doesNotContain("add_note");

        api.post("/api/v1/settings/defaults", Map.of("provider", "anthropic", "model", "claude-sonnet-4"));
        JsonNode resolved = api.get("/api/v1/agents/" + id).data().path("resolved");
        assertThat(resolved.path("provider").asString()).isEqualTo("anthropic");
        assertThat(resolved.path("model").asString()).isEqualTo("claude-sonnet-4");

        Api.Response patched = api.patch("/api/v1/agents/" + id, Map.of("maxTurns", 5, "toolGroups", List.of()));
        assertThat(patched.data().path("config").path("maxTurns").asInt()).isEqualTo(5);
        assertThat(names(patched.data().path("tools"))).containsExactly("calculate");
        assertThat(patched.data().path("systemPrompt").asString()).isEqualTo("You help.");

        Api.Response reset = api.post("/api/v1/agents/" + id + "/reset", "");
        String conversation = reset.data().path("conversationId").asString();
        assertThat(conversation).startsWith("conv_");
        assertThat(api.get("/api/v1/agents/" + id).data().path("conversationId").asString()).isEqualTo(conversation);

        assertThat(api.delete("/api/v1/agents/" + id).data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tools?agentId=" + id).status()).isEqualTo(404);
        awaitListeners();
        assertThat(api.get("/api/v1/audit?resourceId=" + id + "&order=asc").data().path("events").valueStream()
                .map(e -> e.path("type").asString()).toList()).containsExactly("agent.created", "agent.updated",
                "agent.conversation_reset", "agent.deleted");
    }

    @Test
    void hostileAgentInputIsRefusedAndChangesNothing() {
        long before = rows("agents");
        Map<String, Object> base = Map.of("name", name, "systemPrompt", "p");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("systemPrompt", "no name"), Map.<String, Object>of("name", name),
                with(base, "tools", List.of("no_such_tool")), with(base, "toolGroups", List.of("hacking")),
                with(base, "temperature", 3), with(base, "maxTurns", 0), with(base, "maxToolCalls", "many"),
                with(base, "provider", "Open AI!"), with(base, "name", "x".repeat(100_000)),
                with(base, "surprise", 1))) {
            assertThat(api.post("/api/v1/agents", bad).status()).as(bad.keySet().toString()).isEqualTo(400);
        }
        assertThat(api.post("/api/v1/agents", "{\"name\":").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/agents", "[]").status()).isEqualTo(400);
        assertThat(rows("agents")).isEqualTo(before);

        String id = api.post("/api/v1/agents", base).data().path("id").asString();
        assertThat(api.post("/api/v1/agents", base).status()).as("duplicate name").isEqualTo(409);
        assertThat(api.patch("/api/v1/agents/" + id, Map.of()).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/agents/agent_missing", Map.of("maxTurns", 3)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/agents/agent_missing").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/agents/agent_missing/reset", "").status()).isEqualTo(404);
        api.delete("/api/v1/agents/" + id);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
