package ownpilot.gateway.channels;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One messaging platform's API: who the bot is, how it receives (verified webhooks), how it posts. */
interface ChannelPlatform {

    String type();

    /** The longest text one message may carry; longer answers are split. */
    int maxLength();

    /** The bot's identity from the platform's identity endpoint: {@code {id, username, name}}. */
    ObjectNode identify(Map<String, String> secrets) throws PlatformException;

    /**
     * Whatever the platform needs before messages flow (Telegram: register the webhook or clear it for
     * long polling; Discord: learn the public key). May add generated credentials to {@code secrets}.
     */
    void connect(Channel channel, Map<String, String> secrets) throws PlatformException;

    /** Undoes {@link #connect} when the channel is deleted (Telegram: stop delivering to the webhook). */
    default void disconnect(Channel channel, Map<String, String> secrets) throws PlatformException {}

    /** Checks the delivery's signature or secret over the raw body, in constant time; no parsing before. */
    boolean verified(Map<String, String> secrets, HttpHeaders headers, byte[] body, long windowSeconds);

    Delivery parse(Channel channel, JsonNode body);

    /** Posts one message (at most {@link #maxLength()} characters) and returns the platform's id for it. */
    String send(Channel channel, Map<String, String> secrets, Outgoing message, boolean first) throws PlatformException;

    /** The model's Markdown in the platform's own formatting. */
    default String format(String markdown) {
        return markdown;
    }
}
