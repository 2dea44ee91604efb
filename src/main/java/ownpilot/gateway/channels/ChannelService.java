package ownpilot.gateway.channels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.agents.AgentService;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Channels: stored with their credentials sealed, connected to their platform (the bot's identity,
 * Telegram's webhook or long polling), tested, edited and removed. A connect that fails leaves the
 * channel stored in {@code error} with the platform's reason, to be fixed with an edit.
 */
@Service
class ChannelService {

    record Summary(int total, int connected, int disconnected, int connecting, int reconnecting, int error,
            Map<String, Integer> byType) {}

    record TestResult(boolean success, String status, JsonNode botInfo, String error, long latencyMs) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChannelService.class);

    private final ChannelRepository channels;
    private final ChannelSecrets secrets;
    private final ChannelPlatforms platforms;
    private final ChannelsProperties settings;
    private final AgentService agents;
    private final List<BackgroundReceiver> receivers;

    ChannelService(ChannelRepository channels, ChannelSecrets secrets, ChannelPlatforms platforms,
            ChannelsProperties settings, AgentService agents, List<BackgroundReceiver> receivers) {
        this.channels = channels;
        this.secrets = secrets;
        this.platforms = platforms;
        this.settings = settings;
        this.agents = agents;
        this.receivers = receivers;
    }

    Channel get(String userId, String id) {
        return channels.find(userId, id).orElseThrow(() -> ApiException.notFound("Channel"));
    }

    ChannelView view(Channel channel) {
        return ChannelView.of(channel, secrets.open(channel), settings);
    }

    List<ChannelView> list(String userId) {
        return channels.list(userId).stream().map(this::view).toList();
    }

    ChannelView create(String userId, JsonNode body) {
        ChannelInput.Parsed in = ChannelInput.create(body, hasPublicUrl());
        requireAgent(userId, in.agentId());
        Channel draft = new Channel(in.id(), userId, in.type(), in.name(), in.agentId(), in.config(),
                secrets.seal(in.id(), in.secrets()), "connecting", null, null, in.mode(), 0, null, null, null, null);
        if (!channels.insert(draft)) {
            throw new ApiException(HttpStatus.CONFLICT, "CHANNEL_EXISTS", "A channel with id " + in.id() + " exists");
        }
        return view(connect(get(userId, in.id())));
    }

    ChannelView update(String userId, String id, JsonNode body) {
        Channel current = get(userId, id);
        ChannelInput.Parsed in = ChannelInput.update(current, secrets.open(current), body, hasPublicUrl());
        requireAgent(userId, in.agentId());
        Channel changed = new Channel(id, userId, current.type(), in.name(), in.agentId(), in.config(),
                secrets.seal(id, in.secrets()), current.status(), current.lastError(), current.botInfo(), in.mode(),
                current.pollOffset(), current.createdAt(), current.updatedAt(), current.connectedAt(),
                current.lastActivityAt());
        channels.update(changed);
        boolean reconnect = body.has("config") || !current.mode().equals(in.mode());
        if (current.receivesInBackground() && !current.mode().equals(in.mode())) {
            receivers.forEach(r -> r.stop(id));
        }
        return view(reconnect ? connect(get(userId, id)) : get(userId, id));
    }

    /** Removes the channel and its messages; the platform is told to stop delivering where it can be (best effort). */
    void delete(String userId, String id) {
        Channel channel = get(userId, id);
        receivers.forEach(r -> r.stop(id));
        channels.delete(userId, id);
        try {
            platforms.of(channel).disconnect(channel, secrets.open(channel));
        } catch (PlatformException e) {
            log.info("Channel {} deleted; the platform was not told: {}", id, e.getMessage());
        }
    }

    Summary summary(String userId) {
        List<Channel> all = channels.list(userId);
        Map<String, Integer> byType = new LinkedHashMap<>();
        Channel.TYPES.forEach(t -> byType.put(t, 0));
        all.forEach(c -> byType.merge(c.type(), 1, Integer::sum));
        return new Summary(all.size(), count(all, "connected"), count(all, "disconnected"), count(all, "connecting"),
                count(all, "reconnecting"), count(all, "error"), byType);
    }

    /** Asks the platform who the bot is, and records the answer (or the failure) as the channel's status. */
    TestResult test(String userId, String id) {
        Channel channel = get(userId, id);
        long start = System.nanoTime();
        try {
            ObjectNode bot = platforms.of(channel).identify(secrets.open(channel));
            channels.botInfo(id, bot);
            if (!channel.status().equals("connected") && !channel.receivesInBackground()) {
                channels.status(id, "connected", null);
            }
            return new TestResult(true, get(userId, id).status(), bot, null, (System.nanoTime() - start) / 1_000_000);
        } catch (PlatformException e) {
            channels.status(id, "error", e.getMessage());
            return new TestResult(false, "error", channel.botInfo(), e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private Channel connect(Channel channel) {
        ChannelPlatform platform = platforms.of(channel);
        Map<String, String> opened = secrets.open(channel);
        channels.status(channel.id(), "connecting", null);
        try {
            channels.botInfo(channel.id(), platform.identify(opened));
            Map<String, String> before = Map.copyOf(opened);
            platform.connect(channel, opened);
            if (!before.equals(opened)) {
                channels.secrets(channel.id(), secrets.seal(channel.id(), opened));
            }
            if (channel.receivesInBackground()) {
                receivers.stream().filter(r -> r.handles(channel)).forEach(r -> r.start(channel.id()));
            } else {
                channels.status(channel.id(), "connected", null);
            }
        } catch (PlatformException e) {
            channels.status(channel.id(), "error", e.getMessage());
        }
        return get(channel.userId(), channel.id());
    }

    private void requireAgent(String userId, String agentId) {
        if (agentId != null) {
            try {
                agents.get(userId, agentId);
            } catch (ApiException e) {
                throw ApiException.validation("agentId", "no agent " + agentId);
            }
        }
    }

    private boolean hasPublicUrl() {
        return settings.publicUrl() != null && !settings.publicUrl().isBlank();
    }

    private static int count(List<Channel> all, String status) {
        return (int) all.stream().filter(c -> c.status().equals(status)).count();
    }
}
