package ownpilot.gateway.personaldata;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.CurrentUser;

/**
 * {@code GET /api/v1/summary}: the counts the web UI's side panel shows on every page (and its
 * Dashboard), in one round trip: tasks by state, pinned notes, today's and upcoming events,
 * contacts, favourite bookmarks. "Today" is the user's day in their time zone; upcoming is the next
 * seven days.
 */
@RestController
class SummaryController {

    record Tasks(long total, long pending, long overdue, long dueToday, long completed) {}

    record Notes(long total, long pinned) {}

    record Calendar(long total, long today, long upcoming) {}

    record Contacts(long total) {}

    record Bookmarks(long total, long favorites) {}

    record Summary(Tasks tasks, Notes notes, Calendar calendar, Contacts contacts, Bookmarks bookmarks) {}

    private final JdbcClient jdbc;
    private final SettingsService settings;
    private final CurrentUser user;

    SummaryController(JdbcClient jdbc, SettingsService settings, CurrentUser user) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.user = user;
    }

    @GetMapping("/api/v1/summary")
    Summary summary() {
        String userId = user.id();
        ZoneId zone = settings.timeZone(userId);
        LocalDate today = LocalDate.now(zone);
        OffsetDateTime dayStart = today.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime dayEnd = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> row = jdbc.sql("""
                SELECT
                  (SELECT count(*) FROM tasks WHERE user_id = :user) AS tasks,
                  (SELECT count(*) FROM tasks WHERE user_id = :user AND status IN ('pending', 'in_progress'))
                      AS pending,
                  (SELECT count(*) FROM tasks WHERE user_id = :user AND status IN ('pending', 'in_progress')
                      AND due_date < :today) AS overdue,
                  (SELECT count(*) FROM tasks WHERE user_id = :user AND status IN ('pending', 'in_progress')
                      AND due_date = :today) AS due_today,
                  (SELECT count(*) FROM tasks WHERE user_id = :user AND status = 'completed') AS completed,
                  (SELECT count(*) FROM notes WHERE user_id = :user) AS notes,
                  (SELECT count(*) FROM notes WHERE user_id = :user AND is_pinned) AS pinned,
                  (SELECT count(*) FROM calendar_events WHERE user_id = :user) AS events,
                  (SELECT count(*) FROM calendar_events WHERE user_id = :user AND start_time < :day_end
                      AND coalesce(end_time, start_time) >= :day_start) AS events_today,
                  (SELECT count(*) FROM calendar_events WHERE user_id = :user AND start_time >= :now
                      AND start_time < :week_end) AS upcoming,
                  (SELECT count(*) FROM contacts WHERE user_id = :user) AS contacts,
                  (SELECT count(*) FROM bookmarks WHERE user_id = :user) AS bookmarks,
                  (SELECT count(*) FROM bookmarks WHERE user_id = :user AND is_favorite) AS favorites""")
                .param("user", userId).param("today", today).param("day_start", dayStart).param("day_end", dayEnd)
                .param("now", now).param("week_end", now.plusDays(7)).query().singleRow();
        return new Summary(
                new Tasks(n(row, "tasks"), n(row, "pending"), n(row, "overdue"), n(row, "due_today"),
                        n(row, "completed")),
                new Notes(n(row, "notes"), n(row, "pinned")),
                new Calendar(n(row, "events"), n(row, "events_today"), n(row, "upcoming")),
                new Contacts(n(row, "contacts")),
                new Bookmarks(n(row, "bookmarks"), n(row, "favorites")));
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
