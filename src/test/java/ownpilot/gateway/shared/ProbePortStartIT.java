package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Gateway;

/** A probe port that could not be bound as asked is refused at start, with the setting named. */
class ProbePortStartIT {

    @Test
    void theMainPortOrNoPortAtAllIsRefused() {
        assertThatThrownBy(() -> Gateway.start("--server.port=18097", "--ownpilot.health.probe-port=18097").close())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("ownpilot.health.probe-port (18097) must differ from server.port");
        assertThatThrownBy(() -> Gateway.start("--ownpilot.health.probe-port=70000").close())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("must be a port from 0 to 65535");
    }
}
