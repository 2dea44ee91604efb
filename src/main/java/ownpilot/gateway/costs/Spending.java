package ownpilot.gateway.costs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.SettingsService;

/** What a user has spent on model calls today (their time zone), and when "today" ends. */
@Service
public class Spending {

    private final UsageRepository usage;
    private final SettingsService settings;

    Spending(UsageRepository usage, SettingsService settings) {
        this.usage = usage;
        this.settings = settings;
    }

    public double today(String userId) {
        return usage.spent(userId, Periods.start("day", settings.timeZone(userId)));
    }

    /** The next midnight in the user's time zone, when {@link #today} starts again from zero. */
    public OffsetDateTime nextReset(String userId) {
        ZoneId zone = settings.timeZone(userId);
        return LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
