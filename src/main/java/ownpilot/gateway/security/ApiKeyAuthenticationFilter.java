package ownpilot.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auth mode {@code api-key}: the key from {@code Authorization: Bearer} or {@code X-API-Key} names
 * the user. A wrong key is refused at once with 401; no key goes on unauthenticated, and the
 * authorization rules refuse it unless the route is open (the probes).
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final int MAX_KEY = 512;

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = Credentials.apiKey(request);
        if (key != null) {
            Optional<String> user = key.length() <= MAX_KEY ? keys.userFor(key) : Optional.empty();
            if (user.isEmpty()) {
                entryPoint.commence(request, response, new BadCredentialsException("Invalid API key"));
                return;
            }
            var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, List.of()));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
        }
        chain.doFilter(request, response);
    }
}
