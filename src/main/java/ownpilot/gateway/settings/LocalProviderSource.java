package ownpilot.gateway.settings;

import java.util.List;

/** Contributes the user's enabled local providers (LM Studio, Ollama…) to the settings overview. */
public interface LocalProviderSource {

    record LocalProviderInfo(String id, String name, String type) {}

    List<LocalProviderInfo> enabledLocalProviders(String userId);
}
