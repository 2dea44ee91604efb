package ownpilot.gateway.shared;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration implements WebMvcConfigurer {

    private final String[] corsOrigins;

    SharedConfiguration(@Value("${ownpilot.cors.allowed-origins:}") String[] corsOrigins) {
        this.corsOrigins = corsOrigins;
    }

    @Bean
    DataDirectory dataDirectory(@Value("${ownpilot.data-dir:}") String configured) {
        return StringUtils.hasText(configured)
                ? new DataDirectory(Path.of(configured), false)
                : new DataDirectory(DataDirectory.defaultRoot(), true);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        String[] origins = java.util.Arrays.stream(corsOrigins).filter(StringUtils::hasText).map(String::trim)
                .toArray(String[]::new);
        if (origins.length == 0) {
            return;
        }
        registry.addMapping("/**")
                .allowedOriginPatterns(origins)
                .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                .allowedHeaders("*")
                .exposedHeaders(RequestIdFilter.HEADER)
                .maxAge(3600);
    }
}
