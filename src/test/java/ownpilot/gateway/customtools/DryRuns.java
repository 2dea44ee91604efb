package ownpilot.gateway.customtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import ownpilot.gateway.support.Api;

/** Dry runs of tool code through {@code POST /custom-tools/test}. */
final class DryRuns {

    private DryRuns() {}

    static Api.Response test(Api api, String code, Map<String, Object> arguments) {
        return api.post("/api/v1/custom-tools/test", Map.of("parameters", Map.of("type", "object"), "code", code,
                "testArguments", arguments));
    }

    /** Each code ends as a 200 with an {@code isError} result containing its expected text; the gateway stays live. */
    static void assertEachFails(Api api, Map<String, String> codeToMessage) {
        for (var attempt : codeToMessage.entrySet()) {
            Api.Response r = test(api, attempt.getKey(), Map.of());
            assertThat(r.status()).as(attempt.getKey() + " → " + r.raw().body()).isEqualTo(200);
            assertThat(r.data().path("isError").asBoolean()).as(attempt.getKey()).isTrue();
            assertThat(r.data().path("result").asString()).as(attempt.getKey()).containsIgnoringCase(attempt.getValue());
            assertThat(api.get("/health/live").status()).isEqualTo(200);
        }
    }
}
