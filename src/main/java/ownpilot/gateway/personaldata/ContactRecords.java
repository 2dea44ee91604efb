package ownpilot.gateway.personaldata;

import static ownpilot.gateway.shared.records.FieldSpec.of;
import static ownpilot.gateway.shared.records.FieldSpec.text;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.Birthdays;
import ownpilot.gateway.shared.records.FieldFormat;
import ownpilot.gateway.shared.records.FieldType;
import ownpilot.gateway.shared.records.RecordSchema;
import ownpilot.gateway.shared.records.RecordStore;
import ownpilot.gateway.shared.records.SqlFilter;

/** Contacts: favourites first, then by name. Birthdays are {@code YYYY-MM-DD} or {@code MM-DD}. */
@Component
class ContactRecords extends PersonalRecords {

    private static final int MAX_BIRTHDAY_SCAN = 10_000;

    static final RecordSchema SCHEMA = new RecordSchema("contacts", "Contact", List.of(
            text("name", "name").asRequired().maxLength(300),
            text("nickname", "nickname").maxLength(200),
            text("email", "email").maxLength(320).format(FieldFormat.EMAIL),
            text("phone", "phone").maxLength(50),
            text("company", "company").maxLength(300),
            text("jobTitle", "job_title").maxLength(300),
            text("avatar", "avatar").maxLength(2048).format(FieldFormat.HTTP_URL),
            text("birthday", "birthday").maxLength(10).format(FieldFormat.BIRTHDAY),
            text("address", "address").maxLength(1000),
            text("notes", "notes").maxLength(10_000),
            text("relationship", "relationship").maxLength(100),
            of("tags", "tags", FieldType.STRING_LIST),
            of("isFavorite", "is_favorite", FieldType.BOOLEAN),
            text("externalId", "external_id").maxLength(500),
            text("externalSource", "external_source").maxLength(100),
            of("socialLinks", "social_links", FieldType.STRING_MAP),
            of("customFields", "custom_fields", FieldType.STRING_MAP),
            of("lastContactedAt", "last_contacted_at", FieldType.TIMESTAMP).asReadOnly()));

    private final SettingsService settings;

    ContactRecords(RecordStore store, SettingsService settings) {
        super(store, SCHEMA);
        this.settings = settings;
    }

    /** Contacts have no category; they are grouped by relationship (family, work, friend…). */
    @Override
    String categoryColumn() {
        return "relationship";
    }

    @Override
    String noun() {
        return "contact";
    }

    @Override
    String orderBy() {
        return "is_favorite DESC, lower(name) ASC, id";
    }

    @Override
    List<FilterParam> filters() {
        return List.of(
                new FilterParam("relationship", "string", "Only contacts with this relationship"),
                new FilterParam("company", "string", "Only contacts at this company"),
                new FilterParam("favorite", "boolean", "Only favourites when true"),
                new FilterParam("search", "string", "Words to find in name, nickname, email, phone or company"));
    }

    @Override
    SqlFilter filter(String userId, QueryParams params) {
        return new SqlFilter()
                .equal("relationship", params.text("relationship"))
                .equal("company", params.text("company"))
                .equal("is_favorite", params.bool("favorite"))
                .search(params.text("search"), List.of("name", "nickname", "email", "phone", "company"));
    }

    /**
     * Contacts whose next birthday is within {@code days} (default 30) days, today included, soonest
     * first, each with {@code nextBirthday} and {@code daysUntil} (the first 10,000 contacts with a
     * birthday are considered). 29 February falls on 28 February
     * in other years.
     */
    List<Map<String, Object>> upcomingBirthdays(String userId, QueryParams params) {
        int days = params.integer("days", 30, 0, 366);
        LocalDate today = LocalDate.now(settings.timeZone(userId));
        List<Map<String, Object>> result = new ArrayList<>();
        SqlFilter withBirthday = new SqlFilter().where("birthday IS NOT NULL");
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int offset = 0; offset < MAX_BIRTHDAY_SCAN; offset += Paging.MAX_LIMIT) {
            List<Map<String, Object>> page = store.list(schema, userId, withBirthday, orderBy(),
                    new Paging(Paging.MAX_LIMIT, offset));
            candidates.addAll(page);
            if (page.size() < Paging.MAX_LIMIT) {
                break;
            }
        }
        for (Map<String, Object> contact : candidates) {
            Birthdays.parse(contact.get("birthday").toString()).ifPresent(day -> {
                LocalDate next = nextOccurrence(day, today);
                long until = ChronoUnit.DAYS.between(today, next);
                if (until <= days) {
                    Map<String, Object> entry = new LinkedHashMap<>(contact);
                    entry.put("nextBirthday", next.toString());
                    entry.put("daysUntil", until);
                    result.add(entry);
                }
            });
        }
        result.sort(Comparator.comparingLong(c -> (Long) c.get("daysUntil")));
        return result;
    }

    private static LocalDate nextOccurrence(MonthDay day, LocalDate today) {
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
    }
}
