package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.Gateway;

/** {@code OWNPILOT_UI_DIR}: a built UI served from the gateway's origin, with its client-side routes. */
class UiDirIT {

    static Gateway gateway;
    static Path secret;

    @BeforeAll
    static void start() throws Exception {
        Path ui = Files.createTempDirectory("ownpilot-ui-");
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>The UI</title>");
        Files.createDirectories(ui.resolve("assets"));
        Files.writeString(ui.resolve("assets/app.js"), "console.log('ui')");
        secret = ui.getParent().resolve("ownpilot-ui-secret-" + System.nanoTime() + ".txt");
        Files.writeString(secret, "not for the web");
        gateway = Gateway.start("--ownpilot.ui-dir=" + ui);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        Files.deleteIfExists(secret);
    }

    private static Api.Response get(String path) {
        Api api = gateway.api();
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Accept", "text/html").GET());
    }

    @Test
    void filesIndexForClientRoutesAndTheApiUntouched() {
        assertThat(get("/").raw().body()).contains("<title>The UI</title>");
        assertThat(get("/assets/app.js").raw().body()).isEqualTo("console.log('ui')");
        assertThat(get("/tasks/today").raw().body()).as("a client-side route").contains("<title>The UI</title>");
        Api.Response api = get("/api/v1/no-such-route");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(get("/health/live").status()).isEqualTo(200);
        assertThat(get("/%2e%2e/" + secret.getFileName()).raw().body()).doesNotContain("not for the web");
        assertThat(get("/assets/..%2f..%2f" + secret.getFileName()).raw().body()).doesNotContain("not for the web");
    }
}
