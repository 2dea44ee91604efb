package ownpilot.gateway.customtools;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;

/**
 * The two scripts of a run. The runner is evaluated first, in a fresh context: it keeps the
 * intrinsics it needs ({@code JSON.parse}, {@code JSON.stringify}, {@code Promise.prototype.then},
 * {@code Reflect.apply}) and the run's state in its closure, so tool code that replaces globals or
 * writes to the state cannot forge a result. The tool code is compiled apart, as the body of an async
 * function, and reaches nothing of the runner.
 */
final class SandboxScripts {

    static final Source RUNNER = Source.newBuilder("js", """
            (function () {
              "use strict";
              delete globalThis.Java;
              const parse = JSON.parse, stringify = JSON.stringify, then = Promise.prototype.then;
              const apply = Reflect.apply, text = String;
              return {
                start(fn, argsJson) {
                  const state = { settled: false, failed: false, value: undefined };
                  const promise = fn(parse(argsJson));
                  apply(then, promise, [
                    v => { state.settled = true; state.value = v; },
                    e => { state.settled = true; state.failed = true; state.value = e; }]);
                  return state;
                },
                serialize(v) {
                  const json = stringify(v === undefined ? null : v);
                  return json === undefined ? "null" : json;
                },
                describe(e) {
                  try {
                    const m = e !== null && typeof e === "object" && typeof e.message === "string" ? e.message : text(e);
                    return typeof m === "string" ? m : "an error without a message";
                  } catch (x) {
                    return "an error that could not be described";
                  }
                }
              };
            })()
            """, "sandbox-runner.js").cached(true).buildLiteral();

    private static final Map<String, Source> TOOLS = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Source> eldest) {
                    return size() > 256;
                }
            });

    private SandboxScripts() {}

    /** The tool code as an async function of {@code args}; recently used ones stay parsed. */
    static Source tool(String code) {
        return TOOLS.computeIfAbsent(code, c -> Source.newBuilder("js",
                "(async function (args) {\n\"use strict\";\n" + c + "\n})", "custom-tool.js").cached(true)
                .buildLiteral());
    }
}
