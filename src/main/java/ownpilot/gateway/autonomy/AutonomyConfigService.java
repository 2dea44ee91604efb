package ownpilot.gateway.autonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Stores each user's {@link AutonomyConfig} and applies validated partial updates. */
@Service
public class AutonomyConfigService {

    private static final Set<String> LISTS = Set.of("allowedTools", "blockedTools", "allowedCategories",
            "blockedCategories", "confirmationRequired");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
    private static final int MAX_LIST = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AutonomyConfigService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public AutonomyConfig current(String userId) {
        ObjectNode merged = json.valueToTree(AutonomyConfig.defaults());
        jdbc.sql("SELECT config::text FROM autonomy_config WHERE user_id = :user").param("user", userId)
                .query(String.class).optional()
                .ifPresent(stored -> merged.setAll((ObjectNode) json.readTree(stored)));
        return json.treeToValue(merged, AutonomyConfig.class);
    }

    public AutonomyConfig update(String userId, JsonNode patch) {
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw ApiException.badRequest("The body must be a JSON object with at least one setting");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : patch.propertyNames()) {
            String problem = check(field, patch.get(field));
            if (problem != null) {
                problems.add(new FieldProblem(field, problem));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        ObjectNode merged = json.valueToTree(current(userId));
        merged.setAll((ObjectNode) patch);
        save(userId, merged);
        return current(userId);
    }

    public AutonomyConfig reset(String userId) {
        jdbc.sql("DELETE FROM autonomy_config WHERE user_id = :user").param("user", userId).update();
        return current(userId);
    }

    private void save(String userId, JsonNode config) {
        jdbc.sql("""
                INSERT INTO autonomy_config (user_id, config, updated_at) VALUES (:user, CAST(:config AS jsonb), now())
                ON CONFLICT (user_id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()""")
                .param("user", userId).param("config", config.toString()).update();
    }

    private static String check(String field, JsonNode value) {
        if (field.equals("level")) {
            return value.isIntegralNumber() && value.intValue() >= 0 && value.intValue() <= 3
                    ? null : "must be 0 (Manual), 1 (Supervised), 2 (Guided) or 3 (Autonomous)";
        }
        if (field.equals("dailyBudget") || field.equals("maxCostPerAction")) {
            return value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 100_000
                    ? null : "must be an amount in USD from 0 (no limit) to 100000";
        }
        if (field.equals("notificationThreshold")) {
            return value.isIntegralNumber() && value.intValue() >= 1 && value.intValue() <= 100
                    ? null : "must be a whole percentage from 1 to 100";
        }
        if (field.equals("approvalTtlSeconds")) {
            return value.isIntegralNumber() && value.intValue() >= 10 && value.intValue() <= 86_400
                    ? null : "must be a whole number of seconds from 10 to 86400";
        }
        if (!LISTS.contains(field)) {
            return "is not an autonomy setting";
        }
        if (!value.isArray() || value.size() > MAX_LIST) {
            return "must be an array of at most " + MAX_LIST + " names";
        }
        for (JsonNode item : value) {
            if (!item.isString() || !NAME.matcher(item.stringValue()).matches()) {
                return "must contain only tool or category names";
            }
        }
        return null;
    }
}
