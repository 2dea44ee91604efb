package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Gateway;

/** The gateway refuses configurations that would expose it without a working credential. */
class AuthModeStartIT {

    @Test
    void modeNoneOnAllInterfacesRefusesToStart() {
        assertThatThrownBy(() -> Gateway.start("--server.address=0.0.0.0").close())
                .hasRootCauseInstanceOf(InsecureStartException.class)
                .rootCause().hasMessageContaining("OWNPILOT_AUTH=none is only allowed on a loopback address")
                .hasMessageContaining("OWNPILOT_AUTH=api-key");
    }

    @Test
    void authModesWithoutCredentialsRefuseToStart() {
        assertThatThrownBy(() -> Gateway.start("--ownpilot.auth.mode=api-key").close())
                .hasRootCauseInstanceOf(InsecureStartException.class);
        assertThatThrownBy(() -> Gateway.start("--ownpilot.auth.mode=jwt", "--ownpilot.auth.jwt-secret=short").close())
                .hasRootCauseInstanceOf(InsecureStartException.class)
                .rootCause().hasMessageContaining("at least 32 bytes");
    }
}
