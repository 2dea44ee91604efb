package ownpilot.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start in auth mode {@code none} on an address other than loopback: there anyone who can
 * reach the address would act as the user. Also refuses an auth mode without credentials configured.
 */
@Component
class AuthModeGuard {

    private final String address;
    private final AuthProperties auth;

    AuthModeGuard(@Value("${server.address:}") String address, AuthProperties auth) {
        this.address = address;
        this.auth = auth;
    }

    void check() {
        switch (auth.mode()) {
            case NONE -> {
                if (!isLoopback(address)) {
                    throw new InsecureStartException("OWNPILOT_AUTH=none is only allowed on a loopback address, not "
                            + (address == null || address.isBlank() ? "all interfaces" : "'" + address + "'")
                            + ": set OWNPILOT_AUTH=api-key with OWNPILOT_API_KEYS, or OWNPILOT_AUTH=jwt with "
                            + "OWNPILOT_JWT_SECRET, or bind to 127.0.0.1 with OWNPILOT_HOST");
                }
            }
            case API_KEY -> {
                if (ApiKeys.parse(auth.apiKeys()).isEmpty()) {
                    throw new InsecureStartException("OWNPILOT_AUTH=api-key needs at least one key in "
                            + "OWNPILOT_API_KEYS (<user id>:<sha256 hex of the key>, comma-separated)");
                }
            }
            case JWT -> JwtDecoders.key(auth.jwtSecret());
        }
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
}
