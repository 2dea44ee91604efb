package ownpilot.gateway.customtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** Tool code cannot forge or break the sandbox's result handling: every way it ends is an isError result. */
class SandboxResultsApiTest extends ApiTestBase {

    private static final java.util.concurrent.Executor VIRTUAL =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void codeThatTampersWithTheWrapperOrGlobalsEndsAsIsError() {
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("__out.value = 42; await new Promise(() => {});", "__out is not defined");
        attempts.put("__out.error = {a: 1}; await new Promise(() => {});", "__out is not defined");
        attempts.put("await new Promise(() => {});", "never settles");
        attempts.put("return 10n;", "cannot be turned into JSON");
        attempts.put("let v = 1; for (let i = 0; i < 100000; i++) { v = [v]; } return v;", "nested too deeply");
        attempts.put("return 'z'.repeat(9999999);", "larger than");
        attempts.put("const o = {}; o.self = o; return o;", "cannot be turned into JSON");
        attempts.put("throw {toString() { throw new Error('no'); }};", "could not be described");
        DryRuns.assertEachFails(api, attempts);
    }

    @Test
    void replacedIntrinsicsDoNotChangeTheResult() {
        Api.Response stringify = test("JSON.stringify = () => 12345; return 1;");
        assertThat(stringify.data().path("isError").asBoolean()).as(stringify.raw().body()).isFalse();
        assertThat(stringify.data().path("result").asInt()).isEqualTo(1);
        Api.Response notJson = test("JSON.stringify = () => 'not json {'; return {a: 2};");
        assertThat(notJson.data().path("result").path("a").asInt()).as(notJson.raw().body()).isEqualTo(2);
        Api.Response then = test("Promise.prototype.then = function () { return 7; }; return 3;");
        assertThat(then.data().path("result").asInt()).as(then.raw().body()).isEqualTo(3);
        Api.Response nested = test("let v = 1; for (let i = 0; i < 150; i++) { v = [v]; } return v;");
        assertThat(nested.data().path("isError").asBoolean()).as(nested.raw().body()).isFalse();
        Api.Response deep = test("let v = 1; for (let i = 0; i < 499; i++) { v = [v]; } return v;");
        assertThat(deep.status()).as(deep.raw().body()).isEqualTo(200);
        assertThat(deep.data().path("result").asString()).contains("nested deeper than 200 levels");
    }

    @Test
    void concurrentRunawayScriptsLeaveTheProbesAnswering() {
        var runs = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> test("const a = []; while (true) { a.push(new Float64Array(5e6)); }"), VIRTUAL)).toList();
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        for (var run : runs) {
            Api.Response r = run.join();
            assertThat(r.status()).as(r.raw().body()).isIn(200, 429);
            if (r.status() == 200) {
                // stopped by a limit: memory, or the deadline when the arrays of the runs that ended
                // before it were being reclaimed meanwhile, which hides its growth from the heap-wide
                // memory watch (a single run's memory limit is asserted in CustomToolsApiTest)
                assertThat(r.data().path("result").asString()).as(r.raw().body())
                        .containsAnyOf("kept more than", "timed out after");
                assertThat(r.data().path("isError").asBoolean()).isTrue();
            } else {
                assertThat(r.errorCode()).isEqualTo("BUSY");
            }
        }
    }

    private Api.Response test(String code) {
        return DryRuns.test(api, code, Map.of());
    }
}
