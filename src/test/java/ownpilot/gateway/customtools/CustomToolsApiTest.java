package ownpilot.gateway.customtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class CustomToolsApiTest extends ApiTestBase {

    private final String name = "ct_" + UUID.randomUUID().toString().substring(0, 8);

    private static final Map<String, Object> PHONE_SCHEMA = Map.of("type", "object",
            "properties", Map.of("phone", Map.of("type", "string"), "countryCode", Map.of("type", "string")),
            "required", List.of("phone"));
    private static final String PHONE_CODE = "console.log('formatting', args.phone);\n"
            + "return `${args.countryCode ?? '+1'}${args.phone.replace(/\\D/g, '')}`;";

    private Api.Response create(String toolName, String createdBy) {
        return api.post("/api/v1/custom-tools", Map.of("name", toolName, "description", "Format a phone number",
                "parameters", PHONE_SCHEMA, "code", PHONE_CODE, "createdBy", createdBy));
    }

    @Test
    void aUserToolIsActiveRunsInTheSandboxAndJoinsTheRegistry() {
        Api.Response created = create(name, "user");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("status").asString()).isEqualTo("active");
        assertThat(created.data().path("version").asInt()).isEqualTo(1);
        String id = created.data().path("id").asString();

        Api.Response run = api.post("/api/v1/custom-tools/" + id + "/execute",
                Map.of("arguments", Map.of("phone", "(555) 123-4567", "countryCode", "+49")));
        assertThat(run.data().path("result").asString()).isEqualTo("+495551234567");
        assertThat(run.data().path("isError").asBoolean()).isFalse();
        assertThat(run.data().path("metadata").path("console").asString()).contains("formatting (555) 123-4567");

        Api.Response viaTools = api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of("phone", "1")));
        assertThat(viaTools.data().path("result").asString()).isEqualTo("+11");
        assertThat(api.get("/api/v1/tools/" + name).data().path("source").asString()).isEqualTo("custom");
        assertThat(api.get("/api/v1/tools").data().valueStream().map(t -> t.path("name").asString()))
                .contains(name);
        assertThat(api.get("/api/v1/custom-tools/active/definitions").data().path("tools").findValuesAsString("name"))
                .contains(name);
        assertThat(api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of())).status())
                .as("schema-validated like any tool").isEqualTo(400);
        assertThat(api.get("/api/v1/custom-tools/" + id).data().path("usageCount").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/custom-tools/stats").data().path("totalUsage").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(create(name, "user").status()).isEqualTo(409);
        assertThat(create("calculate", "user").status()).as("cannot shadow a built-in").isEqualTo(409);
        assertThat(api.delete("/api/v1/custom-tools/" + id).data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/tools/" + name).status()).isEqualTo(404);
    }

    @Test
    void modelWrittenToolsWaitForApproval() {
        Api.Response created = create(name, "llm");
        String id = created.data().path("id").asString();
        assertThat(created.data().path("status").asString()).isEqualTo("pending_approval");
        assertThat(created.data().path("requiresApproval").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/custom-tools/pending").data().path("tools").findValuesAsString("name")).contains(name);
        assertThat(api.post("/api/v1/custom-tools/" + id + "/enable", "").status()).as("no bypass").isEqualTo(409);
        assertThat(api.post("/api/v1/custom-tools/" + id + "/disable", "").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/custom-tools/" + id + "/execute", Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/tools/" + name).status()).as("not in the registry yet").isEqualTo(404);

        assertThat(api.post("/api/v1/custom-tools/" + id + "/approve", "").data().path("status").asString())
                .isEqualTo("active");
        assertThat(api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of("phone", "2")))
                .data().path("result").asString()).isEqualTo("+12");

        Api.Response changed = api.patch("/api/v1/custom-tools/" + id, Map.of("code", "return 'v2:' + args.phone;"));
        assertThat(changed.data().path("version").asInt()).isEqualTo(2);
        assertThat(changed.data().path("status").asString()).as("changed code is reviewed again")
                .isEqualTo("pending_approval");
        assertThat(api.post("/api/v1/custom-tools/" + id + "/reject", "").data().path("status").asString())
                .isEqualTo("rejected");
        assertThat(api.post("/api/v1/custom-tools/" + id + "/approve", "").status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/custom-tools/" + id, Map.of("name", "renamed")).status()).isEqualTo(400);
    }

    @Test
    void theModelCanWriteToolsButTheyWaitForTheUser() {
        Api.Response written = api.post("/api/v1/tools/create_tool/execute", Map.of("arguments", Map.of(
                "name", name, "description", "Doubles a number",
                "parameters", Map.of("type", "object", "properties", Map.of("n", Map.of("type", "number"))),
                "code", "return args.n * 2;")));
        assertThat(written.data().path("isError").asBoolean()).isFalse();
        assertThat(written.data().path("result").path("status").asString()).isEqualTo("pending_approval");
        assertThat(api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of("n", 2))).status())
                .isEqualTo(404);
        Api.Response listed = api.post("/api/v1/tools/list_custom_tools/execute",
                Map.of("arguments", Map.of("status", "pending_approval")));
        assertThat(listed.data().path("result").findValuesAsString("name")).contains(name);
        String id = written.data().path("result").path("id").asString();
        api.post("/api/v1/custom-tools/" + id + "/approve", "");
        assertThat(api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of("n", 2)))
                .data().path("result").asInt()).isEqualTo(4);
        Api.Response unsafe = api.post("/api/v1/tools/create_tool/execute", Map.of("arguments", Map.of(
                "name", name + "_x", "description", "d", "parameters", Map.of("type", "object"),
                "code", "return require('child_process');")));
        assertThat(unsafe.data().path("isError").asBoolean()).isTrue();
        assertThat(unsafe.data().path("result").asString()).contains("code");
    }

    @Test
    void disableAndEnableAUserTool() {
        String id = create(name, "user").data().path("id").asString();
        assertThat(api.post("/api/v1/custom-tools/" + id + "/disable", "").data().path("status").asString())
                .isEqualTo("disabled");
        assertThat(api.get("/api/v1/tools/" + name).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/custom-tools?status=disabled").data().path("tools").findValuesAsString("name"))
                .contains(name);
        assertThat(api.post("/api/v1/custom-tools/" + id + "/enable", "").data().path("status").asString())
                .isEqualTo("active");
        assertThat(api.get("/api/v1/custom-tools?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void creationIsValidated() {
        long before = rows("custom_tools");
        Map<String, Object> base = Map.of("name", name, "description", "d", "parameters", PHONE_SCHEMA, "code",
                "return 1;");
        for (var bad : List.of(
                with(base, "name", "Bad-Name"), with(base, "name", "9lives"), with(base, "code", "require('fs')"),
                with(base, "code", "process.exit(1)"), with(base, "code", "return globalThis.x"),
                with(base, "code", "return Java.type('java.lang.System')"), with(base, "code", "x".repeat(70_000)),
                with(base, "parameters", Map.of("type", "string")),
                with(base, "parameters", Map.of("type", "object", "required", List.of("missing"))),
                with(base, "permissions", List.of("root")), with(base, "createdBy", "robot"),
                with(base, "surprise", true))) {
            Api.Response r = api.post("/api/v1/custom-tools", bad);
            assertThat(r.status()).as(String.valueOf(bad).substring(0, Math.min(80, String.valueOf(bad).length())))
                    .isEqualTo(400);
        }
        assertThat(api.post("/api/v1/custom-tools", "{broken").status()).isEqualTo(400);
        assertThat(rows("custom_tools")).isEqualTo(before);
        assertThat(api.get("/api/v1/custom-tools/ctool_missing").status()).isEqualTo(404);
    }

    @Test
    void dryRunsReportResultsAndConsoleWithoutSaving() {
        long before = rows("custom_tools");
        Api.Response ok = test("console.log('dry'); return {sum: args.a + args.b};", Map.of("a", 2, "b", 3));
        assertThat(ok.data().path("result").path("sum").asInt()).isEqualTo(5);
        assertThat(ok.data().path("testMode").asBoolean()).isTrue();
        assertThat(ok.data().path("metadata").path("console").asString()).contains("dry");
        Api.Response awaited = test("const v = await Promise.resolve(41); return v + 1;", Map.of());
        assertThat(awaited.data().path("result").asInt()).isEqualTo(42);
        assertThat(rows("custom_tools")).isEqualTo(before);
    }

    @Test
    void sandboxEscapesAndAbuseEndInClearErrors() {
        Map<String, String> attempts = new java.util.LinkedHashMap<>();
        attempts.put("while (true) {}", "ran more than 1000000 statements");
        attempts.put("for (;;) { Math.sqrt(2); }", "ran more than 1000000 statements");
        attempts.put("return /^(a+)+\\1$/.test('a'.repeat(40) + 'b');", "timed out after 1000 ms");
        attempts.put("const a = []; while (true) { a.push(new Float64Array(5e6)); }", "kept more than 128 MB");
        attempts.put("return process.env.HOME;", "process is not defined");
        attempts.put("return this['Ja' + 'va'].type('java.lang.Runtime');", "Tool execution failed");
        attempts.put("const J = [][\"constructor\"][\"constructor\"]('return this')()['Ja' + 'va']; return J.type('java.io.File');",
                "Tool execution failed");
        attempts.put("return [].constructor.constructor('return process')().exit(1);", "process is not defined");
        attempts.put("return Object.getPrototypeOf(async function(){}).constructor('return req' + 'uire(\"fs\")')();",
                "require is not defined");
        attempts.put("const g = (0, [].constructor.constructor)('return this')(); return g['Poly' + 'glot']['imp' + 'ort']('x');",
                "Tool execution failed");
        attempts.put("return typeof load === 'function' ? load('/etc/passwd') : missingFunction();",
                "missingFunction is not defined");
        attempts.put("return 'x'.repeat(100 * 1024 * 1024).length;", "Invalid string length");
        attempts.put("return 'y'.repeat(2 * 1024 * 1024);", "larger than");
        attempts.put("throw new Error('custom failure');", "custom failure");
        attempts.put("return new Promise(() => {});", "did not finish");
        attempts.put("return (", "syntax");
        DryRuns.assertEachFails(api, attempts);
        Api.Response sandboxed = test("return [typeof require, typeof process, typeof Java, typeof load, typeof print,"
                + " typeof Polyglot];", Map.of());
        assertThat(sandboxed.data().path("result").valueStream().map(JsonNode::asString))
                .containsOnly("undefined");
    }

    private Api.Response test(String code, Map<String, Object> arguments) {
        return DryRuns.test(api, code, arguments);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
