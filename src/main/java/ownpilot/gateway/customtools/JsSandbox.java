package ownpilot.gateway.customtools;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolFailure;

/**
 * Runs tool code in GraalJS. The code is the body of an async function that receives {@code args}
 * and returns a JSON-serializable value. Every run gets a fresh context sharing one engine (so parsed
 * code is reused) with no host access or class lookup, no IO, threads, processes, native code,
 * environment or polyglot access, and without the {@code Java}, {@code load} and {@code print}
 * globals. Bounded by a statement limit, a wall-clock deadline that cancels the context, a cap on
 * string length (10 M characters), and caps on script, result and console size.
 */
@Component
class JsSandbox implements DisposableBean {

    static final int MAX_CODE_CHARS = 65_536;
    static final int MAX_RESULT_CHARS = 1_048_576;
    static final int MAX_CONSOLE_BYTES = 16_384;
    private static final long STATEMENT_LIMIT = 100_000_000L;

    private final Engine engine;
    private final long timeoutMs;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("js-sandbox-watchdog").factory());
    private final Map<String, Source> sources = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
            return size() > 256;
        }
    });

    JsSandbox(@org.springframework.beans.factory.annotation.Value("${ownpilot.customtools.timeout-ms:5000}")
            long timeoutMs) {
        this.timeoutMs = timeoutMs;
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
        BoundedOutput console = new BoundedOutput(MAX_CONSOLE_BYTES);
        Context context = Context.newBuilder("js").engine(engine)
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
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(STATEMENT_LIMIT, null).build())
                .out(console)
                .err(console)
                .build();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> context.close(true), timeoutMs, TimeUnit.MILLISECONDS);
        try {
            context.getBindings("js").putMember("__args", argumentsJson);
            Value out = context.eval(source(code));
            return outcome(out, console);
        } catch (PolyglotException e) {
            throw failure(e, console);
        } finally {
            deadline.cancel(false);
            closeQuietly(context);
        }
    }

    private Outcome outcome(Value out, BoundedOutput console) {
        if (out.hasMember("error") && !out.getMember("error").isNull()) {
            throw new ToolFailure("Tool execution failed: " + out.getMember("error").asString(), details(console));
        }
        if (!out.hasMember("value") || out.getMember("value").isNull()) {
            throw new ToolFailure("Tool code did not finish: await only promises that settle", details(console));
        }
        String json = out.getMember("value").asString();
        if (json.length() > MAX_RESULT_CHARS) {
            throw new ToolFailure("Tool result is larger than " + MAX_RESULT_CHARS + " characters", details(console));
        }
        return new Outcome(json, console.text());
    }

    private ToolFailure failure(PolyglotException e, BoundedOutput console) {
        if (e.isCancelled()) {
            return new ToolFailure("Tool execution timed out after " + timeoutMs + " ms", details(console));
        }
        if (e.isResourceExhausted()) {
            return new ToolFailure("Tool execution stopped: it ran more than " + STATEMENT_LIMIT + " statements",
                    details(console));
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

    /**
     * The code wrapped as an async function whose settled value is written, as JSON, to the returned
     * object. Pending promise jobs run before {@code eval} returns, so no event loop is needed.
     */
    private Source source(String code) {
        return sources.computeIfAbsent(code, c -> Source.newBuilder("js", """
                (function () {
                  delete globalThis.Java;
                  const __out = {};
                  const __input = JSON.parse(__args);
                  (async function (args) {
                    "use strict";
                %s
                  })(__input).then(
                    v => { __out.value = JSON.stringify(v === undefined ? null : v) ?? "null"; },
                    e => { __out.error = String(e && e.message ? e.message : e); });
                  return __out;
                })()
                """.formatted(c), "custom-tool.js").cached(true).buildLiteral());
    }

    private static void closeQuietly(Context context) {
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException alreadyCancelled) {
            // the deadline closed it first
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
        engine.close();
    }

    /** Keeps the first {@code limit} bytes a script prints and drops the rest. */
    private static final class BoundedOutput extends ByteArrayOutputStream {
        private final int limit;
        private boolean truncated;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (count < limit) {
                super.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, limit - count);
            super.write(b, off, Math.min(room, len));
            truncated |= len > room;
        }

        String text() {
            return toString(StandardCharsets.UTF_8) + (truncated ? "\n… (console output truncated)" : "");
        }
    }
}
