package ownpilot.gateway.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.DockerStatus;
import ownpilot.gateway.settings.SandboxSettings;
import ownpilot.gateway.settings.SandboxSettingsService;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.ApiException;

/**
 * Talks to the Docker engine at {@code ownpilot.docker.host} with short timeouts, caches what it
 * finds (version, security options, which allowed images are present) for
 * {@code ownpilot.docker.cache-seconds}, and pulls sandbox images.
 */
@Component
class DockerProbe implements DockerStatus {

    private static final Logger log = LoggerFactory.getLogger(DockerProbe.class);
    private static final long PULL_TIMEOUT_MINUTES = 10;

    private final SandboxSettingsService sandboxSettings;
    private final CurrentUser user;
    private final String host;
    private final Duration timeout;
    private final Duration cacheFor;
    private volatile DockerReport cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    DockerProbe(DockerProperties settings, SandboxSettingsService sandboxSettings, CurrentUser user) {
        String host = settings.host();
        long timeoutMs = settings.timeoutMs();
        long cacheSeconds = settings.cacheSeconds();
        this.sandboxSettings = sandboxSettings;
        this.user = user;
        this.host = host;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.cacheFor = Duration.ofSeconds(cacheSeconds);
    }

    /** The cached report, re-detected when asked to or when it is older than the cache period. */
    DockerReport report(boolean refresh) {
        DockerReport current = cached;
        if (refresh || current == null || cachedAt.plus(cacheFor).isBefore(Instant.now())) {
            current = detect(allowedImages());
            cached = current;
            cachedAt = Instant.now();
        }
        return current;
    }

    private List<String> allowedImages() {
        try {
            return sandboxSettings.current(user.id()).allowedImages();
        } catch (DataAccessException e) {
            return SandboxSettings.defaults().allowedImages();
        }
    }

    void reset() {
        cached = null;
        cachedAt = Instant.EPOCH;
    }

    @Override
    public boolean dockerAvailable() {
        return report(false).dockerAvailable();
    }

    @Override
    public Optional<String> dockerVersion() {
        return Optional.ofNullable(report(false).dockerVersion());
    }

    private DockerReport detect(List<String> images) {
        String now = Instant.now().toString();
        try (DockerClient client = client(timeout)) {
            Version version = client.versionCmd().exec();
            Info info = client.infoCmd().exec();
            List<String> security = Objects.requireNonNullElse(info.getSecurityOptions(), List.of());
            boolean seccomp = security.stream().anyMatch(s -> s.contains("seccomp"));
            boolean rootless = security.stream().anyMatch(s -> s.contains("rootless"));
            List<Image> local = client.listImagesCmd().exec();
            Map<String, Boolean> available = new LinkedHashMap<>();
            images.forEach(image -> available.put(image, local.stream()
                    .anyMatch(i -> i.getRepoTags() != null && List.of(i.getRepoTags()).contains(image))));
            return new DockerReport(true, version.getVersion(), version.getApiVersion(), seccomp, rootless,
                    available, now, null);
        } catch (Exception e) {
            log.debug("Docker not available at {}: {}", host, e.toString());
            return new DockerReport(false, null, null, false, false, Map.of(), now,
                    "No Docker engine answered at " + host);
        }
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Pulled(String image, boolean success, String error) {}

    /** Pulls each image; the result per image says whether it worked. 503 when no engine answers. */
    Map<String, Pulled> pull(Map<String, String> imagesByLanguage) {
        if (!report(true).dockerAvailable()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "DOCKER_UNAVAILABLE",
                    "No Docker engine answered at " + host + "; cannot pull images");
        }
        Map<String, Pulled> results = new LinkedHashMap<>();
        try (DockerClient client = client(Duration.ofMinutes(PULL_TIMEOUT_MINUTES))) {
            imagesByLanguage.forEach((language, image) -> results.put(language, pullOne(client, image)));
        } catch (IOException e) {
            log.debug("Closing the Docker client failed", e);
        }
        reset();
        return results;
    }

    private static Pulled pullOne(DockerClient client, String image) {
        try {
            boolean done = client.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            return new Pulled(image, done, done ? null : "Timed out after " + PULL_TIMEOUT_MINUTES + " min");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pulled(image, false, "Interrupted");
        } catch (RuntimeException e) {
            return new Pulled(image, false, String.valueOf(e.getMessage()));
        }
    }

    private DockerClient client(Duration responseTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(timeout)
                .responseTimeout(responseTimeout)
                .maxConnections(4)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
