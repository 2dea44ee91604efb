package ownpilot.gateway.health;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.settings.ProviderDefaults;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.DataDirectory;
import ownpilot.gateway.shared.LocalUrl;

/** One line at start: where the gateway listens, its data, how it authenticates, whether chat has a provider. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final String address;
    private final String authMode;
    private final DataDirectory data;
    private final ProviderDefaults providers;

    StartupReport(@Value("${server.address:}") String address, @Value("${ownpilot.auth.mode:none}") String authMode,
            DataDirectory data, ProviderDefaults providers) {
        this.address = address;
        this.authMode = authMode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        this.data = data;
        this.providers = providers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent ready) {
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        log.info("OwnPilot Gateway ready on {} (data in {}, auth mode {}); {}", LocalUrl.of(address, port),
                data.root(), authMode, providerNote());
    }

    private String providerNote() {
        if (!authMode.equals("none")) {
            return "each user configures their own providers";
        }
        List<String> configured = providers.configuredProviders(CurrentUser.DEFAULT_USER);
        return configured.isEmpty()
                ? "no provider configured yet: chat answers in demo mode until you store a key "
                        + "(POST /api/v1/settings/api-key/<provider>) or add a local provider"
                : "providers configured: " + String.join(", ", configured);
    }
}
