package ownpilot.gateway.realtime;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The live-events WebSocket at {@code /ws}. Browsers may connect from the gateway's own origin and
 * from the CORS origins configured; clients that send no {@code Origin} (curl, scripts) are accepted.
 */
@Configuration
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final LiveEvents events;
    private final String[] origins;

    RealtimeConfiguration(LiveEvents events, @Value("${ownpilot.cors.allowed-origins:}") String[] origins) {
        this.events = events;
        this.origins = Arrays.stream(origins).map(String::trim).filter(o -> !o.isEmpty()).toArray(String[]::new);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(events, "/ws").setAllowedOrigins(origins);
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        return container;
    }
}
