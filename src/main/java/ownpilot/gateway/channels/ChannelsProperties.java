package ownpilot.gateway.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channel settings ({@code ownpilot.channels.*}): where the platforms' APIs are (overridable so a test,
 * a proxy or a self-hosted Telegram Bot API server can stand in), the gateway's public address for
 * webhooks (without one, Telegram channels long-poll), the replay window of signed deliveries and the
 * long-poll wait.
 */
@ConfigurationProperties("ownpilot.channels")
record ChannelsProperties(String publicUrl, @DefaultValue("https://api.telegram.org") String telegramApiUrl,
        @DefaultValue("https://slack.com/api") String slackApiUrl,
        @DefaultValue("https://discord.com/api/v10") String discordApiUrl,
        @DefaultValue("300") long webhookWindowSeconds, @DefaultValue("25") int pollTimeoutSeconds,
        @DefaultValue("10000") long callTimeoutMs) {

    String webhookUrl(String channelId) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + ChannelView.webhookPath(channelId);
    }
}
