package ownpilot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Docker build packages the same jar as Maven: every directory pom.xml packages as resources
 * must be copied into the image's build stage (the image once shipped a jar with no catalog).
 */
class PackagingTest {

    @Test
    void theDockerfileCopiesEveryPackagedResourceDirectory() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher resources = Pattern.compile("<resource>\\s*(?:<!--.*?-->\\s*)?<directory>([^<]+)</directory>",
                Pattern.DOTALL).matcher(pom);
        int found = 0;
        while (resources.find()) {
            String dir = resources.group(1).trim();
            String top = dir.contains("/") ? dir.substring(0, dir.indexOf('/')) : dir;
            assertThat(dockerfile).as("Dockerfile copies " + top).containsPattern("(?m)^COPY " + top + "\\b");
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
        assertThat(Files.list(Path.of("models")).filter(p -> p.toString().endsWith(".json")).count())
                .isGreaterThan(10);
        assertThat(Files.list(Path.of("config/agents")).count()).isPositive();
    }
}
