package ownpilot.gateway.profile;

import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The model's profile tools: read the profile or its summary, and merge what the user told it into a category. */
@Component
class ProfileTools implements ToolProvider {

    private final ProfileService profiles;

    ProfileTools(ProfileService profiles) {
        this.profiles = profiles;
    }

    record SummaryText(String summary) {}

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("get_profile", "Read the user's profile (all categories)", ToolSchema.object().build(),
                        (caller, args) -> profiles.view(caller.userId())),
                tool("get_profile_summary", "The user's profile in a few lines", ToolSchema.object().build(),
                        (caller, args) -> new SummaryText(profiles.summary(caller.userId()))),
                tool("update_profile", "Merge what the user told you into one profile category (JSON merge patch: "
                                + "null removes a key). Categories: " + String.join(", ", ProfileDocument.CATEGORIES),
                        ToolSchema.object().oneOf("category", "The category", true, ProfileDocument.CATEGORIES)
                                .any("data", "The fields to set, e.g. {\"occupation\": \"nurse\"}", true).build(),
                        (caller, args) -> {
                            if (!args.path("data").isObject()) {
                                throw ApiException.validation("data", "must be a JSON object");
                            }
                            ObjectNode patch = JsonNodeFactory.instance.objectNode();
                            patch.set(args.path("category").asString(), args.get("data"));
                            return profiles.patch(caller.userId(), patch);
                        }));
    }

    private static ToolDefinition tool(String name, String description, ObjectNode schema,
            ownpilot.gateway.tools.ToolExecutor executor) {
        return new ToolDefinition(name, description, schema, "profile", "personalData", List.of("profile", "about me"),
                executor);
    }
}
