package ownpilot.gateway.health;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.SandboxSettings;
import ownpilot.gateway.settings.SandboxSettingsService;
import ownpilot.gateway.shared.CurrentUser;

/**
 * Builds the health report. Rule: {@code unhealthy} when the database check fails (nothing can be
 * served); {@code degraded} when any other check warns (e.g. no Docker engine); else {@code healthy}.
 */
@Service
class HealthService {

    record Check(String name, String status, String message) {}

    private final DatabaseProbe database;
    private final DockerProbe docker;
    private final SandboxSettingsService sandboxSettings;
    private final CurrentUser user;
    private final String version;

    HealthService(DatabaseProbe database, DockerProbe docker, SandboxSettingsService sandboxSettings,
            CurrentUser user, ObjectProvider<BuildProperties> build) {
        this.database = database;
        this.docker = docker;
        this.sandboxSettings = sandboxSettings;
        this.user = user;
        BuildProperties props = build.getIfAvailable();
        this.version = props != null ? props.getVersion() : "dev";
    }

    record DatabaseInfo(String type, boolean connected, Long latencyMs) {}

    record SandboxInfo(boolean dockerAvailable, String dockerVersion, boolean codeExecutionEnabled,
            String securityMode) {}

    /** {@code GET /health}: overall status, version, uptime in seconds, the checks, database and sandbox. */
    record Report(String status, String version, double uptime, List<Check> checks, DatabaseInfo database,
            SandboxInfo sandbox) {}

    Report report() {
        DatabaseProbe.Result db = database.ping();
        DockerReport dockerReport = docker.report(false);
        List<Check> checks = List.of(
                new Check("core", "pass", "Core module loaded"),
                db.connected()
                        ? new Check("database", "pass", "POSTGRES connected (" + db.latencyMs() + " ms)")
                        : new Check("database", "fail", db.error()),
                dockerReport.dockerAvailable()
                        ? new Check("docker", "pass", "Docker available (v" + dockerReport.dockerVersion() + ")")
                        : new Check("docker", "warn", "Docker unavailable: code execution sandbox disabled"));
        return new Report(overall(checks), version, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                checks, new DatabaseInfo("postgres", db.connected(), db.latencyMs()), sandbox(dockerReport));
    }

    static String overall(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.status().equals("fail"))) {
            return "unhealthy";
        }
        return checks.stream().anyMatch(c -> c.status().equals("warn")) ? "degraded" : "healthy";
    }

    private SandboxInfo sandbox(DockerReport report) {
        SandboxSettings settings = sandboxSettingsOrDefaults();
        return new SandboxInfo(report.dockerAvailable(), report.dockerVersion(),
                report.dockerAvailable() && settings.enabled(), report.securityMode());
    }

    /** Ready when the database answers and every migration is applied; lists what is missing otherwise. */
    List<String> readinessProblems() {
        DatabaseProbe.Result db = database.ping();
        if (!db.connected()) {
            return List.of(db.error());
        }
        return database.migrationsComplete() ? List.of() : List.of("Database migrations are not complete");
    }

    /** Health must answer while the database is down, so settings fall back to their defaults then. */
    SandboxSettings sandboxSettingsOrDefaults() {
        try {
            return sandboxSettings.current(user.id());
        } catch (DataAccessException e) {
            return SandboxSettings.defaults();
        }
    }

    Map<String, String> sandboxImages() {
        SandboxSettings settings = sandboxSettingsOrDefaults();
        Map<String, String> images = new LinkedHashMap<>();
        images.put("python", settings.pythonImage());
        images.put("javascript", settings.nodeImage());
        images.put("shell", settings.shellImage());
        return images;
    }
}
