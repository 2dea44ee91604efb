package ownpilot.gateway.models;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the model catalog is synced from ({@code OWNPILOT_MODELS_SYNC_URL}). */
@ConfigurationProperties("ownpilot.models")
record ModelsProperties(@DefaultValue("https://models.dev/api.json") URI syncUrl) {}
