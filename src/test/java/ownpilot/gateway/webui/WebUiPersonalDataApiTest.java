package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** The web UI's personal-data pages and Data Browser: summary counts, toggles, full-record saves. */
class WebUiPersonalDataApiTest extends ApiTestBase {

    @Test
    void theSidePanelSummaryHasEveryObjectWithNumbers() {
        api.post("/api/v1/notes", Map.of("title", "pinned one", "content", "x", "isPinned", true));
        JsonNode summary = api.get("/api/v1/summary").data();
        for (String group : new String[] {"tasks", "notes", "calendar", "contacts", "bookmarks"}) {
            assertThat(summary.path(group).isObject()).as(group).isTrue();
            assertThat(summary.path(group).path("total").isNumber()).as(group).isTrue();
        }
        assertThat(summary.path("tasks").path("dueToday").isNumber()).isTrue();
        assertThat(summary.path("notes").path("pinned").asLong()).isPositive();
        assertThat(summary.path("bookmarks").path("favorites").isNumber()).isTrue();
    }

    @Test
    void togglesFlipFavouritesAndPinsAndCompleteTasks() {
        String note = api.post("/api/v1/notes", Map.of("title", "to pin", "content", "c")).data().path("id")
                .asString();
        assertThat(api.post("/api/v1/notes/" + note + "/pin", "").data().path("isPinned").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/notes/" + note + "/pin", "").data().path("isPinned").asBoolean()).isFalse();
        String bookmark = api.post("/api/v1/bookmarks", Map.of("url", "https://example.org/t", "title", "t"))
                .data().path("id").asString();
        assertThat(api.post("/api/v1/bookmarks/" + bookmark + "/favorite", "").data().path("isFavorite")
                .asBoolean()).isTrue();
        String contact = api.post("/api/v1/contacts", Map.of("name", "Toggle")).data().path("id").asString();
        assertThat(api.post("/api/v1/contacts/" + contact + "/favorite", "").data().path("isFavorite")
                .asBoolean()).isTrue();
        assertThat(api.post("/api/v1/contacts/nope/favorite", "").status()).isEqualTo(404);
    }

    @Test
    void theDataBrowserSavesTheWholeRecordItReceived() {
        JsonNode task = api.post("/api/v1/tasks", Map.of("title", "Browse me")).data();
        Map<String, Object> edited = new LinkedHashMap<>();
        task.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                edited.put(e.getKey(), e.getValue());
            }
        });
        edited.put("title", "Browsed");
        Api.Response saved = api.put("/api/v1/tasks/" + task.path("id").asString(), edited);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.data().path("title").asString()).isEqualTo("Browsed");
        assertThat(saved.data().path("createdAt").asString()).isEqualTo(task.path("createdAt").asString());
        assertThat(api.put("/api/v1/tasks/" + task.path("id").asString(), Map.of("id", "x", "bogus", 1)).status())
                .isEqualTo(400);
    }

    @Test
    void theTasksPageAsksForPendingOrInProgressWithARepeatedStatus() {
        String marker = "rep-" + UUID.randomUUID();
        api.post("/api/v1/tasks", Map.of("title", marker + " a", "status", "pending"));
        api.post("/api/v1/tasks", Map.of("title", marker + " b", "status", "in_progress"));
        api.post("/api/v1/tasks", Map.of("title", marker + " c", "status", "completed"));
        JsonNode open = api.get("/api/v1/tasks?status=pending&status=in_progress&search=" + marker + "&limit=100")
                .data();
        assertThat(open.toString()).contains(marker + " a", marker + " b").doesNotContain(marker + " c");
        assertThat(api.get("/api/v1/tasks?status=pending&status=lost").status()).isEqualTo(400);
    }
}
