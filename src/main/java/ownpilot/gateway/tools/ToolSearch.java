package ownpilot.gateway.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keyword search over tool names, descriptions, categories and tags.
 *
 * <p>Scoring rule. The query is lower-cased and split into words; filler words ("a", "the", "to",
 * "my", "please"…) are dropped, and each remaining word also stands for its synonyms (add ≈ create ≈
 * new, delete ≈ remove, list ≈ show ≈ find ≈ search, get ≈ read ≈ show, update ≈ edit ≈ change). Then:
 * <ul>
 *   <li>+100 when the query, with spaces or the kept words joined by '_', is exactly the tool's name;</li>
 *   <li>+40 when the name contains that joined query;</li>
 *   <li>per query word, the best of: +12 equal to a name word (split at '_'), +8 equal to a tag,
 *       +6 contained in a name word, +5 equal to the category, +4 contained in a tag, +3 a word of
 *       the description, +1 contained in the description; a synonym counts one point less;</li>
 *   <li>−2 per name word the query does not mention, so the plainest fitting tool ranks first
 *       ({@code add_task} before {@code batch_add_tasks}).</li>
 * </ul>
 * A tool needs a positive score and at least one matching query word to be listed; ties keep the
 * registry order. The query "all" or "*" lists everything.
 */
final class ToolSearch {

    private static final Set<String> FILLER = Set.of("a", "an", "the", "to", "for", "of", "my", "me", "i", "please",
            "some", "and", "with", "in", "on", "from", "by", "it", "this", "that");
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("add", List.of("create", "new")), Map.entry("create", List.of("add", "new")),
            Map.entry("new", List.of("add", "create")), Map.entry("delete", List.of("remove")),
            Map.entry("remove", List.of("delete")), Map.entry("list", List.of("show", "search", "find")),
            Map.entry("find", List.of("search", "list")), Map.entry("search", List.of("find", "list")),
            Map.entry("show", List.of("list", "get")), Map.entry("update", List.of("edit", "change")),
            Map.entry("edit", List.of("update", "change")));

    record Hit(ToolDefinition tool, int score) {}

    private ToolSearch() {}

    static List<Hit> search(Iterable<ToolDefinition> tools, String query, String category) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(q.split("[\\s_\\-]+")).filter(w -> !w.isEmpty() && !FILLER.contains(w))
                .toList();
        boolean everything = q.equals("all") || q.equals("*");
        String asName = q.replaceAll("[\\s\\-]+", "_");
        List<Hit> hits = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            if (category != null && !category.isBlank() && !tool.category().equalsIgnoreCase(category)) {
                continue;
            }
            int score = everything ? 1 : score(tool, words, asName);
            if (score > 0) {
                hits.add(new Hit(tool, score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed());
        return hits;
    }

    private static int score(ToolDefinition tool, List<String> words, String asName) {
        if (words.isEmpty()) {
            return 0;
        }
        String name = tool.name().toLowerCase(Locale.ROOT);
        List<String> nameWords = List.of(name.split("_"));
        String joined = String.join("_", words);
        int score = name.equals(asName) || name.equals(joined) ? 100 : name.contains(joined) ? 40 : 0;
        int matched = 0;
        for (String word : words) {
            int best = wordScore(tool, nameWords, word);
            for (String synonym : SYNONYMS.getOrDefault(word, List.of())) {
                best = Math.max(best, wordScore(tool, nameWords, synonym) - 1);
            }
            if (best > 0) {
                matched++;
                score += best;
            }
        }
        for (String nameWord : nameWords) {
            boolean mentioned = words.stream().anyMatch(w -> nameWord.contains(w)
                    || SYNONYMS.getOrDefault(w, List.of()).contains(nameWord));
            if (!mentioned) {
                score -= 2;
            }
        }
        return matched == 0 ? 0 : Math.max(score, 1);
    }

    private static int wordScore(ToolDefinition tool, List<String> nameWords, String word) {
        String description = tool.description().toLowerCase(Locale.ROOT);
        if (nameWords.contains(word)) {
            return 12;
        }
        if (tool.tags().stream().anyMatch(t -> t.equalsIgnoreCase(word))) {
            return 8;
        }
        if (nameWords.stream().anyMatch(n -> n.contains(word))) {
            return 6;
        }
        if (tool.category().equalsIgnoreCase(word)) {
            return 5;
        }
        if (tool.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(word))) {
            return 4;
        }
        if (Arrays.asList(description.split("[^a-z0-9]+")).contains(word)) {
            return 3;
        }
        return description.contains(word) ? 1 : 0;
    }
}
