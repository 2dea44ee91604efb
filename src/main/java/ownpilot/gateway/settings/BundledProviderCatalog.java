package ownpilot.gateway.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider list bundled in {@code catalog/providers.json} (taken from the models.dev snapshot).
 * The models module's full catalog replaces it by declaring its own {@link ProviderCatalog}.
 */
@Component
@ConditionalOnMissingBean(value = ProviderCatalog.class, ignored = BundledProviderCatalog.class)
class BundledProviderCatalog implements ProviderCatalog {

    private final List<KnownProvider> providers;

    BundledProviderCatalog(JsonMapper json) {
        try (InputStream in = new ClassPathResource("catalog/providers.json").getInputStream()) {
            List<KnownProvider> loaded = new ArrayList<>();
            for (JsonNode p : json.readTree(in).path("providers")) {
                loaded.add(new KnownProvider(p.path("id").asString(), p.path("name").asString(),
                        p.path("apiKeyEnv").asString()));
            }
            this.providers = List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled provider catalog", e);
        }
    }

    @Override
    public List<KnownProvider> providers() {
        return providers;
    }
}
