package ownpilot.gateway.tools;

import java.util.Map;

/** Human descriptions of the tool categories, for the grouped listings. */
final class ToolCategories {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("core", "Essentials: time, calculation, ids"),
            Map.entry("dateTime", "Dates, times and time zones"),
            Map.entry("conversion", "Units, encodings, hashes, JSON and CSV"),
            Map.entry("textUtils", "Text statistics, case, slugs, search and replace, JSON"),
            Map.entry("generation", "Random numbers, strings, choices and passwords"),
            Map.entry("extraction", "Pull URLs, emails and numbers out of text"),
            Map.entry("validation", "Check emails, URLs, phone numbers and regular expressions"),
            Map.entry("listOps", "Sort, de-duplicate and tabulate lists"),
            Map.entry("mathStats", "Percentages, statistics and word counts"),
            Map.entry("tasks", "Your tasks"),
            Map.entry("bookmarks", "Your bookmarks"),
            Map.entry("notes", "Your notes"),
            Map.entry("calendar", "Your calendar events"),
            Map.entry("contacts", "Your contacts"),
            Map.entry("customTools", "Write and list your own JavaScript tools"),
            Map.entry("System", "Meta-tools to find, explain and run other tools"));

    private ToolCategories() {}

    static String describe(String category) {
        return DESCRIPTIONS.getOrDefault(category, "Other tools");
    }
}
