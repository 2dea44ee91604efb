package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bind addresses are exposed beyond this machine (and so get the start-up warning). */
class BindAddressCheckTest {

    @Test
    void onlyLoopbackAddressesAreQuiet() {
        assertThat(BindAddressCheck.isLoopback("127.0.0.1")).isTrue();
        assertThat(BindAddressCheck.isLoopback("::1")).isTrue();
        assertThat(BindAddressCheck.isLoopback("localhost")).isTrue();
        assertThat(BindAddressCheck.isLoopback("0.0.0.0")).isFalse();
        assertThat(BindAddressCheck.isLoopback("::")).isFalse();
        assertThat(BindAddressCheck.isLoopback("")).isFalse();
        assertThat(BindAddressCheck.isLoopback("192.168.1.10")).isFalse();
    }
}
