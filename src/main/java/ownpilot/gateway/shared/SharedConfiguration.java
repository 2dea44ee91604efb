package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SharedConfiguration {

    @Bean
    DataDirectory dataDirectory(KernelProperties settings) {
        return DataDirectory.of(settings.dataDir());
    }

    /** CORS for the allowed origins (loopback on any port, plus the configured ones). */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(EnvelopeWriter writer, AllowedOrigins origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", origins.cors());
        CorsFilter filter = new CorsFilter(source) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                // only browsers' cross-origin requests carry Origin; the rest skip the path matching
                return request.getHeader("Origin") == null;
            }
        };
        filter.setCorsProcessor(new EnvelopeCorsProcessor(writer));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Host names and cross-site requests, checked right after the request id is set. */
    @Bean
    FilterRegistrationBean<HostAndOriginFilter> hostAndOriginFilter(AllowedHosts hosts, AllowedOrigins origins,
            EnvelopeWriter writer, ProbePort probePort) {
        FilterRegistrationBean<HostAndOriginFilter> registration = new FilterRegistrationBean<>(
                new HostAndOriginFilter(hosts, origins, writer, probePort));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Every answer is JSON (or the event stream a streaming route produces), whatever {@code Accept}
     * says: a client asking for XML gets the JSON envelope rather than an empty 406.
     */
    @Bean
    WebMvcConfigurer jsonWhateverTheAcceptHeader() {
        return new WebMvcConfigurer() {
            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
                configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
            }
        };
    }

    /** Spring's handler lookup, reading the request's method once per request (see the class). */
    @Bean
    WebMvcRegistrations methodCachingHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new MethodCachingHandlerMapping();
            }
        };
    }

    /** An encoded '/' in a path reaches the router (and its validation) instead of Tomcat's HTML error page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashes() {
        return factory -> factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling("passthrough"));
    }
}
