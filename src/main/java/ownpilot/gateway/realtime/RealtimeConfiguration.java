package ownpilot.gateway.realtime;

import org.springframework.context.annotation.Bean;
import ownpilot.gateway.shared.AllowedOrigins;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The live-events WebSocket at {@code /ws}. Browsers may connect from the gateway's own origin and
 * from the {@link AllowedOrigins} (loopback on any port, plus the configured ones); clients that send
 * no {@code Origin} (curl, scripts) are accepted.
 */
@Configuration
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final LiveEvents events;
    private final AllowedOrigins origins;

    RealtimeConfiguration(LiveEvents events, AllowedOrigins origins) {
        this.events = events;
        this.origins = origins;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(events, "/ws").addInterceptors(new UserHandshake()).setAllowedOriginPatterns(origins.patterns().toArray(String[]::new));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        return container;
    }
}
