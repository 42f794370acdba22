package dev.competency.platform.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services validate bearer tokens ({@code platform.security.*}).
 *
 * @param issuer the expected {@code iss} of every token (environment variable {@code OIDC_ISSUER_URI})
 * @param jwkSetUri where the issuer publishes its signing keys ({@code OIDC_JWK_SET_URI}); when empty, the keys
 *                  are found through the issuer's OpenID configuration
 * @param publicKey an RSA public key in PEM form to verify tokens with instead of fetching keys
 *                  ({@code JWT_PUBLIC_KEY}); meant for tests and offline development
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String issuer, String jwkSetUri, String publicKey) {
}
