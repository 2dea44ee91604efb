package ownpilot.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** What the last Docker detection found. {@code error} says why Docker is unavailable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DockerReport(boolean dockerAvailable, String dockerVersion, String apiVersion, boolean securityFlagsSupported,
        boolean relaxedSecurityRequired, Map<String, Boolean> imagesAvailable, String lastChecked, String error) {

    String securityMode() {
        return relaxedSecurityRequired ? "relaxed" : "strict";
    }
}
