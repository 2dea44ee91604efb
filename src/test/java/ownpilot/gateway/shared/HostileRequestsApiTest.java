package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** Regression tests of the review's low-severity findings: each input gets a precise 4xx, nothing is stored. */
class HostileRequestsApiTest extends ApiTestBase {

    @Autowired
    SharedCaches caches;

    @Test
    void contactCategoriesAreTheirRelationships() {
        api.post("/api/v1/contacts", Map.of("name", "Ada", "relationship", "colleague"));
        Api.Response categories = api.get("/api/v1/contacts/categories");
        assertThat(categories.status()).isEqualTo(200);
        assertThat(categories.data().valueStream().map(n -> n.asString()).toList()).contains("colleague");
    }

    @Test
    void theNulCharacterIsRefusedBeforeAnyWork() {
        long tasks = rows("tasks");
        Api.Response task = api.post("/api/v1/tasks", "{\"title\": \"a\\u0000b\"}");
        assertThat(task.status()).isEqualTo(400);
        assertThat(task.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(task.raw().body()).contains("NUL");
        LLM.reset();
        long usage = rows("usage_records");
        Api.Response chat = api.post("/api/v1/chat", "{\"message\": \"hi\\u0000\", \"provider\": \"openai\", \"model\": \"m\"}");
        assertThat(chat.status()).isEqualTo(400);
        assertThat(LLM.requests()).as("the model was never called").isEmpty();
        assertThat(rows("usage_records")).isEqualTo(usage);
        assertThat(api.get("/api/v1/tasks?search=a%00b").status()).isEqualTo(400);
        assertThat(rows("tasks")).isEqualTo(tasks);
        Api.Response escaped = api.post("/api/v1/tasks", "{\"title\": \"a backslash \\\\u0000 is fine\"}");
        assertThat(escaped.status()).isEqualTo(201);
        assertThat(escaped.data().path("title").asString()).isEqualTo("a backslash \\u0000 is fine");
    }

    @Test
    void bodiesAreBoundStrictly() {
        for (String bad : List.of("{\"apiKey\": 12345}", "{\"apiKey\": true, \"extra\": 1}", "{\"apiKey\": [\"k\"]}")) {
            Api.Response r = api.post("/api/v1/settings/api-key/groq", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorCode()).as(bad).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(api.get("/api/v1/settings/api-key/groq").data().path("source").asString()).isNotEqualTo("stored");
        assertThat(api.post("/api/v1/settings/defaults", "{\"provider\": 123}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/settings/defaults", "{\"model\": \"m\", \"extra\": true}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/autonomy/approve/nope", "{\"grantMinutes\": \"5\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/autonomy/approve/nope", "{\"grantMinutes\": 5, \"x\": 1}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/autonomy/reject/nope", "{\"reason\": 5}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/autonomy/reject/nope", "{\"reason\": \"no\"}").status()).isEqualTo(404);
    }

    @Test
    void theFirstStoredKeyBecomesTheDefaultAndLaterKeysDoNotMoveIt() {
        jdbc.sql("DELETE FROM settings WHERE key IN ('default_ai_provider', 'api_key:groq', 'api_key:mistral')").update();
        caches.invalidateAllHere();
        try {
            api.post("/api/v1/settings/api-key/mistral", Map.of("apiKey", "mistral-key-0123456789"));
            api.post("/api/v1/settings/api-key/groq", Map.of("apiKey", "gsk-key-0123456789"));
            assertThat(api.get("/api/v1/settings/defaults").data().path("provider").asString()).isEqualTo("mistral");
        } finally {
            api.delete("/api/v1/settings/api-key/groq");
            api.delete("/api/v1/settings/api-key/mistral");
            jdbc.sql("DELETE FROM settings WHERE key = 'default_ai_provider'").update();
            caches.invalidateAllHere();
        }
    }

    @Test
    void syncedProviderIdsNeverLeaveTheCatalogDirectory() throws Exception {
        Api.Response sync = api.post("/api/v1/models/sync", "");
        api.delete("/api/v1/model-configs/sync/provider/openai");
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.raw().body()).doesNotContain("pwned");
        try (var all = Files.walk(DATA_DIR.getParent(), 3)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("pwned"))).isEmpty();
        }
        assertThat(api.delete("/api/v1/model-configs/sync/provider/..%2F..%2Fsecret").status()).isIn(400, 404);
    }

    @Test
    void everyAnswerIsJsonWhateverAcceptSays() {
        for (String path : List.of("/api/v1/tasks", "/api/v1/no-such-route", "/health")) {
            Api.Response r = api.send(HttpRequest.newBuilder(api.uri(path)).header("Accept", "application/xml").GET());
            assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).as(path).contains("json");
            assertThat(r.body().has("success")).as(path).isTrue();
        }
        Api.Response post = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks")).header("Accept", "text/html")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")));
        assertThat(post.status()).isEqualTo(201);
    }
}
