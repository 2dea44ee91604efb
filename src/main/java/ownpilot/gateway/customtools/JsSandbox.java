package ownpilot.gateway.customtools;

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.CpuPool;
import ownpilot.gateway.tools.ToolFailure;

/**
 * Runs tool code in GraalJS, on the {@link CpuPool}. The code is the body of an async function that
 * receives {@code args} and returns a JSON-serializable value. Every run gets a fresh context sharing
 * one engine (so parsed code is reused) with no host access or class lookup, no IO, threads,
 * processes, native code, environment or polyglot access, and without the {@code Java}, {@code load}
 * and {@code print} globals. Bounded by a statement limit, a wall-clock deadline and a memory
 * budget ({@link SandboxGuard}), a cap on string length (10 M characters), and caps on script,
 * result and console size. Every way a run can end other than with a value is a {@link ToolFailure}
 * naming the real cause.
 */
@Component
class JsSandbox implements DisposableBean {

    static final int MAX_CODE_CHARS = 65_536;
    static final int MAX_RESULT_CHARS = 1_048_576;
    static final int MAX_CONSOLE_BYTES = 16_384;

    private final Engine engine;
    private final CpuPool cpu;
    private final long timeoutMs;
    private final long maxKeptBytes;
    private final long maxStatements;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("js-sandbox-watchdog").factory());

    JsSandbox(CpuPool cpu, CustomToolsProperties settings) {
        this.cpu = cpu;
        this.maxStatements = settings.maxStatements();
        this.timeoutMs = settings.timeoutMs();
        this.maxKeptBytes = settings.maxMemoryMb() * 1024 * 1024;
        this.engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    /** The value the code returned (as JSON text, {@code null} for undefined) and what it logged. */
    record Outcome(String json, String console) {}

    Outcome run(String code, String argumentsJson) {
        if (code.length() > MAX_CODE_CHARS) {
            throw new ToolFailure("Tool code is longer than " + MAX_CODE_CHARS + " characters");
        }
        return cpu.call(() -> runHere(code, argumentsJson));
    }

    private Outcome runHere(String code, String argumentsJson) {
        BoundedOutput console = new BoundedOutput(MAX_CONSOLE_BYTES);
        SandboxGuard guard = new SandboxGuard();
        Context context = context(console, guard);
        try (guard) {
            guard.watch(context, watchdog, timeoutMs, maxKeptBytes);
            Value runner = context.eval(SandboxScripts.RUNNER);
            Value tool = context.eval(SandboxScripts.tool(code));
            Value state = runner.getMember("start").execute(tool, argumentsJson);
            return outcome(runner, state, console);
        } catch (PolyglotException e) {
            throw failure(e, guard.hit(), console);
        } catch (ToolFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ToolFailure("Tool execution failed inside the sandbox", details(console));
        } finally {
            closeQuietly(context);
        }
    }

    private Context context(BoundedOutput console, SandboxGuard guard) {
        return Context.newBuilder("js").engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowExperimentalOptions(true)
                .option("js.string-length-limit", "10000000")
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .option("js.polyglot-builtin", "false")
                .option("js.java-package-globals", "false")
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(maxStatements, null)
                        .onLimit(event -> guard.statementsExceeded()).build())
                .out(console)
                .err(console)
                .build();
    }

    private Outcome outcome(Value runner, Value state, BoundedOutput console) {
        if (!state.getMember("settled").asBoolean()) {
            throw new ToolFailure("Tool code did not finish: it awaited a promise that never settles",
                    details(console));
        }
        if (state.getMember("failed").asBoolean()) {
            String message = runner.getMember("describe").execute(state.getMember("value")).asString();
            throw new ToolFailure("Tool execution failed: " + message, details(console));
        }
        String json;
        try {
            json = runner.getMember("serialize").execute(state.getMember("value")).asString();
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isResourceExhausted()) {
                throw e;
            }
            throw new ToolFailure(unserializable(e), details(console));
        }
        if (json.length() > MAX_RESULT_CHARS) {
            throw new ToolFailure(tooLarge(), details(console));
        }
        return new Outcome(json, console.text());
    }

    private static String unserializable(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Invalid string length")) {
            return tooLarge();
        }
        if (message.contains("call stack") || message.contains("nested")) {
            return "Tool result is nested too deeply to turn into JSON";
        }
        return "Tool result cannot be turned into JSON: " + message;
    }

    private static String tooLarge() {
        return "Tool result is larger than " + MAX_RESULT_CHARS + " characters";
    }

    private ToolFailure failure(PolyglotException e, SandboxGuard.Limit limit, BoundedOutput console) {
        if (limit == SandboxGuard.Limit.TIME) {
            return new ToolFailure("Tool execution timed out after " + timeoutMs + " ms", details(console));
        }
        if (limit == SandboxGuard.Limit.MEMORY) {
            return new ToolFailure("Tool execution stopped: it kept more than " + maxKeptBytes / (1024 * 1024)
                    + " MB", details(console));
        }
        if (limit == SandboxGuard.Limit.STATEMENTS) {
            return new ToolFailure("Tool execution stopped: it ran more than " + maxStatements + " statements",
                    details(console));
        }
        if (e.isResourceExhausted()) {
            return new ToolFailure("Tool execution stopped: the server ran out of memory for it", details(console));
        }
        if (e.isCancelled()) {
            return new ToolFailure("Tool execution was cancelled", details(console));
        }
        if (e.isSyntaxError()) {
            return new ToolFailure("Tool code has a syntax error: " + e.getMessage(), details(console));
        }
        if (e.isHostException() || e.isInternalError()) {
            return new ToolFailure("Tool execution failed inside the sandbox", details(console));
        }
        return new ToolFailure("Tool execution failed: " + e.getMessage(), details(console));
    }

    private static Map<String, Object> details(BoundedOutput console) {
        return console.size() == 0 ? null : Map.of("console", console.text());
    }

    private static void closeQuietly(Context context) {
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException alreadyCancelled) {
            // a limit closed it first
        }
    }

    /** Parses and runs a trivial script off the request path, so the first real call is not the slow one. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("js-sandbox-warm-up").start(() -> {
            try {
                run("return args.n + 1;", "{\"n\":1}");
            } catch (RuntimeException e) {
                // a failed warm-up only means the first call is slower
            }
        });
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
        // cancels a run still executing at shutdown instead of failing on it
        engine.close(true);
    }
}
