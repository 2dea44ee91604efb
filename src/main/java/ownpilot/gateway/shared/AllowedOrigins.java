package ownpilot.gateway.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The browser origins the gateway serves, for CORS, for state-changing requests and for the
 * WebSocket alike: loopback origins on any port (a UI on a local dev server such as
 * {@code http://localhost:3000}), plus {@code OWNPILOT_CORS_ORIGINS}. A page's own origin is always
 * accepted by the callers.
 */
@Component
public class AllowedOrigins {

    static final List<String> LOOPBACK = List.of("http://localhost:[*]", "https://localhost:[*]",
            "http://127.0.0.1:[*]", "https://127.0.0.1:[*]", "http://[::1]:[*]", "https://[::1]:[*]",
            "http://localhost", "https://localhost", "http://127.0.0.1", "https://127.0.0.1", "http://[::1]",
            "https://[::1]");

    private final List<String> patterns;
    private final CorsConfiguration cors = new CorsConfiguration();

    AllowedOrigins(KernelProperties settings) {
        List<String> configured = settings.cors().allowedOrigins();
        List<String> all = new ArrayList<>(LOOPBACK);
        configured.stream().filter(StringUtils::hasText).map(String::trim).forEach(all::add);
        this.patterns = List.copyOf(all);
        cors.setAllowedOriginPatterns(patterns);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER));
        cors.setMaxAge(3600L);
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean allows(String origin) {
        return origin != null && cors.checkOrigin(origin) != null;
    }

    /** The CORS rules for these origins, as the CORS filter applies them. */
    CorsConfiguration cors() {
        return cors;
    }
}
