package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(SecretKeyConfiguration.keyFromSetting("a passphrase"));

    @Test
    void roundTripsAndUsesAFreshIvEachTime() {
        String a = cipher.encrypt("sk-secret", "api_key:openai");
        String b = cipher.encrypt("sk-secret", "api_key:openai");
        assertThat(a).startsWith("v1:").doesNotContain("sk-secret").isNotEqualTo(b);
        assertThat(cipher.decrypt(a, "api_key:openai")).isEqualTo("sk-secret");
    }

    @Test
    void aCiphertextMovedToAnotherContextOrKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt("sk-secret", "api_key:openai");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "api_key:anthropic")).isInstanceOf(IllegalStateException.class);
        SecretCipher other = new SecretCipher(SecretKeyConfiguration.keyFromSetting("another passphrase"));
        assertThatThrownBy(() -> other.decrypt(sealed, "api_key:openai")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(SecretCipher.mask("sk-abcdefgh12345678")).isEqualTo("sk-a…5678");
        assertThat(SecretCipher.mask("short")).isEqualTo("****");
    }
}
