package ownpilot.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before authentication: every request spends a token of its client address's bucket, so guessing
 * credentials is as slow as the limit. The address is the connection's peer (a proxy's
 * {@code X-Forwarded-For} is only trusted when the server is told to, via
 * {@code server.forward-headers-strategy}). The probes are exempt.
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter perAddress;
    private final RateLimitResponder limited;

    AddressRateLimitFilter(RateLimiter perAddress, RateLimitResponder limited) {
        this.perAddress = perAddress;
        this.limited = limited;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return OpenRoutes.isProbe(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = perAddress.secondsToWait(request.getRemoteAddr());
        if (wait > 0) {
            limited.refuse(request, response, wait, "this address");
            return;
        }
        chain.doFilter(request, response);
    }
}
