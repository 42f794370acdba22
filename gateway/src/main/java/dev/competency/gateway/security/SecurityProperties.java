package dev.competency.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway validates bearer tokens ({@code platform.security.*}), with the same names and environment
 * variables as the services.
 *
 * @param issuer the expected {@code iss} of every token ({@code OIDC_ISSUER_URI})
 * @param jwkSetUri where the issuer publishes its signing keys ({@code OIDC_JWK_SET_URI}); when empty, found
 *                  through the issuer's OpenID configuration
 * @param publicKey an RSA public key (PEM) to verify tokens with instead of fetching keys ({@code JWT_PUBLIC_KEY})
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String issuer, String jwkSetUri, String publicKey) {
}
