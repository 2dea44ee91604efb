package ownpilot.gateway.settings;

import java.util.List;
import java.util.Optional;

/** The AI providers the gateway knows, with the environment variable that can carry each one's key. */
public interface ProviderCatalog {

    record KnownProvider(String id, String name, String apiKeyEnv) {}

    List<KnownProvider> providers();

    default Optional<KnownProvider> find(String id) {
        return providers().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The variable named by the catalog, else {@code <ID with '-' and '.' as '_', upper case>_API_KEY}. */
    default String apiKeyEnv(String providerId) {
        return find(providerId).map(KnownProvider::apiKeyEnv)
                .orElse(providerId.toUpperCase().replace('-', '_').replace('.', '_') + "_API_KEY");
    }
}
