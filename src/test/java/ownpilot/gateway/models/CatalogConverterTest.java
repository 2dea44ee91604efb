package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CatalogConverterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void convertsCapabilitiesDefaultsAndOrdering() {
        JsonNode source = JSON.readTree("""
                {"acme": {"id": "acme", "name": "Acme AI", "env": ["ACME_ENDPOINT", "ACME_API_KEY"],
                  "api": "https://api.acme.test/v1", "doc": "https://docs.acme.test",
                  "models": {
                    "old": {"name": "Old", "release_date": "2023-01-01", "tool_call": true,
                            "modalities": {"input": ["text"]}, "cost": {"input": 1, "output": 2},
                            "limit": {"context": 32000, "output": 2000}},
                    "new": {"name": "New", "release_date": "2025-06-01", "structured_output": true, "reasoning": true,
                            "modalities": {"input": ["text", "image", "audio"]}},
                    "undated": {"name": "Undated"}}},
                 "empty": {"id": "empty", "name": "Empty", "models": {}},
                 "azure": {"id": "azure", "name": "Azure", "env": ["AZURE_RESOURCE_NAME", "AZURE_API_KEY"],
                  "models": {"m": {"name": "M"}}}}""");
        Map<String, ObjectNode> out = CatalogConverter.convert(source);
        assertThat(out).containsOnlyKeys("acme", "azure");
        ObjectNode acme = out.get("acme");
        assertThat(acme.path("apiKeyEnv").asString()).isEqualTo("ACME_API_KEY");
        assertThat(acme.path("type").asString()).isEqualTo("openai-compatible");
        assertThat(acme.path("models").valueStream().map(m -> m.path("id").asString()))
                .containsExactly("new", "old", "undated");
        JsonNode newest = acme.path("models").get(0);
        assertThat(newest.path("default").asBoolean()).isTrue();
        assertThat(newest.path("capabilities").toString())
                .isEqualTo("[\"chat\",\"vision\",\"audio\",\"json_mode\",\"reasoning\",\"streaming\"]");
        assertThat(newest.path("contextWindow").asInt()).isEqualTo(8192);
        assertThat(newest.path("inputPrice").asDouble()).isZero();
        assertThat(acme.path("models").get(1).path("capabilities").toString()).contains("function_calling");
        assertThat(acme.path("models").get(1).path("default").asBoolean()).isFalse();
        assertThat(acme.path("features").path("toolUse").asBoolean()).isTrue();
        assertThat(out.get("azure").path("baseUrl").isNull()).as("no guessed endpoint").isTrue();
        assertThat(out.get("azure").path("notes").asString()).contains("per-account");
        assertThat(CatalogConverter.type("anthropic")).isEqualTo("anthropic");
    }

    /** models/ must be exactly what the generator makes from the shared models.dev snapshot. */
    @Test
    void theCommittedCatalogIsGeneratedNotHandEdited() throws Exception {
        Path snapshot = Path.of("../shared/data/models-dev.json");
        Assumptions.assumeTrue(Files.exists(snapshot), "the shared models.dev snapshot is not beside the project");
        Map<String, ObjectNode> expected = CatalogConverter.convert(JSON.readTree(snapshot.toFile()));
        try (var files = Files.list(Path.of("models"))) {
            assertThat(files.count()).isEqualTo(expected.size());
        }
        for (var e : expected.entrySet()) {
            JsonNode committed = JSON.readTree(Path.of("models", e.getKey() + ".json").toFile());
            assertThat(committed).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
