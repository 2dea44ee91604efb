package ownpilot.gateway.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** Catastrophic regexes stop at their deadline and never keep the probes from answering. */
class CpuIsolationApiTest extends ApiTestBase {

    private static final java.util.concurrent.Executor VIRTUAL =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private static final Map<String, Object> CATASTROPHIC = Map.of("arguments",
            Map.of("pattern", "((a+)+)+b", "text", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));

    @Test
    void aBacktrackingRegexOnAShortInputStopsAtItsDeadline() {
        Api.Response r = api.post("/api/v1/tools/test_regex/execute", CATASTROPHIC);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("isError").asBoolean()).isTrue();
        assertThat(r.data().path("result").asString()).contains("took longer than 1000 ms");
        Api.Response replace = api.post("/api/v1/tools/search_replace/execute", Map.of("arguments", Map.of(
                "text", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "search", "((a+)+)+b", "replace", "x", "regex", true)));
        assertThat(replace.data().path("result").asString()).contains("took longer than 1000 ms");
    }

    @Test
    void probesAndOtherRequestsAnswerWhileRegexesBurnTheCpuPool() {
        List<CompletableFuture<Api.Response>> burning = IntStream.range(0, 3).mapToObj(i ->
                CompletableFuture.supplyAsync(() -> new Api(port).post("/api/v1/tools/test_regex/execute",
                        CATASTROPHIC), VIRTUAL)).toList();
        while (burning.stream().allMatch(f -> !f.isDone()) && !anyStarted()) {
            Thread.onSpinWait();
        }
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tasks").status()).isEqualTo(200);
        assertThat(burning.stream().anyMatch(f -> !f.isDone()))
                .as("the probes answered while the regexes were still running").isTrue();
        for (var run : burning) {
            Api.Response r = run.join();
            assertThat(r.data().path("isError").asBoolean()).as(r.raw().body()).isTrue();
        }
    }

    /** True once a pool thread is busy (a thread named cpu-N is running). */
    private static boolean anyStarted() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("cpu-") && t.getState() == Thread.State.RUNNABLE);
    }
}
