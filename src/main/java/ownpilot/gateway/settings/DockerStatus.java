package ownpilot.gateway.settings;

import java.util.Optional;

/** What settings needs to know about the Docker engine; the health module provides it. */
public interface DockerStatus {

    boolean dockerAvailable();

    Optional<String> dockerVersion();
}
