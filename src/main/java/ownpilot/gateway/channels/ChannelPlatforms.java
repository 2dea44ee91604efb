package ownpilot.gateway.channels;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The platform adapter of each channel type. */
@Component
class ChannelPlatforms {

    private final Map<String, ChannelPlatform> byType;

    ChannelPlatforms(List<ChannelPlatform> platforms) {
        this.byType = platforms.stream().collect(Collectors.toUnmodifiableMap(ChannelPlatform::type, Function.identity()));
    }

    ChannelPlatform of(Channel channel) {
        return of(channel.type());
    }

    ChannelPlatform of(String type) {
        ChannelPlatform platform = byType.get(type);
        if (platform == null) {
            throw new IllegalStateException("No adapter for channel type " + type);
        }
        return platform;
    }
}
