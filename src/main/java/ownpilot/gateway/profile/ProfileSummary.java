package ownpilot.gateway.profile;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The profile as a few lines for a system prompt: one line per part that is set, lists cut to a
 * few items. The health category is never included: it stays in the profile for the user alone.
 */
final class ProfileSummary {

    private ProfileSummary() {}

    static String of(ObjectNode doc) {
        ProfileView v = ProfileView.of(doc, null);
        JsonNode work = doc.path("work");
        JsonNode talk = doc.path("communication");
        List<String> lines = new ArrayList<>();
        line(lines, "Name", join(v.identity().name(), v.identity().nickname() == null ? null
                : "(goes by " + v.identity().nickname() + ")"));
        line(lines, "Lives in", join(comma(v.location().home().city(), v.location().home().country()),
                v.location().home().timezone() == null ? null : "(time zone " + v.location().home().timezone() + ")"));
        line(lines, "Work", join(text(work, "occupation"), text(work, "company") == null ? null
                : "at " + text(work, "company"), text(work, "role") == null ? null : "(" + text(work, "role") + ")"));
        line(lines, "Skills", few(ProfileDocument.texts(work.get("skills")), 5));
        line(lines, "Languages", few(v.identity().languages(), 5));
        line(lines, "Communication", comma(text(talk, "preferredStyle"), text(talk, "verbosity") == null ? null
                : text(talk, "verbosity") + " answers", text(talk, "primaryLanguage") == null ? null
                : "in " + text(talk, "primaryLanguage")));
        line(lines, "Interests", few(v.lifestyle().hobbies(), 5));
        var food = v.lifestyle().eatingHabits();
        line(lines, "Likes to eat", few(food.favoriteFoods(), 5));
        line(lines, "Does not eat", few(food.dislikedFoods(), 5));
        line(lines, "Diet", few(food.dietaryRestrictions(), 5));
        line(lines, "Allergies", few(food.allergies(), 5));
        line(lines, "Short-term goals", few(ProfileDocument.texts(doc.path("goals").get("shortTerm")), 3));
        line(lines, "Preferred autonomy", v.aiPreferences().autonomyLevel());
        line(lines, "Instructions for you", few(v.aiPreferences().customInstructions(), 5));
        line(lines, "Boundaries", few(v.aiPreferences().boundaries(), 5));
        return String.join("\n", lines);
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }

    private static String text(JsonNode parent, String field) {
        return ProfileDocument.text(parent.get(field));
    }

    private static String join(String... parts) {
        return glue(" ", parts);
    }

    private static String comma(String... parts) {
        return glue(", ", parts);
    }

    private static String glue(String separator, String... parts) {
        List<String> set = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                set.add(p);
            }
        }
        return set.isEmpty() ? null : String.join(separator, set);
    }

    private static String few(List<String> items, int max) {
        return items.isEmpty() ? null : String.join(", ", items.subList(0, Math.min(max, items.size())));
    }
}
