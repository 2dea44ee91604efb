package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;

class NoteApiTest extends ApiTestBase {

    private final String marker = "n" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void crudPinnedFirstAndArchivedHidden() {
        Api.Response created = api.post("/api/v1/notes", Map.of("title", "Plain " + marker, "content", "# hello",
                "category", marker));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("contentType").asString()).isEqualTo("markdown");
        api.post("/api/v1/notes", Map.of("title", "Pinned " + marker, "content", "x", "category", marker,
                "isPinned", true, "color", "#ff0000"));
        String archived = api.post("/api/v1/notes", Map.of("title", "Old " + marker, "content", "x",
                "category", marker, "isArchived", true)).data().path("id").asString();

        assertThat(TaskApiTest.titles(api.get("/api/v1/notes?category=" + marker)))
                .containsExactly("Pinned " + marker, "Plain " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/notes?category=" + marker + "&archived=true")))
                .containsExactly("Old " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/notes?category=" + marker + "&pinned=true")))
                .containsExactly("Pinned " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/notes?search=hello%20" + marker)))
                .containsExactly("Plain " + marker);

        api.patch("/api/v1/notes/" + archived, Map.of("isArchived", false));
        assertThat(TaskApiTest.titles(api.get("/api/v1/notes?category=" + marker))).hasSize(3);
        assertThat(api.delete("/api/v1/notes/" + archived).status()).isEqualTo(200);
    }

    @Test
    void contentTypeAndColourAreChecked() {
        assertThat(api.post("/api/v1/notes", Map.of("title", "t", "content", "c", "contentType", "pdf")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/notes", Map.of("title", "t", "content", "c", "color", "red")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/notes", Map.of("title", "t")).errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/notes", Map.of("title", "Safe", "content", "c"),
                "content", "contentType", "notes", () -> rows("notes"));
    }
}
