package ownpilot.gateway.health;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import ownpilot.gateway.shared.UiFiles;

/**
 * {@code GET /}: what this is, its version, and where to go next, as a small page for a browser and
 * as the JSON envelope for anything else. (With {@code OWNPILOT_UI_DIR} the UI's own page is served
 * at {@code /} instead.) The links use the address the request came to, never a fixed one.
 */
@RestController
class LandingController {

    record Landing(String name, String version, String description, Map<String, String> links, String ui) {}

    private final String version;
    private final UiFiles ui;

    LandingController(ObjectProvider<BuildProperties> build, UiFiles ui) {
        this.ui = ui;
        BuildProperties props = build.getIfAvailable();
        this.version = props != null ? props.getVersion() : "dev";
    }

    /** A small page for a browser, the {@link Landing} envelope for every other client. */
    @GetMapping("/")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Landing.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/html",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
    Object landing(HttpServletRequest request) {
        if (ui.enabled()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(ui.index().orElseThrow());
        }
        String base = base(request);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("health", base + "/health");
        links.put("readiness", base + "/health/ready");
        links.put("api", base + "/api/v1");
        links.put("apiDocument", base + "/v3/api-docs");
        links.put("apiBrowser", base + "/swagger-ui/index.html");
        links.put("metrics", base + "/actuator/prometheus");
        links.put("liveEvents", base.replaceFirst("^http", "ws") + "/ws");
        Landing landing = new Landing("OwnPilot Gateway", version,
                "A self-hosted personal AI assistant gateway: chat with many LLM providers, agents, tools, "
                        + "personal data, costs and budgets, behind one HTTP API.", links,
                "Point the OwnPilot web UI at " + base + " (its dev server proxies /api and /ws there), or build "
                        + "it and start the gateway with OWNPILOT_UI_DIR=<its dist directory>.");
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return landing;
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(landing));
    }

    private static String base(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host != null && !host.isBlank() ? host
                : request.getServerName() + ":" + request.getServerPort());
    }

    private static String html(Landing l) {
        StringBuilder links = new StringBuilder();
        l.links().forEach((name, url) -> links.append("<li>").append(HtmlUtils.htmlEscape(name)).append(": <a href=\"")
                .append(HtmlUtils.htmlEscape(url)).append("\">").append(HtmlUtils.htmlEscape(url)).append("</a></li>"));
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>OwnPilot Gateway</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:42em;margin:2em auto\"><h1>OwnPilot Gateway</h1>"
                + "<p>Version " + HtmlUtils.htmlEscape(l.version()) + ". " + HtmlUtils.htmlEscape(l.description())
                + "</p><ul>" + links + "</ul><p>" + HtmlUtils.htmlEscape(l.ui()) + "</p></body></html>";
    }
}
