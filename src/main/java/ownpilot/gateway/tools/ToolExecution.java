package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.database.DatabaseWork;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CpuPool;
import ownpilot.gateway.shared.DomainEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs a registered tool: arguments are checked against its JSON-schema first (a refusal is the
 * caller's mistake: {@code VALIDATION_ERROR}); what goes wrong inside the tool becomes a result
 * with {@code isError: true} and a message, never an unhandled error.
 */
@Service
public class ToolExecution {

    private static final Logger log = LoggerFactory.getLogger(ToolExecution.class);

    static final String USE_TOOL = "use_tool";

    private final ToolRegistry registry;
    private final DomainEvents events;
    private final CpuPool cpu;
    private final ObjectProvider<ToolGate> gate;
    private final MeterRegistry meters;
    private final DatabaseWork work;

    ToolExecution(ToolRegistry registry, DomainEvents events, CpuPool cpu, ObjectProvider<ToolGate> gate,
            MeterRegistry meters, DatabaseWork work) {
        this.work = work;
        this.meters = meters;
        this.registry = registry;
        this.events = events;
        this.cpu = cpu;
        this.gate = gate;
    }

    /** The built-in or the user's own tool of that name; 404 {@code TOOL_NOT_FOUND} otherwise. */
    public ToolDefinition require(String userId, String name) {
        return registry.find(userId, name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "TOOL_NOT_FOUND",
                "Tool not found: " + name));
    }

    /** Checks arguments against the tool's schema; a mismatch is a {@code VALIDATION_ERROR}. */
    public void validate(ToolDefinition tool, JsonNode arguments) {
        ArgumentValidator.validate(tool.parameters(), arguments);
    }

    /**
     * Validates, then runs; throws {@link ApiException} for an unknown tool or invalid arguments.
     * {@code use_tool} is not a tool of its own here: it names the tool to run, which passes the
     * autonomy gate and is looked up, validated, run and recorded once.
     */
    public ToolResult execute(String name, Actor caller, JsonNode arguments) {
        ToolDefinition tool = require(caller.userId(), name);
        JsonNode args = orEmpty(arguments);
        ArgumentValidator.validate(tool.parameters(), args);
        return name.equals(USE_TOOL) ? gated(caller, args.path("tool_name").asString(), args.get("arguments"), null)
                : run(tool, caller, args);
    }

    /**
     * Runs a tool through the autonomy gate, as {@code use_tool} would for the assistant: a background
     * caller (a trigger, a plan step) gets the verdict in the result, a parked call its approval id.
     * {@code levelCap}, when set, lowers the user's autonomy level for this call (a plan's own level).
     */
    public ToolResult executeGated(String name, Actor caller, JsonNode arguments, Integer levelCap) {
        return gated(caller, name, arguments == null ? JsonNodeFactory.instance.objectNode() : arguments, levelCap);
    }

    private ToolResult gated(Actor caller, String name, JsonNode args, Integer levelCap) {
        if (name.equals(USE_TOOL)) {
            return new ToolResult(USE_TOOL, "use_tool cannot run itself; name the tool to run", true, 0);
        }
        if (args == null || !args.isObject()) {
            return new ToolResult(name, "arguments must be a JSON object", true, 0);
        }
        ToolDefinition tool;
        try {
            tool = require(caller.userId(), name);
            ArgumentValidator.validate(tool.parameters(), args);
        } catch (ApiException e) {
            // the assistant's mistake about the inner tool: an answer it can correct, not a failed request
            return new ToolResult(name, e.getMessage(), true, 0);
        }
        ToolGate.Decision decision = gate.getObject().decide(caller, tool, args, levelCap);
        if (!decision.verdict().runs()) {
            boolean refused = decision.verdict().decision() == GateVerdict.Decision.blocked;
            return new ToolResult(name, decision.answer(), refused, 0, null, decision.verdict());
        }
        return run(tool, caller, args).gated(decision.verdict());
    }

    private ToolResult run(ToolDefinition tool, Actor caller, JsonNode args) {
        String name = tool.name();
        long started = System.nanoTime();
        Object result;
        Map<String, Object> metadata = null;
        boolean isError = false;
        try {
            result = run(tool.executor(), caller, args);
            if (result instanceof ToolOutput output) {
                result = output.value();
                metadata = output.metadata();
            }
        } catch (ToolFailure e) {
            result = e.getMessage();
            metadata = e.metadata();
            isError = true;
        } catch (ApiException e) {
            result = e.getMessage();
            isError = true;
        } catch (RuntimeException e) {
            log.warn("Tool {} failed", name, e);
            result = "Tool " + name + " failed unexpectedly (" + e.getClass().getSimpleName() + ")";
            isError = true;
        }
        long duration = (System.nanoTime() - started) / 1_000_000;
        // tagged by category and source, not by name: custom tools would make the name unbounded
        meters.timer("ownpilot.tool.runs", "category", tool.category(), "source", tool.source(), "outcome",
                isError ? "error" : "success").record(java.time.Duration.ofMillis(duration));
        ToolExecuted executed = new ToolExecuted(name, tool.category(), tool.source(), caller, isError, duration,
                isError ? String.valueOf(result) : null);
        work.run(() -> events.publish(executed));
        return new ToolResult(name, result, isError, duration, metadata);
    }

    private static JsonNode orEmpty(JsonNode arguments) {
        return arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? JsonNodeFactory.instance.objectNode() : arguments;
    }

    private Object run(ToolExecutor executor, Actor caller, JsonNode args) {
        return executor instanceof CpuBound bound ? cpu.call(() -> bound.execute(caller, args))
                : executor.execute(caller, args);
    }
}
