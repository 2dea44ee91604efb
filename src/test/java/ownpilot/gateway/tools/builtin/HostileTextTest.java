package ownpilot.gateway.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The text tools on 100,000 characters built to make a backtracking regex retry from every
 * position. The quadratic versions took more than a minute on each; the timeout only keeps a
 * regression from hanging the build (the speed itself is measured by bench/tools.sh).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTextTest {

    private static final int N = 100_000;

    @Test
    void textStatsCountsWithoutRescanning() {
        assertThat(TextTools.stats("a".repeat(N))).containsEntry("sentences", 1).containsEntry("words", 1);
        assertThat(TextTools.stats("\n".repeat(N))).containsEntry("paragraphs", 0).containsEntry("lines", N + 1);
        assertThat(TextTools.stats("a. ".repeat(N / 3))).containsEntry("sentences", N / 3);
        assertThat(TextTools.stats("Hi!! Ok?  And. end")).containsEntry("sentences", 4);
        assertThat(TextTools.stats("a\n \nb\n\n\nc\nd")).containsEntry("paragraphs", 3);
    }

    @Test
    void extractEmailsFindsWhatThePatternFound() {
        assertThat(extract("a".repeat(N))).isEmpty();
        assertThat(extract("a@".repeat(N / 2))).isEmpty();
        assertThat(extract("a@b.".repeat(N / 4))).isEmpty();
        assertThat(extract("x@y@b.com, mail me: Jo.Doe+x@Example.co.uk. or a@b.c and q@w.io.x"))
                .containsExactly("y@b.com", "Jo.Doe+x@Example.co.uk", "q@w.io");
    }

    @Test
    void stripMarkdownIsLinear() {
        assertThat(TextTools.stripMarkdown("![".repeat(N / 2))).isEqualTo("![".repeat(N / 2));
        assertThat(TextTools.stripMarkdown("[".repeat(N))).hasSize(N);
        assertThat(TextTools.stripMarkdown("\n".repeat(N))).isEmpty();
        assertThat(TextTools.stripMarkdown("```".repeat(N / 3))).hasSizeLessThan(4);
        assertThat(TextTools.stripMarkdown("](".repeat(N / 2))).hasSize(N);
        assertThat(TextTools.stripMarkdown("- a\n  * b\n> quote\n## H\n![alt](i.png) [t](u) `c` _e_ __s__"))
                .isEqualTo("a\nb\nquote\nH\nalt t c e s");
    }

    @Test
    void slugTrimsLongSeparatorRuns() {
        assertThat(TextTools.slug("x" + "a".repeat(N) + "x", "a")).startsWith("x").endsWith("x");
        assertThat(TextTools.slug("--Hello--World--", "-")).isEqualTo("hello-world");
    }

    private static List<String> extract(String text) {
        return TextScans.emails(text, 10_000);
    }
}
