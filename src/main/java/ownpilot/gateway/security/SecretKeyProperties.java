package ownpilot.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The key that encrypts secrets at rest ({@code OWNPILOT_SECRET_KEY}); empty: a key file in the data dir. */
@ConfigurationProperties("ownpilot")
record SecretKeyProperties(String secretKey) {

    SecretKeyProperties {
        secretKey = secretKey == null ? "" : secretKey;
    }
}
