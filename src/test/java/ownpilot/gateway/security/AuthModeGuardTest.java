package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bind addresses are exposed beyond this machine (and so get the start-up warning). */
class AuthModeGuardTest {

    @Test
    void onlyLoopbackAddressesAreQuiet() {
        assertThat(AuthModeGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(AuthModeGuard.isLoopback("::1")).isTrue();
        assertThat(AuthModeGuard.isLoopback("localhost")).isTrue();
        assertThat(AuthModeGuard.isLoopback("0.0.0.0")).isFalse();
        assertThat(AuthModeGuard.isLoopback("::")).isFalse();
        assertThat(AuthModeGuard.isLoopback("")).isFalse();
        assertThat(AuthModeGuard.isLoopback("192.168.1.10")).isFalse();
    }
}
