package ownpilot.gateway.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

class ProfileApiTest extends ApiTestBase {

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM profiles").update();
    }

    @Test
    void patchMergesByJsonMergePatchAndPutReplaces() {
        api.patch("/api/v1/profile", Map.of("basicInfo", Map.of("name", "Ada", "location", Map.of("city", "Berlin",
                "country", "Germany")), "work", Map.of("occupation", "engineer", "skills", List.of("java"))));
        JsonNode merged = api.patch("/api/v1/profile", Map.of("basicInfo", Map.of("location", Map.of("city", "Munich")),
                "work", Map.of("skills", List.of("java", "sql")))).data();
        assertThat(merged.path("basicInfo").path("name").asString()).as("untouched key kept").isEqualTo("Ada");
        assertThat(merged.path("basicInfo").path("location").path("city").asString()).isEqualTo("Munich");
        assertThat(merged.path("basicInfo").path("location").path("country").asString()).as("objects merge")
                .isEqualTo("Germany");
        assertThat(merged.path("work").path("skills").toString()).as("arrays replace").isEqualTo("[\"java\",\"sql\"]");
        JsonNode removed = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/profile"))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"basicInfo\":{\"location\":{\"country\":null}}}"))).data();
        assertThat(removed.path("basicInfo").path("location").has("country")).as("null removes").isFalse();

        JsonNode replaced = api.put("/api/v1/profile", Map.of("interests", Map.of("hobbies", List.of("chess")))).data();
        assertThat(replaced.path("basicInfo").size()).as("PUT replaces the whole profile").isZero();
        assertThat(replaced.path("lifestyle").path("hobbies").toString()).contains("chess");
        assertThat(api.put("/api/v1/profile/work", Map.of("occupation", "nurse")).data().path("data")
                .path("occupation").asString()).isEqualTo("nurse");
        assertThat(api.get("/api/v1/profile/work").data().path("data").path("occupation").asString()).isEqualTo("nurse");
    }

    @Test
    void badCategoriesAndShapesAre400() {
        assertThat(api.patch("/api/v1/profile", Map.of("secrets", Map.of())).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/profile", Map.of("work", "nurse")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/profile/nope").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/profile/work", List.of(1)).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/profile", Map.of("work", Map.of("notes", "x".repeat(17_000)))).status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/profile", "{\"work\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/profile/data", Map.of("category", "nowhere", "key", "k", "value", "v")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/profile/import", Map.of("entries", "x")).status()).isEqualTo(400);
    }

    @Test
    void theProfilePageReadsItsSectionsAndMetaAndRoundTripsAnExport() {
        Api.Response quick = api.post("/api/v1/profile/quick", Map.of("name", "Ada", "nickname", "Ace", "location",
                "Berlin", "timezone", "Europe/Berlin", "occupation", "engineer", "language", "en", "communicationStyle",
                "casual", "autonomyLevel", "medium"));
        assertThat(quick.status()).isEqualTo(200);
        JsonNode profile = quick.data().path("profile");
        assertThat(profile.path("identity").path("name").asString()).isEqualTo("Ada");
        assertThat(profile.path("location").path("home").path("city").asString()).isEqualTo("Berlin");
        assertThat(profile.path("communication").path("preferredStyle").asString()).isEqualTo("casual");
        assertThat(profile.path("aiPreferences").path("autonomyLevel").asString()).isEqualTo("medium");
        assertThat(profile.path("meta").path("completeness").asInt()).as("6 of 8").isEqualTo(75);
        api.post("/api/v1/profile/data", Map.of("category", "instructions", "key", "instruction_1", "value",
                "Answer in bullet points"));
        api.post("/api/v1/profile/data", Map.of("category", "boundaries", "key", "boundary_1", "value",
                "No medical advice"));
        JsonNode page = api.get("/api/v1/profile").data();
        assertThat(page.path("aiPreferences").path("customInstructions").toString()).contains("bullet points");
        assertThat(page.path("meta").path("totalEntries").isNumber()).isTrue();
        assertThat(page.path("work").path("occupation").asString()).isEqualTo("engineer");

        JsonNode export = api.get("/api/v1/profile/export").data();
        assertThat(export.path("entries").isArray()).isTrue();
        jdbc.sql("DELETE FROM profiles").update();
        assertThat(api.post("/api/v1/profile/import", Map.of("entries", export.path("entries"))).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/profile").data().path("identity").path("nickname").asString()).isEqualTo("Ace");

        String summary = api.get("/api/v1/profile/summary").data().path("summary").asString();
        assertThat(summary).contains("Name: Ada (goes by Ace)").contains("Lives in: Berlin")
                .contains("Instructions for you: Answer in bullet points");
    }

    @Test
    void aChatTurnCarriesTheProfileSummaryButNeverHealth() {
        useFakeOpenAi("sk-test-profile-chat-0123456789");
        api.patch("/api/v1/profile", Map.of("basicInfo", Map.of("name", "Ada"), "health",
                Map.of("condition", "asthma")));
        LLM.enqueue(new FakeLlmServer.Text(List.of("Hi Ada"), 0));
        api.post("/api/v1/chat", Map.of("message", "hello", "provider", "openai", "model", "gpt-test",
                "newConversation", true));
        String system = LLM.requests().getFirst().body().path("messages").path(0).path("content").asString();
        assertThat(system).contains("## About the user").contains("Name: Ada").doesNotContain("asthma");
    }
}
