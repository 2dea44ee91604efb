package ownpilot.gateway.agents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The default agent templates shipped in {@code config/agents/*.json} (packaged on the classpath). */
@Component
class AgentTemplates {

    /** A template's JSON, or why it could not be read. */
    record Template(String file, JsonNode body, String error) {}

    private final JsonMapper json;

    AgentTemplates(JsonMapper json) {
        this.json = json;
    }

    List<Template> load() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:config/agents/*.json");
        } catch (IOException e) {
            return List.of(new Template("config/agents", null, "Cannot list templates: " + e.getMessage()));
        }
        List<Template> out = new ArrayList<>();
        Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).forEach(resource -> {
            try (InputStream in = resource.getInputStream()) {
                JsonNode body = json.readTree(in);
                out.add(body.path("templateId").isString() ? new Template(resource.getFilename(), body, null)
                        : new Template(resource.getFilename(), null, "templateId is missing"));
            } catch (IOException | RuntimeException e) {
                out.add(new Template(resource.getFilename(), null, "Cannot read: " + e.getMessage()));
            }
        });
        return out;
    }
}
