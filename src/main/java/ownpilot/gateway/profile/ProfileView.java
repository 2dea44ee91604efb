package ownpilot.gateway.profile;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /profile}: the spec's seven categories as stored, and beside them the sections the web
 * UI's Profile page reads ({@code identity}, {@code location}, {@code lifestyle}, {@code aiPreferences},
 * {@code meta}), derived from the categories. {@code communication}, {@code work} and {@code goals}
 * are the categories themselves: their keys are the UI's.
 */
record ProfileView(JsonNode basicInfo, JsonNode preferences, JsonNode communication, JsonNode work,
        JsonNode interests, JsonNode health, JsonNode goals, Identity identity, Location location, Lifestyle lifestyle,
        AiPreferences aiPreferences, Meta meta) {

    record Identity(String name, String nickname, String age, String birthday, String gender, String nationality,
            List<String> languages) {}

    record Home(String city, String country, String timezone) {}

    record Location(Home home) {}

    record EatingHabits(List<String> favoriteFoods, List<String> dislikedFoods, List<String> dietaryRestrictions,
            List<String> allergies) {}

    record Lifestyle(List<String> hobbies, EatingHabits eatingHabits) {}

    record AiPreferences(String autonomyLevel, String proactivity, List<String> customInstructions,
            List<String> boundaries) {}

    /** {@code completeness}: the percentage of eight things a profile usually says (see {@link #completeness}). */
    record Meta(int completeness, int totalEntries, String lastUpdated) {}

    static ProfileView of(ObjectNode doc, String lastUpdated) {
        JsonNode basic = doc.path("basicInfo");
        JsonNode where = basic.path("location");
        JsonNode food = doc.path("preferences").path("food");
        JsonNode ai = doc.path("preferences").path("ai");
        Identity identity = new Identity(t(basic, "name"), t(basic, "nickname"), t(basic, "age"), t(basic, "birthday"),
                t(basic, "gender"), t(basic, "nationality"), ProfileDocument.texts(basic.get("languages")));
        Location location = new Location(new Home(t(where, "city"), t(where, "country"), t(where, "timezone")));
        Lifestyle lifestyle = new Lifestyle(ProfileDocument.texts(doc.path("interests").get("hobbies")),
                new EatingHabits(ProfileDocument.texts(food.get("favorite")), ProfileDocument.texts(food.get("disliked")),
                        ProfileDocument.texts(food.get("dietaryRestrictions")),
                        ProfileDocument.texts(food.get("allergies"))));
        AiPreferences aiPreferences = new AiPreferences(t(ai, "autonomyLevel"), t(ai, "proactivity"),
                ProfileDocument.texts(ai.get("customInstructions")), ProfileDocument.texts(ai.get("boundaries")));
        int entries = ProfileDocument.CATEGORIES.stream().mapToInt(c -> ProfileDocument.entries(doc.get(c))).sum();
        return new ProfileView(doc.get("basicInfo"), doc.get("preferences"), doc.get("communication"), doc.get("work"),
                doc.get("interests"), doc.get("health"), doc.get("goals"), identity, location, lifestyle, aiPreferences,
                new Meta(completeness(doc, identity, location, lifestyle, aiPreferences), entries, lastUpdated));
    }

    /** Eight checks, 12.5 % each: name, home city, occupation, a hobby, style, language, a short-term goal, autonomy. */
    private static int completeness(ObjectNode doc, Identity identity, Location location, Lifestyle lifestyle,
            AiPreferences ai) {
        boolean[] checks = {identity.name() != null, location.home().city() != null,
                t(doc.path("work"), "occupation") != null, !lifestyle.hobbies().isEmpty(),
                t(doc.path("communication"), "preferredStyle") != null,
                t(doc.path("communication"), "primaryLanguage") != null,
                !ProfileDocument.texts(doc.path("goals").get("shortTerm")).isEmpty(), ai.autonomyLevel() != null};
        int set = 0;
        for (boolean c : checks) {
            set += c ? 1 : 0;
        }
        return (int) Math.round(100.0 * set / checks.length);
    }

    private static String t(JsonNode parent, String field) {
        return ProfileDocument.text(parent.get(field));
    }
}
