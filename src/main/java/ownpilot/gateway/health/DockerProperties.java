package ownpilot.gateway.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The Docker engine the sandbox status reports on ({@code ownpilot.docker.*}). */
@ConfigurationProperties("ownpilot.docker")
record DockerProperties(@DefaultValue("unix:///var/run/docker.sock") String host,
        @DefaultValue("3000") long timeoutMs, @DefaultValue("300") long cacheSeconds) {}
