package ownpilot.gateway.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import ownpilot.gateway.shared.EnvelopeWriter;
import ownpilot.gateway.shared.UiFiles;

/**
 * The request's credential, per {@code OWNPILOT_AUTH}: {@code none} lets every request act as user
 * {@code default} (and {@link AuthModeGuard} allows it on loopback only); {@code api-key} and
 * {@code jwt} require a credential on every route but the probes, {@code /ws} included. No sessions,
 * no cookies, no CSRF tokens: nothing a browser sends by itself authenticates a request (cross-site
 * writes are refused earlier, by the host and origin checks).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, AuthProperties auth, AuthModeGuard guard,
            EnvelopeWriter writer, UiFiles ui) throws Exception {
        guard.check();
        EnvelopeAuthenticationEntryPoint entryPoint = new EnvelopeAuthenticationEntryPoint(writer,
                auth.mode() == AuthProperties.Mode.JWT ? "Authorization: Bearer <token>"
                        : "Authorization: Bearer <key> or X-API-Key: <key>");
        RateLimitResponder limited = new RateLimitResponder(writer);
        http.csrf(c -> c.disable()).cors(c -> c.disable()).formLogin(f -> f.disable()).httpBasic(b -> b.disable())
                .logout(l -> l.disable()).requestCache(r -> r.disable()).anonymous(a -> a.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new EnvelopeAccessDeniedHandler(writer)));
        boolean singleUser = auth.mode() == AuthProperties.Mode.NONE;
        http.authorizeHttpRequests(a -> {
            a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
            a.requestMatchers(OpenRoutes.PROBES).permitAll();
            a.requestMatchers(org.springframework.http.HttpMethod.POST, OpenRoutes.WEBHOOKS).permitAll();
            // the landing page (or the UI's index.html) tells nothing a stranger could use
            a.requestMatchers(org.springframework.http.HttpMethod.GET, "/").permitAll();
            if (ui.enabled()) {
                // the UI's files are its code, not data; its API calls still need a credential
                a.requestMatchers(r -> r.getMethod().equals("GET") && UiFiles.isUiPath(r.getRequestURI()))
                        .permitAll();
            }
            if (singleUser) {
                a.anyRequest().permitAll();
            } else {
                a.anyRequest().authenticated();
            }
        });
        if (auth.rateLimited()) {
            http.addFilterAfter(new AddressRateLimitFilter(new RateLimiter(auth.rateLimit().perAddressPerMinute()),
                    limited), SecurityContextHolderFilter.class);
        }
        switch (auth.mode()) {
            case API_KEY -> http.addFilterBefore(
                    new ApiKeyAuthenticationFilter(ApiKeys.parse(auth.apiKeys()), entryPoint), AuthorizationFilter.class);
            case JWT -> http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint)
                    .bearerTokenResolver(Credentials::bearer)
                    .jwt(j -> j.decoder(JwtDecoders.hs256(auth.jwtSecret(), auth.jwtClockSkewSeconds()))));
            case NONE -> { }
        }
        RateLimiter perUser = auth.rateLimited() ? new RateLimiter(auth.rateLimit().perUserPerMinute()) : null;
        http.addFilterBefore(new ActorBindingFilter(singleUser, perUser, limited), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * No observation per security filter: Micrometer wrapped each of the chain's filters on every
     * request (about 5 % of the CPU of a simple GET) and nothing reads those observations.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No form or basic login exists; this keeps Spring Boot from generating a user and printing its password. */
    @Bean
    UserDetailsService noLocalUsers() {
        return new InMemoryUserDetailsManager();
    }
}
