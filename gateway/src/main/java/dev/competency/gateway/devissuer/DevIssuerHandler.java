package dev.competency.gateway.devissuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The issuer's three endpoints. The token endpoint speaks OAuth 2.0 (RFC 6749): password grant for the demo people,
 * client-credentials grant for the demo clients (secret in the form or as HTTP Basic), and RFC 6749 error bodies
 * ({@code invalid_grant}, {@code invalid_client}, ...) because that is what OAuth clients understand.
 */
class DevIssuerHandler {

    private static final String PORTAL_CLIENT = "portal";

    private final DevIssuer issuer;

    DevIssuerHandler(DevIssuer issuer) {
        this.issuer = issuer;
    }

    Mono<ServerResponse> jwks(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(issuer.jwks());
    }

    Mono<ServerResponse> discovery(ServerRequest request) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer.issuer());
        configuration.put("jwks_uri", issuer.issuer() + "/jwks");
        configuration.put("token_endpoint", issuer.issuer() + "/token");
        configuration.put("grant_types_supported", List.of("password", "client_credentials"));
        configuration.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "client_secret_basic"));
        configuration.put("response_types_supported", List.of("token"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("claims_supported",
                List.of("iss", "sub", "exp", "iat", "jti", "roles", "org_unit", "team_id", "managed_teams"));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(configuration);
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.formData().flatMap(form -> switch (String.valueOf(form.getFirst("grant_type"))) {
            case "password" -> passwordGrant(form);
            case "client_credentials" -> clientCredentialsGrant(request, form);
            default -> error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "grant_type must be password or client_credentials");
        });
    }

    private Mono<ServerResponse> passwordGrant(MultiValueMap<String, String> form) {
        Optional<DemoAccount> user = find(DemoAccount.USERS, form.getFirst("username"), form.getFirst("password"));
        if (user.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", "Unknown username or wrong password");
        }
        String clientId = Optional.ofNullable(form.getFirst("client_id")).orElse(PORTAL_CLIENT);
        return tokenResponse(issuer.issue(user.get(), clientId));
    }

    private Mono<ServerResponse> clientCredentialsGrant(ServerRequest request, MultiValueMap<String, String> form) {
        String[] basic = basicCredentials(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        Optional<DemoAccount> client = find(DemoAccount.CLIENTS, clientId, secret);
        if (client.isEmpty()) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dev-issuer\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("error", "invalid_client", "error_description",
                            "Unknown client or wrong secret"));
        }
        return tokenResponse(issuer.issue(client.get(), client.get().name()));
    }

    private static Optional<DemoAccount> find(List<DemoAccount> accounts, String name, String secret) {
        if (name == null || secret == null) {
            return Optional.empty();
        }
        return accounts.stream()
                .filter(account -> account.name().equals(name))
                .filter(account -> MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Mono<ServerResponse> tokenResponse(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", DevIssuer.TOKEN_LIFETIME.toSeconds());
        return ServerResponse.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String description) {
        return ServerResponse.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", code, "error_description", description));
    }
}
