package ownpilot.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ownpilot.gateway.shared.DataDirectory;

/**
 * Where the encryption key comes from: {@code OWNPILOT_SECRET_KEY} (32 bytes in base64, or any
 * passphrase, stretched with PBKDF2), else a random key generated once into
 * {@code <data dir>/credentials/secret.key} with mode 0600.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    static final String KEY_FILE = "secret.key";

    @Bean
    SecretCipher secretCipher(SecretKeyProperties settings, DataDirectory dataDirectory) {
        String configured = settings.secretKey();
        return new SecretCipher(configured.isBlank() ? keyFromFile(dataDirectory) : keyFromSetting(configured));
    }

    static SecretKey keyFromSetting(String configured) {
        try {
            byte[] raw = Base64.getDecoder().decode(configured.trim());
            if (raw.length == 32) {
                return new SecretKeySpec(raw, "AES");
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase: stretched below
        }
        try {
            var spec = new PBEKeySpec(configured.toCharArray(),
                    "ownpilot-gateway-secret-key".getBytes(StandardCharsets.UTF_8), 210_000, 256);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the secret key", e);
        }
    }

    private static SecretKey keyFromFile(DataDirectory dataDirectory) {
        String encoded = dataDirectory.secret(KEY_FILE, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return Base64.getEncoder().encodeToString(fresh);
        });
        return new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES");
    }
}
