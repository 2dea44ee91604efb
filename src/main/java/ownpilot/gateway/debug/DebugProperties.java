package ownpilot.gateway.debug;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many debug-log entries are kept in memory ({@code OWNPILOT_DEBUG_CAPACITY}). */
@ConfigurationProperties("ownpilot.debug")
record DebugProperties(@DefaultValue("200") int capacity) {}
