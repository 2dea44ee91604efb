package ownpilot.gateway.shared.records;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the two accepted birthday forms into the day of the year they recur on. */
public final class Birthdays {

    private static final Pattern FORM = Pattern.compile("^(?:(\\d{4})-)?(\\d{2})-(\\d{2})$");

    private Birthdays() {}

    public static Optional<MonthDay> parse(String value) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            MonthDay day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(1) != null) {
                LocalDate.of(Integer.parseInt(m.group(1)), day.getMonth(), day.getDayOfMonth());
            }
            return Optional.of(day);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
