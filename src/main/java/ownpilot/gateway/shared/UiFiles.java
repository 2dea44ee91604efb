package ownpilot.gateway.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * {@code OWNPILOT_UI_DIR}: a built single-page UI served from the gateway's own origin. Its files are
 * served as they are; any other path outside the API ({@code /api}, {@code /ws}, {@code /health},
 * {@code /actuator}) gets its {@code index.html}, so the UI's client-side routes survive a reload.
 * Paths are resolved inside the directory only.
 */
@Component
public class UiFiles implements WebMvcConfigurer {

    private final Path root;

    UiFiles(@Value("${ownpilot.ui-dir:}") String dir) {
        this.root = StringUtils.hasText(dir) ? Path.of(dir).toAbsolutePath().normalize() : null;
        if (root != null && !Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalStateException("OWNPILOT_UI_DIR=" + root + " has no index.html: point it at the "
                    + "UI's built directory (e.g. packages/ui/dist)");
        }
    }

    public boolean enabled() {
        return root != null;
    }

    /** A path the UI serves (everything but the API, the socket, the probes and actuator). */
    public static boolean isUiPath(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws")
                || path.startsWith("/health") || path.startsWith("/actuator"));
    }

    public Optional<Resource> index() {
        return root == null ? Optional.empty() : Optional.of(new FileSystemResource(root.resolve("index.html")));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (root == null) {
            return;
        }
        registry.addResourceHandler("/**").addResourceLocations(new FileSystemResource(root.toString() + "/"))
                .resourceChain(true).addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        Resource found = super.getResource(resourcePath, location);
                        if (found != null) {
                            return found;
                        }
                        return isUiPath("/" + resourcePath) ? location.createRelative("index.html") : null;
                    }
                });
    }
}
