package ownpilot.gateway.memories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Memories through HTTP with the real embedding model: recall by meaning, dedup by meaning, validation. */
class MemoriesApiTest extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    MemoryIndex index;

    @org.springframework.beans.factory.annotation.Autowired
    MemoryIndexSync sync;

    @BeforeEach
    void forgetEverything() {
        jdbc.sql("DELETE FROM memories").update();
    }

    private Api.Response remember(String content, String type) {
        return api.post("/api/v1/memories", Map.of("content", content, "type", type));
    }

    @Test
    void aQuestionFindsTheMemoryThatAnswersItWhereNoWordMatches() {
        remember("I live in Berlin", "fact");
        remember("I work in Munich as a nurse", "fact");
        remember("My favourite colour is green", "preference");
        assertThat(jdbc.sql("SELECT count(*) FROM memories WHERE content ILIKE '%city%' OR content ILIKE '%home%'")
                .query(Long.class).single()).as("no substring search finds it").isZero();

        JsonNode hits = api.get("/api/v1/memories/search?q=Which%20city%20is%20my%20home%3F").data().path("memories");
        assertThat(hits.path(0).path("content").asString()).isEqualTo("I live in Berlin");
        assertThat(hits.path(0).path("similarity").asDouble()).isGreaterThan(hits.path(1).path("similarity").asDouble());
        assertThat(hits.path(0).path("score").isNumber()).isTrue();

        JsonNode posted = api.post("/api/v1/memories/search", Map.of("query", "what do I like", "type", "preference"))
                .data();
        assertThat(posted.path("memories").findValuesAsString("type")).containsOnly("preference");
        JsonNode ui = api.get("/api/v1/memories?query=where%20do%20I%20work").data().path("memories");
        assertThat(ui.path(0).path("content").asString()).contains("Munich");
    }

    @Test
    void aParaphraseBoostsTheStoredMemoryAndDistinctFactsStayApart() {
        Api.Response first = remember("User prefers dark mode", "preference");
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = remember("The user likes dark mode", "preference");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().path("deduplicated").asBoolean()).isTrue();
        assertThat(again.data().path("memory").path("id").asString())
                .isEqualTo(first.data().path("memory").path("id").asString());
        assertThat(again.data().path("memory").path("importance").asDouble()).isEqualTo(0.6);
        assertThat(remember("I live in Berlin", "fact").status()).isEqualTo(201);
        assertThat(remember("I live in Munich", "fact").status()).as("a different city is a different fact")
                .isEqualTo(201);
        assertThat(remember("User prefers dark mode", "fact").status()).as("another type is another memory")
                .isEqualTo(201);
        assertThat(api.get("/api/v1/memories").data().path("total").asInt()).isEqualTo(4);
    }

    @Test
    void everyFieldIsValidatedAndSecretsAreNeverStored() {
        assertThat(api.post("/api/v1/memories", Map.of("content", "x", "importance", 2)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/memories", Map.of("content", "x", "type", "secret")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", Map.of("content", "x", "tags", "a")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", Map.of("content", "x", "colour", "red")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", Map.of("type", "fact")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", Map.of("content", "y".repeat(4001))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories", "[]").status()).isEqualTo(400);
        Api.Response secret = remember("My OpenAI key is sk-proj-abcdefghijklmnopqrstuvwx", "fact");
        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.body().toString()).contains("secret").doesNotContain("abcdefghijkl");
        assertThat(remember("my password: hunter2hunter2", "fact").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories?minImportance=7").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories?type=nope").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/memories/search").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/memories/decay", Map.of("decayFactor", 3)).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM memories").query(Long.class).single()).isZero();
    }

    @Test
    void theMemoriesPageListsEditsBoostsAndDeletes() {
        String id = api.post("/api/v1/memories", Map.of("content", "I have a cat called Miso", "type", "conversation",
                "importance", 0.5)).data().path("memory").path("id").asString();
        JsonNode listed = api.get("/api/v1/memories?type=conversation").data();
        assertThat(listed.path("memories").isArray()).isTrue();
        JsonNode item = listed.path("memories").path(0);
        assertThat(item.path("id").asString()).isEqualTo(id);
        assertThat(item.path("importance").isNumber()).isTrue();
        assertThat(item.path("createdAt").isString()).isTrue();
        assertThat(item.path("source").asString()).isEqualTo("user");

        Api.Response edited = api.patch("/api/v1/memories/" + id, Map.of("content", "I have two cats, Miso and Tofu",
                "type", "fact", "importance", 0.8));
        assertThat(edited.data().path("type").asString()).isEqualTo("fact");
        JsonNode found = api.get("/api/v1/memories/search?q=pets").data().path("memories");
        assertThat(found.path(0).path("content").asString()).contains("Tofu");
        assertThat(api.patch("/api/v1/memories/" + id, Map.of("source", "tool")).status()).isEqualTo(400);

        assertThat(api.post("/api/v1/memories/" + id + "/boost", Map.of("amount", 0.5)).data().path("importance")
                .asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/v1/memories/" + id).data().path("accessedCount").asInt()).isZero();
        assertThat(api.get("/api/v1/memories/" + id).data().path("accessedCount").asInt()).isEqualTo(1);
        JsonNode stats = api.get("/api/v1/memories/stats").data();
        assertThat(stats.path("total").asInt()).isEqualTo(1);
        assertThat(stats.path("byType").path("fact").asInt()).isEqualTo(1);
        assertThat(stats.path("index").path("model").asString()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(api.post("/api/v1/memories/decay", null).data().path("affectedCount").asInt()).isZero();
        assertThat(api.post("/api/v1/memories/cleanup", null).data().path("deletedCount").asInt()).isZero();
        assertThat(api.delete("/api/v1/memories/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/memories/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/memories/search?q=cats").data().path("count").asInt()).isZero();
    }

    @Test
    void decayAndCleanupReachOldUnreadMemories() {
        String id = remember("I used to play the violin", "fact").data().path("memory").path("id").asString();
        jdbc.sql("UPDATE memories SET created_at = now() - interval '200 days', importance = 0.05 WHERE id = :id")
                .param("id", id).update();
        assertThat(api.post("/api/v1/memories/cleanup", Map.of("maxAge", 90)).data().path("deletedCount").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/memories/search?q=music%20instrument").data().path("count").asInt())
                .as("gone from the index too").isZero();
    }

    @Test
    void anImportValidatesEmbedsAndDedupsWithinItselfAndAgainstTheStore() {
        remember("User prefers dark mode", "preference");
        Api.Response imported = api.post("/api/v1/memories/import", Map.of("memories", List.of(
                Map.of("content", "The user likes dark mode", "type", "preference"),
                Map.of("content", "I was born in Lisbon", "type", "fact"),
                Map.of("content", "Lisbon is where I was born", "type", "fact"),
                Map.of("content", "bad", "type", "nonsense"),
                Map.of("content", "I play the cello on Sundays", "importance", 0.7))));
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.data().path("imported").asInt()).isEqualTo(2);
        assertThat(imported.data().path("deduplicated").asInt()).isEqualTo(2);
        assertThat(imported.data().path("refused").toString()).contains("#3");
        JsonNode found = api.get("/api/v1/memories/search?q=musical%20instrument").data().path("memories");
        assertThat(found.path(0).path("content").asString()).contains("cello");
        assertThat(found.path(0).path("source").asString()).isEqualTo("import");
        assertThat(api.post("/api/v1/memories/import", Map.of("memories", List.of())).status()).isEqualTo(400);
    }

    @Test
    void theIndexIsRebuiltFromPostgresqlAndRowsWithoutAVectorAreEmbeddedAgain() {
        remember("I keep bees in my garden", "fact");
        String id = remember("My sister lives in Oslo", "fact").data().path("memory").path("id").asString();
        jdbc.sql("UPDATE memories SET embedding = NULL, embedding_model = NULL WHERE id = :id").param("id", id)
                .update();
        index.clear();
        assertThat(api.get("/api/v1/memories/search?q=honey").data().path("count").asInt()).as("index emptied")
                .isZero();
        sync.build();
        assertThat(api.get("/api/v1/memories/search?q=honey%20insects").data().path("memories").path(0)
                .path("content").asString()).contains("bees");
        assertThat(api.get("/api/v1/memories/search?q=where%20does%20my%20sibling%20live").data().path("memories")
                .path(0).path("id").asString()).as("re-embedded at the build").isEqualTo(id);
        assertThat(jdbc.sql("SELECT embedding_model FROM memories WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("all-minilm-l6-v2-q");
    }
}
