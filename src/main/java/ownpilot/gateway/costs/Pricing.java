package ownpilot.gateway.costs;

import java.util.Optional;
import org.springframework.stereotype.Component;
import ownpilot.gateway.models.ModelCatalog;
import ownpilot.gateway.models.ModelInfo;

/** Prices come from the model catalog (USD per million tokens); unknown and local models cost nothing. */
@Component
class Pricing {

    private final ModelCatalog catalog;

    Pricing(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<ModelInfo> model(String provider, String model) {
        return catalog.model(provider, model);
    }

    double cost(String provider, String model, int inputTokens, int outputTokens) {
        return model(provider, model).map(m -> Money.cost(inputTokens, outputTokens, m.inputPrice(), m.outputPrice()))
                .orElse(0.0);
    }
}
