package ownpilot.gateway.customtools;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of one custom-tool run in the JavaScript sandbox ({@code ownpilot.customtools.*}). */
@ConfigurationProperties("ownpilot.customtools")
record CustomToolsProperties(@DefaultValue("5000") long timeoutMs, @DefaultValue("256") long maxMemoryMb,
        @DefaultValue("100000000") long maxStatements) {}
