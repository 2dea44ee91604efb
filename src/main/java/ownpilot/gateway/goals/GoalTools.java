package ownpilot.gateway.goals;

import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolArguments;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecutor;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The model's goal tools: create, list, update progress or status, add and complete steps, next actions. */
@Component
class GoalTools implements ToolProvider {

    private static final String CATEGORY = "goals";
    private static final String GOAL_ID = "goalId";

    private final GoalService goals;

    GoalTools(GoalService goals) {
        this.goals = goals;
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("create_goal", "Create a goal for the user, optionally under a parent goal",
                        ToolSchema.object().string("title", "The goal", true, 500)
                                .string("description", "More detail", false, 10_000)
                                .integer("priority", "1 (low) to 10 (high), default 5", false, 1, 10)
                                .string("dueDate", "YYYY-MM-DD", false, 10)
                                .string("parentId", "The parent goal's id", false, 64),
                        (caller, args) -> goals.create(caller.userId(), args)),
                tool("list_goals", "List the user's goals, active ones by default",
                        ToolSchema.object().oneOf("status", "Only goals with this status", false, Goal.STATUSES)
                                .integer("limit", "How many (default 20)", false, 1, 100),
                        (caller, args) -> goals.list(caller.userId(),
                                List.of(args.path("status").asString("active")), null, args.path("limit").asInt(20),
                                0)),
                tool("update_goal", "Change a goal's status, priority, due date or (for a goal without steps) progress",
                        ToolSchema.object().string("goalId", "The goal's id", true, 64)
                                .oneOf("status", "New status", false, Goal.STATUSES)
                                .integer("priority", "1 to 10", false, 1, 10)
                                .integer("progress", "0 to 100, for goals without steps", false, 0, 100)
                                .string("dueDate", "YYYY-MM-DD", false, 10),
                        (caller, args) -> goals.update(caller.userId(), ToolArguments.id(args, GOAL_ID),
                                ToolArguments.without(args, GOAL_ID))),
                tool("add_goal_step", "Add a step to a goal",
                        ToolSchema.object().string("goalId", "The goal's id", true, 64)
                                .string("title", "The step", true, 500)
                                .array("dependencies", "Ids of steps that must be done first", false, "string", 50),
                        (caller, args) -> goals.addSteps(caller.userId(), ToolArguments.id(args, GOAL_ID),
                                ToolArguments.without(args, GOAL_ID))),
                tool("complete_goal_step", "Mark a goal's step as completed, with an optional result",
                        ToolSchema.object().string("goalId", "The goal's id", true, 64)
                                .string("stepId", "The step's id", true, 64)
                                .string("result", "What came of it", false, 10_000),
                        (caller, args) -> goals.completeStep(caller.userId(), ToolArguments.id(args, GOAL_ID),
                                ToolArguments.id(args, "stepId"),
                                args.path("result").isString() ? args.path("result").asString() : null)),
                tool("get_next_actions", "The steps the user can work on now, most important goals first",
                        ToolSchema.object().integer("limit", "How many (default 5)", false, 1, 50),
                        (caller, args) -> goals.nextActions(caller.userId(), args.path("limit").asInt(5))));
    }



    private static ToolDefinition tool(String name, String description, ToolSchema schema, ToolExecutor executor) {
        return new ToolDefinition(name, description, schema.build(), CATEGORY, "goals", List.of("goal", "plan",
                "progress"), executor);
    }
}
