package ownpilot.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ProviderDefaults;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sending messages, answered in one response or streamed over SSE, and resetting chat contexts (spec §2). */
@RestController
@RequestMapping("/api/v1/chat")
class ChatController {

    private static final int MAX_USER_AGENT = 500;

    private final ChatTurns turns;
    private final ConversationRepository conversations;
    private final ProviderDefaults defaults;
    private final CurrentUser user;
    private final JsonMapper mapper;

    ChatController(ChatTurns turns, ConversationRepository conversations, ProviderDefaults defaults, CurrentUser user,
            JsonMapper mapper) {
        this.turns = turns;
        this.conversations = conversations;
        this.defaults = defaults;
        this.user = user;
        this.mapper = mapper;
    }

    /** One turn: the reply as JSON, or with {@code stream: true} server-sent events (chunk, progress, done, error). */
    @PostMapping
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ChatReply.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/event-stream",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string",
                            description = "SSE frames: chunk, progress, autonomy, then one done or error"))})
    Object chat(@RequestBody(required = false) byte[] body, HttpServletRequest http, HttpServletResponse response)
            throws java.io.IOException {
        ChatRequest request = ChatRequest.parse(json(body, http.getContentType()));
        if (request.stream()) {
            turns.stream(user.actor(), request, client(http), response);
            return null;
        }
        return turns.reply(user.actor(), request, client(http), ChatSink.NONE);
    }

    /**
     * Starts a new conversation for a provider/model chat context (the next message without
     * {@code conversationId} begins a fresh one); {@code clearAll} does it for every context.
     */
    /** What a reset did: with {@code clearAll} how many contexts it cleared, else the one context it reset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContextReset(Integer cleared, Boolean reset, String provider, String model, String message) {}

    @PostMapping("/reset-context")
    ContextReset resetContext(@RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("provider", "model", "clearAll"));
        String provider = in.text("provider", null, 64, false);
        String model = in.text("model", null, 200, false);
        boolean clearAll = in.bool("clearAll", false);
        in.check();
        String userId = user.id();
        if (clearAll) {
            int cleared = conversations.clearAllCurrent(userId);
            return new ContextReset(cleared, null, null, null,
                    "Cleared " + cleared + " chat context(s); the next message starts a new conversation");
        }
        ProviderDefaults.Resolved saved = defaults.resolve(userId);
        String p = provider != null ? provider : saved.provider();
        String m = model != null ? model : saved.model();
        if (p == null || m == null) {
            throw ApiException.validation(p == null ? "provider" : "model",
                    "is required when no default is saved in settings");
        }
        boolean reset = conversations.clearCurrent(userId, "chat:" + p + ":" + m);
        return new ContextReset(null, reset, p, m, reset ? "The next message to " + p + "/" + m
                + " starts a new conversation" : "No conversation was open for " + p + "/" + m);
    }

    /**
     * The body as JSON, read here rather than by a message converter: this is the busiest route, and
     * taking the bytes skips the converter negotiation.
     */
    private JsonNode json(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return null;
        }
        if (!isJson(contentType)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be application/json");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Malformed or missing JSON body");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ChatRun.Client client(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].trim()
                : http.getHeader("X-Real-IP") != null ? http.getHeader("X-Real-IP") : http.getRemoteAddr();
        String agent = http.getHeader("User-Agent");
        return new ChatRun.Client(ip == null || ip.length() > 100 ? null : ip,
                agent == null ? null : agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT)));
    }
}
