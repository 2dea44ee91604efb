package ownpilot.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ownpilot.gateway.shared.CurrentUser;

/**
 * After authentication: the authenticated user becomes the request's actor (user {@code default} in
 * mode {@code none}), and, when rate limiting is on, spends one token of that user's bucket.
 */
final class ActorBindingFilter extends OncePerRequestFilter {

    private final boolean singleUser;
    private final RateLimiter perUser;
    private final RateLimitResponder limited;

    ActorBindingFilter(boolean singleUser, RateLimiter perUser, RateLimitResponder limited) {
        this.singleUser = singleUser;
        this.perUser = perUser;
        this.limited = limited;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = singleUser ? CurrentUser.DEFAULT_USER : authenticatedUser();
        if (userId != null) {
            long wait = perUser == null ? 0 : perUser.secondsToWait(userId);
            if (wait > 0) {
                limited.refuse(request, response, wait, "this user");
                return;
            }
            CurrentUser.bind(request, userId);
        }
        chain.doFilter(request, response);
    }

    private static String authenticatedUser() {
        Authentication auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                ? auth.getName() : null;
    }
}
