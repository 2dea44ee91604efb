package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;

class BookmarkApiTest extends ApiTestBase {

    private final String marker = "b" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void crudFavouritesFirstAndSearchOverUrl() {
        Api.Response plain = api.post("/api/v1/bookmarks", Map.of("url", "https://example.org/" + marker,
                "title", "Plain " + marker, "category", marker));
        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.data().path("isFavorite").asBoolean()).isFalse();
        assertThat(plain.data().path("visitCount").asInt()).isZero();
        String fav = api.post("/api/v1/bookmarks", Map.of("url", "https://docs.example.org/x", "title",
                "Fav " + marker, "category", marker, "isFavorite", true)).data().path("id").asString();

        assertThat(TaskApiTest.titles(api.get("/api/v1/bookmarks?category=" + marker)))
                .containsExactly("Fav " + marker, "Plain " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/bookmarks?category=" + marker + "&favorite=true")))
                .containsExactly("Fav " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/bookmarks?search=example.org/" + marker)))
                .containsExactly("Plain " + marker);

        Api.Response patched = api.patch("/api/v1/bookmarks/" + fav, Map.of("isFavorite", false, "title", "Now"));
        assertThat(patched.data().path("isFavorite").asBoolean()).isFalse();
        assertThat(patched.data().path("url").asString()).isEqualTo("https://docs.example.org/x");
        assertThat(api.patch("/api/v1/bookmarks/" + fav, Map.of("visitCount", 99)).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/bookmarks/" + fav).data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/bookmarks/" + fav).status()).isEqualTo(404);
    }

    @Test
    void urlsMustBeHttp() {
        for (String url : new String[] {"javascript:alert(1)", "file:///etc/passwd", "not a url", "ftp://x.org"}) {
            Api.Response r = api.post("/api/v1/bookmarks", Map.of("url", url, "title", "x"));
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.body().path("error").path("details").get(0).path("field").asString()).isEqualTo("url");
        }
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/bookmarks",
                Map.of("url", "https://example.org", "title", "Safe " + marker), "title", null, "bookmarks",
                () -> rows("bookmarks"));
    }
}
