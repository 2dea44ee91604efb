package ownpilot.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The gateway has no authentication yet: on an address other than loopback, anyone who can reach
 * that address acts as the user. Said loudly at every start, until authentication makes it refuse.
 */
@Component
class BindAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(BindAddressCheck.class);

    private final String address;

    BindAddressCheck(@Value("${server.address:}") String address) {
        this.address = address;
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenExposed() {
        if (!isLoopback(address)) {
            log.warn("""

                    ********************************************************************************
                    * The gateway listens on '{}' without authentication: anyone who can reach this
                    * address can read your data, spend your API keys and run tools. Bind it to
                    * 127.0.0.1 (OWNPILOT_HOST), or put an authenticating proxy in front of it.
                    ********************************************************************************""",
                    address.isBlank() ? "all interfaces" : address);
        }
    }
}
