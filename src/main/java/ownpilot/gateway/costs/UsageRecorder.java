package ownpilot.gateway.costs;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;

/** Records every model call (chat, streamed or not, and background use) with its cost from catalog prices. */
@Service
public class UsageRecorder {

    static final List<String> TYPES = List.of("chat", "completion", "embedding", "image", "audio", "tool");

    private final UsageRepository usage;
    private final Pricing pricing;

    UsageRecorder(UsageRepository usage, Pricing pricing) {
        this.usage = usage;
        this.pricing = pricing;
    }

    /** Stores the call and returns its cost in USD. */
    public double record(Usage u) {
        if (!TYPES.contains(u.requestType()) || u.inputTokens() < 0 || u.outputTokens() < 0) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Invalid usage record");
        }
        double cost = pricing.cost(u.provider(), u.model(), u.inputTokens(), u.outputTokens());
        usage.insert(Ids.prefixed("usage"), u, cost);
        return cost;
    }
}
