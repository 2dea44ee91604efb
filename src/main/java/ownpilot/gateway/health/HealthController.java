package ownpilot.gateway.health;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;

/** Health, Kubernetes probes and Docker sandbox diagnostics, mounted at /health and /api/v1/health. */
@RestController
@RequestMapping({"/health", "/api/v1/health"})
class HealthController {

    /** A probe's answer. */
    record Probe(String status) {
        static final Probe OK = new Probe("ok");
    }

    private final HealthService health;
    private final DockerProbe docker;

    HealthController(HealthService health, DockerProbe docker) {
        this.health = health;
        this.docker = docker;
    }

    record Message(String message) {}

    record PullResults(Map<String, DockerProbe.Pulled> images) {}

    @GetMapping
    HealthService.Report health() {
        return health.report();
    }

    @GetMapping("/live")
    Probe live() {
        return Probe.OK;
    }

    @GetMapping("/ready")
    Probe ready() {
        List<String> problems = health.readinessProblems();
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "Not ready: " + String.join("; ", problems), problems);
        }
        return Probe.OK;
    }

    @GetMapping("/sandbox")
    DockerReport sandbox(@RequestParam(defaultValue = "false") boolean refresh) {
        return docker.report(refresh);
    }

    @PostMapping("/sandbox/reset")
    Message reset() {
        docker.reset();
        return new Message("Sandbox detection cache cleared; the next check re-detects Docker");
    }

    @PostMapping("/sandbox/pull-images")
    PullResults pullImages() {
        return new PullResults(docker.pull(health.sandboxImages()));
    }
}
