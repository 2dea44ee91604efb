package ownpilot.gateway.memories;

import static org.assertj.core.api.Assertions.assertThat;
import static ownpilot.gateway.support.HostileInput.expect4xx;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;

/** Hostile input on the memory, goal and profile routes: a 4xx envelope every time and nothing changed. */
class MemoryHostileInputApiTest extends ApiTestBase {

    private static final List<Object> BODIES = List.of("{\"content\": ", "[1,2,3]", "\"just a string\"", "null",
            Map.of("content", 12345), Map.of("content", "x".repeat(100_000)), Map.of("tags", "not-a-list"),
            Map.of("importance", "high"), Map.of("importance", -0.5), Map.of("type", "DROP TABLE memories"),
            Map.of("unexpectedField", "value"), Map.of("metadata", "[]"), Map.of());

    @Test
    void memoriesRefuseEveryHostileBodyAndQuery() {
        String id = api.post("/api/v1/memories", Map.of("content", "I like tea", "type", "preference")).data()
                .path("memory").path("id").asString();
        String before = row(id);
        long rows = count();
        for (Object body : BODIES) {
            expect4xx(api.post("/api/v1/memories", body), "POST " + body);
            expect4xx(api.patch("/api/v1/memories/" + id, body), "PATCH " + body);
            expect4xx(api.post("/api/v1/memories/search", body), "search " + body);
        }
        for (String unknown : List.of("no-such-id", "1'%20OR%20'1'='1")) {
            assertThat(api.get("/api/v1/memories/" + unknown).status()).isEqualTo(404);
            assertThat(api.patch("/api/v1/memories/" + unknown, Map.of("content", "x")).status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/memories/" + unknown).status()).isEqualTo(404);
        }
        for (String query : List.of("query=%27%3B%20DROP%20TABLE%20memories%3B%20--", "q=%21%7C%26%28%29%3A%2A",
                "query=" + "a".repeat(300), "limit=-1", "limit=abc", "minImportance=NaN", "tags=" + "t,".repeat(50))) {
            Api.Response r = api.get("/api/v1/memories?" + query);
            assertThat(r.status()).as(query).isIn(200, 400);
            assertThat(r.body().path("success").isBoolean()).isTrue();
        }
        assertThat(api.get("/api/v1/memories/search?q=%21%7C%26%28%29%3A%2A").status()).as("tsquery syntax is inert")
                .isEqualTo(200);
        assertThat(count()).isEqualTo(rows);
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void goalsRefuseEveryHostileBody() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/goals", Map.of("title", "A hostile goal"), "title",
                "status", "goals", () -> jdbc.sql("SELECT count(*) FROM goals").query(Long.class).single());
    }

    @Test
    void theProfileRefusesEveryHostileBody() {
        api.patch("/api/v1/profile", Map.of("work", Map.of("occupation", "pilot")));
        String before = api.get("/api/v1/profile").data().toString();
        for (Object body : List.of("{\"work\": ", "[1]", "\"text\"", "null", Map.of("work", 5),
                Map.of("nowhere", Map.of()), Map.of("work", Map.of("notes", "x".repeat(100_000))))) {
            expect4xx(api.patch("/api/v1/profile", body), "PATCH " + body);
            expect4xx(api.put("/api/v1/profile", body), "PUT " + body);
            expect4xx(api.post("/api/v1/profile/quick", body), "quick " + body);
            expect4xx(api.post("/api/v1/profile/import", body), "import " + body);
        }
        assertThat(api.get("/api/v1/profile").data().toString()).isEqualTo(before);
    }

    private String row(String id) {
        return jdbc.sql("SELECT content || type || importance || tags::text || metadata::text FROM memories WHERE id = :id")
                .param("id", id).query(String.class).single();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM memories").query(Long.class).single();
    }
}
