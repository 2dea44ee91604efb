package ownpilot.gateway.channels;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.RawResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels (spec §12, plus the original's {@code GET /status} and {@code POST /:id/send} that the web
 * UI's Inbox calls) and the platforms' webhook, which needs no user credential: the platform's
 * signature over the raw body is the credential (see {@link ChannelWebhooks}).
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelsController {

    record Listing(List<ChannelView> channels, ChannelService.Summary summary, List<String> availableTypes) {}

    record Removed(String id, boolean disconnected, boolean deleted) {}

    private final ChannelService service;
    private final ChannelReplies replies;
    private final ChannelWebhooks webhooks;
    private final CurrentUser user;
    private final JsonMapper json;

    ChannelsController(ChannelService service, ChannelReplies replies, ChannelWebhooks webhooks, CurrentUser user,
            JsonMapper json) {
        this.service = service;
        this.replies = replies;
        this.webhooks = webhooks;
        this.user = user;
        this.json = json;
    }

    @GetMapping
    Listing list() {
        return new Listing(service.list(user.id()), service.summary(user.id()), Channel.TYPES);
    }

    @GetMapping("/status")
    ChannelService.Summary status() {
        return service.summary(user.id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView create(@RequestBody(required = false) JsonNode body) {
        return service.create(user.id(), body);
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable String id) {
        return service.view(service.get(user.id(), id));
    }

    @PatchMapping("/{id}")
    ChannelView update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return service.update(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    Removed delete(@PathVariable String id) {
        service.delete(user.id(), id);
        return new Removed(id, true, true);
    }

    @PostMapping("/{id}/test")
    ChannelService.TestResult test(@PathVariable String id) {
        return service.test(user.id(), id);
    }

    @PostMapping("/{id}/send")
    ChannelSending.Sent send(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return replies.send(user.id(), id, body);
    }

    /** The platform reads its own answer shapes (Discord's {@code {"type":1}}), so this one is not enveloped. */
    @PostMapping("/{id}/webhook")
    @RawResponse
    @ApiResponse(responseCode = "200", description = "The platform's own answer: Slack's {challenge} or {ok}, "
            + "Discord's {type} (1 PONG, 5 acknowledged, 4 refused), {} for Telegram",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    void webhook(@PathVariable String id, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body, HttpServletResponse response) throws IOException {
        Object answer = webhooks.deliver(id, headers, body == null ? new byte[0] : body);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(answer));
    }
}
