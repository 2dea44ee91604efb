package ownpilot.gateway.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The probe port ({@link ProbePort}), when there is one, serves the health probes and nothing else.
 * Two browser attacks on a gateway on localhost, refused before anything runs:
 * <ul>
 * <li>DNS rebinding: a page whose name now points at 127.0.0.1 talks to us under its own name, so
 * only known {@code Host} names are served ({@link AllowedHosts}). The liveness and readiness probes
 * are exempt: Kubernetes sends the pod's address, and they reveal nothing.</li>
 * <li>Cross-site requests: a form or a {@code text/plain} fetch from any website reaches us without a
 * CORS preflight, so a state-changing request whose {@code Origin} is neither the page's own nor an
 * {@link AllowedOrigins allowed one} (or, without {@code Origin}, whose {@code Sec-Fetch-Site} says
 * cross-site) is refused. Clients that are not browsers send neither header and pass.</li>
 * </ul>
 */
class HostAndOriginFilter implements Filter {

    private static final int MISDIRECTED_REQUEST = 421;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AllowedHosts hosts;
    private final AllowedOrigins origins;
    private final EnvelopeWriter writer;
    private final ProbePort probePort;

    HostAndOriginFilter(AllowedHosts hosts, AllowedOrigins origins, EnvelopeWriter writer, ProbePort probePort) {
        this.hosts = hosts;
        this.origins = origins;
        this.writer = writer;
        this.probePort = probePort;
    }

    /** A plain filter (checks are idempotent), sparing the request-attribute bookkeeping of a once-per-request one. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean probe = HealthProbes.is(request.getRequestURI());
        if (probePort.received(request) && !probe) {
            writer.writeError(request, response, HttpStatus.NOT_FOUND.value(), "NOT_FOUND",
                    "Only the health probes are served on the probe port");
            return;
        }
        String host = request.getServerName();
        if (!hosts.allows(host) && !probe) {
            writer.writeError(request, response, MISDIRECTED_REQUEST, "HOST_NOT_ALLOWED",
                    "Host '" + host + "' is not served here; add it to OWNPILOT_ALLOWED_HOSTS");
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request, host)) {
            String origin = request.getHeader("Origin");
            writer.writeError(request, response, HttpStatus.FORBIDDEN.value(), "FORBIDDEN",
                    "Cross-site request" + (origin == null ? "" : " from " + origin)
                            + " refused; allow its origin with OWNPILOT_CORS_ORIGINS");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request, String host) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !(sameHost(origin, host) || origins.allows(origin));
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
    }

    /** The page's own origin; ports are not compared, as a proxy in front may change them. */
    private static boolean sameHost(String origin, String host) {
        try {
            String originHost = URI.create(origin).getHost();
            return originHost != null && originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
