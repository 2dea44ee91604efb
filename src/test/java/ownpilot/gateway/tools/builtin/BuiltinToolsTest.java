package ownpilot.gateway.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.tools.ToolFailure;

/** The pure functions behind the built-in tools. */
class BuiltinToolsTest {

    @Test
    void unitsConvertWithinADimensionOnly() {
        assertThat(UnitConverter.convert(100, "C", "F")).isEqualTo(212.0);
        assertThat(UnitConverter.convert(1, "mile", "km")).isCloseTo(1.609344, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UnitConverter.convert(1, "GiB", "MB")).isCloseTo(1073.741824, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UnitConverter.convert(0, "K", "C")).isEqualTo(-273.15);
        assertThatThrownBy(() -> UnitConverter.convert(1, "kg", "m")).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("mass");
        assertThatThrownBy(() -> UnitConverter.convert(1, "parsec", "m")).hasMessageContaining("Unknown unit");
    }

    @Test
    void textHelpers() {
        assertThat(TextTools.changeCase("hello big World", "camel")).isEqualTo("helloBigWorld");
        assertThat(TextTools.changeCase("helloBigWorld", "snake")).isEqualTo("hello_big_world");
        assertThat(TextTools.changeCase("hello world", "constant")).isEqualTo("HELLO_WORLD");
        assertThat(TextTools.slug("  Grüße, Welt! 2026 ", "-")).isEqualTo("grusse-welt-2026");
        assertThat(TextTools.truncate("The quick brown fox", 12, "…", true)).isEqualTo("The quick…");
        assertThat(TextTools.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\nccc");
        assertThat(TextTools.replace("a.b.c", ".", "-", false, true)).containsEntry("result", "a-b-c")
                .containsEntry("replacements", 2);
        assertThat(TextTools.replace("x1 y2", "([a-z])(\\d)", "$2$1", true, false)).containsEntry("result", "1x y2");
        assertThat(TextTools.stats("One two. Three!\n\nFour")).containsEntry("words", 4).containsEntry("sentences", 3)
                .containsEntry("paragraphs", 2);
        assertThat(TextTools.stripMarkdown("# Title\n**bold** and [link](http://x)")).isEqualTo("Title\nbold and link");
    }

    @Test
    void catastrophicRegexIsStopped() {
        // Unguarded, this backreference pattern takes about 50 s on 30 characters (JDK 25).
        String text = "a".repeat(30);
        assertThatThrownBy(() -> ValidationTools.regex("(\\w*)*\\1!", text, "")).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("stopped");
        assertThatThrownBy(() -> ValidationTools.regex("(unclosed", "x", "")).hasMessageContaining("Invalid");
        assertThat(ValidationTools.regex("(\\d+)", "a1 b22", "g")).containsEntry("count", 2);
    }

    @Test
    void validators() {
        assertThat(ValidationTools.email("ann@example.org")).containsEntry("valid", true);
        assertThat(ValidationTools.email("ann@@example")).containsEntry("valid", false);
        assertThat(ValidationTools.url("https://example.org:8443/a?b=1")).containsEntry("host", "example.org")
                .containsEntry("port", 8443);
        assertThat(ValidationTools.url("javascript:alert(1)")).containsEntry("valid", false);
        assertThat(ValidationTools.phone("+49 (30) 1234-5678")).containsEntry("normalized", "+493012345678");
        assertThat(ValidationTools.phone("call me")).containsEntry("valid", false);
    }

    @Test
    void csvAndJsonRoundTrip() {
        String csv = DataTools.toCsv(DataTools.parse("[{\"a\":\"x,y\",\"b\":1},{\"a\":\"say \\\"hi\\\"\",\"c\":true}]"), ',');
        assertThat(csv).isEqualTo("a,b,c\n\"x,y\",1,\n\"say \"\"hi\"\"\",,true");
        List<Object> rows = DataTools.fromCsv(csv, ',', true);
        assertThat(rows).hasSize(2);
        @SuppressWarnings("unchecked") Map<String, Object> second = (Map<String, Object>) rows.get(1);
        assertThat(second).containsEntry("a", "say \"hi\"").containsEntry("c", "true");
        assertThat(DataTools.at(DataTools.parse("{\"items\":[{\"name\":\"n\"}]}"), "items[0].name").asString())
                .isEqualTo("n");
        assertThatThrownBy(() -> DataTools.parse("{oops")).hasMessageContaining("Invalid JSON");
        assertThatThrownBy(() -> CsvCodec.parse("\"open", ',')).hasMessageContaining("Unclosed");
    }

    @Test
    void statisticsAndPercentages() {
        Map<String, Object> stats = MathTools.statistics(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertThat(stats).containsEntry("mean", "5").containsEntry("median", "4.5").containsEntry("stdDev", "2")
                .containsEntry("mode", List.of("4"));
        assertThat(MathTools.percentage("of", 15, 200)).containsEntry("result", "30");
        assertThat(MathTools.percentage("change", 80, 100)).containsEntry("result", "25");
        assertThatThrownBy(() -> MathTools.percentage("is_what_percent", 1, 0)).isInstanceOf(ToolFailure.class);
    }

    @Test
    void coloursComparisonsAndBulkReplacement() {
        assertThat(MoreTextTools.color("#3b82f6", "all")).containsEntry("rgb", "rgb(59, 130, 246)")
                .containsEntry("hsl", "hsl(217, 91%, 60%)");
        assertThat(MoreTextTools.color("rgb(255, 0, 0)", "hex")).containsEntry("hex", "#ff0000");
        assertThat(MoreTextTools.color("hsl(120, 100%, 50%)", "hex")).containsEntry("hex", "#00ff00");
        assertThatThrownBy(() -> MoreTextTools.color("rgb(300, 0, 0)", "hex")).isInstanceOf(ToolFailure.class);
        assertThat(MoreTextTools.compare("a b c\nsame", "a b d\nsame")).containsEntry("similarity", "0.6")
                .containsEntry("onlyInText1", List.of("a b c"));
        assertThat(MoreTextTools.bulkReplace("cat hat", DataTools.parse(
                "[{\"find\":\"at\",\"replace\":\"og\"},{\"find\":\"cog\",\"replace\":\"dog\"}]")))
                .containsEntry("result", "dog hog").containsEntry("replacements", 3);
        assertThat(MoreTextTools.lorem("words", 5)).isEqualTo("lorem ipsum dolor sit amet");
    }

    @Test
    void generators() {
        String password = GenerationTools.password(12, true, true, true, true);
        assertThat(password).hasSize(12).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*\\d.*");
        assertThat(GenerationTools.choose(List.of("a", "b", "c"), 3)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(Long.parseLong(GenerationTools.randomNumber(5, 5, true))).isEqualTo(5);
        assertThatThrownBy(() -> GenerationTools.randomNumber(2, 1, true)).isInstanceOf(ToolFailure.class);
        assertThat(ListTools.sort(List.of("10", "9", "100"), false, true)).containsExactly("9", "10", "100");
        assertThat(ListTools.deduplicate(List.of("A", "a", "b"), false)).containsEntry("removed", 1);
        assertThat(ListTools.table(List.of("h|1"), List.of(List.of("x")), "markdown")).contains("h\\|1");
    }
}
