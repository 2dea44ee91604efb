package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;

class ContactApiTest extends ApiTestBase {

    private final String marker = "k" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void crudFavouritesFirstThenByName() {
        Api.Response zed = api.post("/api/v1/contacts", Map.of("name", "Zed " + marker, "company", marker,
                "email", "zed@example.org", "socialLinks", Map.of("github", "zed")));
        assertThat(zed.status()).isEqualTo(201);
        assertThat(zed.data().path("socialLinks").path("github").asString()).isEqualTo("zed");
        api.post("/api/v1/contacts", Map.of("name", "amy " + marker, "company", marker));
        api.post("/api/v1/contacts", Map.of("name", "Bob " + marker, "company", marker, "isFavorite", true,
                "relationship", "friend"));

        assertThat(names(api.get("/api/v1/contacts?company=" + marker)))
                .containsExactly("Bob " + marker, "amy " + marker, "Zed " + marker);
        assertThat(names(api.get("/api/v1/contacts?company=" + marker + "&favorite=true")))
                .containsExactly("Bob " + marker);
        assertThat(names(api.get("/api/v1/contacts?relationship=friend&company=" + marker)))
                .containsExactly("Bob " + marker);
        assertThat(names(api.get("/api/v1/contacts?search=zed@example"))).contains("Zed " + marker);

        String id = zed.data().path("id").asString();
        assertThat(api.patch("/api/v1/contacts/" + id, Map.of("email", "not-an-email")).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/contacts/" + id, Map.of("phone", "+49 30 1234")).data().path("phone").asString())
                .isEqualTo("+49 30 1234");
        assertThat(api.delete("/api/v1/contacts/" + id).status()).isEqualTo(200);
    }

    @Test
    void birthdaysIncludeTodayAndAreSortedBySoonest() {
        LocalDate today = LocalDate.now();
        DateTimeFormatter md = DateTimeFormatter.ofPattern("MM-dd");
        api.post("/api/v1/contacts", Map.of("name", marker + " in5", "birthday", today.plusDays(5).format(md)));
        api.post("/api/v1/contacts", Map.of("name", marker + " today", "birthday",
                today.minusYears(30).toString()));
        api.post("/api/v1/contacts", Map.of("name", marker + " later", "birthday", today.plusDays(60).format(md)));

        Api.Response r = api.get("/api/v1/contacts/birthdays?days=30");
        List<String> mine = names(r).stream().filter(n -> n.startsWith(marker)).toList();
        assertThat(mine).containsExactly(marker + " today", marker + " in5");
        assertThat(r.data().findValues("daysUntil").stream().map(n -> n.asLong()).toList()).isSorted();
        assertThat(api.post("/api/v1/contacts", Map.of("name", "x", "birthday", "13-45")).status()).isEqualTo(400);
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/contacts", Map.of("name", "Safe " + marker),
                "name", null, "contacts", () -> rows("contacts"));
        assertThat(api.post("/api/v1/contacts", Map.of("name", "x", "customFields", Map.of("a", 1))).status())
                .isEqualTo(400);
    }

    private static List<String> names(Api.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return r.data().findValuesAsString("name");
    }
}
