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

    Map<String, Object> report() {
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", overall(checks));
        out.put("version", version);
        out.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        out.put("checks", checks);
        Map<String, Object> dbInfo = new LinkedHashMap<>();
        dbInfo.put("type", "postgres");
        dbInfo.put("connected", db.connected());
        dbInfo.put("latencyMs", db.latencyMs());
        out.put("database", dbInfo);
        out.put("sandbox", sandbox(dockerReport));
        return out;
    }

    static String overall(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.status().equals("fail"))) {
            return "unhealthy";
        }
        return checks.stream().anyMatch(c -> c.status().equals("warn")) ? "degraded" : "healthy";
    }

    private Map<String, Object> sandbox(DockerReport report) {
        SandboxSettings settings = sandboxSettingsOrDefaults();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dockerAvailable", report.dockerAvailable());
        out.put("dockerVersion", report.dockerVersion());
        out.put("codeExecutionEnabled", report.dockerAvailable() && settings.enabled());
        out.put("securityMode", report.securityMode());
        return out;
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
