package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;

class CalendarApiTest extends ApiTestBase {

    private final String marker = "c" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void crudOrderedByStartWithRangeFilters() {
        Api.Response late = api.post("/api/v1/calendar", Map.of("title", "Late " + marker, "category", marker,
                "startTime", "2031-05-02T15:00:00+02:00", "endTime", "2031-05-02T16:00:00+02:00",
                "attendees", List.of("ann@example.org")));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.data().path("startTime").asString()).isEqualTo("2031-05-02T13:00:00Z");
        assertThat(late.data().path("timezone").asString()).isEqualTo("UTC");
        api.post("/api/v1/calendar", Map.of("title", "Early " + marker, "category", marker,
                "startTime", "2031-05-01T09:00:00Z", "location", "Room " + marker));

        assertThat(TaskApiTest.titles(api.get("/api/v1/calendar?category=" + marker)))
                .containsExactly("Early " + marker, "Late " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/calendar?category=" + marker
                + "&startAfter=2031-05-02T00:00:00Z"))).containsExactly("Late " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/calendar?category=" + marker
                + "&startBefore=2031-05-01T09:00:00Z"))).containsExactly("Early " + marker);
        assertThat(TaskApiTest.titles(api.get("/api/v1/calendar?search=room%20" + marker)))
                .containsExactly("Early " + marker);
        assertThat(api.get("/api/v1/calendar?startAfter=yesterday").errorCode()).isEqualTo("VALIDATION_ERROR");

        String id = late.data().path("id").asString();
        Api.Response backwards = api.patch("/api/v1/calendar/" + id, Map.of("endTime", "2031-05-01T00:00:00Z"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("error").path("details").get(0).path("field").asString()).isEqualTo("endTime");
        assertThat(api.patch("/api/v1/calendar/" + id, Map.of("timezone", "Nowhere/City")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/calendar/" + id).status()).isEqualTo(200);
    }

    @Test
    void todayAndUpcomingViews() {
        Instant now = Instant.now();
        api.post("/api/v1/calendar", Map.of("title", marker + " soon", "startTime",
                now.plus(2, ChronoUnit.DAYS).toString()));
        api.post("/api/v1/calendar", Map.of("title", marker + " far", "startTime",
                now.plus(20, ChronoUnit.DAYS).toString()));
        api.post("/api/v1/calendar", Map.of("title", marker + " running", "startTime",
                now.minus(1, ChronoUnit.MINUTES).toString(), "endTime", now.plus(1, ChronoUnit.MINUTES).toString()));

        assertThat(mine(api.get("/api/v1/calendar/upcoming"))).containsExactly(marker + " soon");
        assertThat(mine(api.get("/api/v1/calendar/upcoming?days=30"))).containsExactly(marker + " soon", marker + " far");
        assertThat(mine(api.get("/api/v1/calendar/today"))).contains(marker + " running");
        assertThat(api.get("/api/v1/calendar/upcoming?days=many").status()).isEqualTo(400);
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/calendar",
                Map.of("title", "Safe", "startTime", "2031-01-01T10:00:00Z"), "title", null, "calendar_events",
                () -> rows("calendar_events"));
        assertThat(api.post("/api/v1/calendar", Map.of("title", "t", "startTime", "2031-01-01 10:00")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/calendar", Map.of("title", "t", "startTime", "2031-01-01T10:00:00Z",
                "reminderMinutes", -5)).status()).isEqualTo(400);
    }

    private List<String> mine(Api.Response r) {
        return TaskApiTest.titles(r).stream().filter(t -> t.startsWith(marker)).toList();
    }
}
