package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The development issuer's authorization-code flow as a client sees it: the login page and its checks, PKCE, single
 * use codes, rotating refresh tokens, logout, and the discovery document that announces them.
 */
class DevIssuerAuthorizationCodeTest extends LocalGatewayTest {

    private static final String CALLBACK = BASE + "/login/oauth2/code/portal";
    private static final String SECRET = "portal-local-secret";

    @Test
    void announcesAuthorizationCodeFlow_whenDiscoveryIsRead() {
        client().get().uri("/dev-issuer/.well-known/openid-configuration").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authorization_endpoint").isEqualTo(ISSUER + "/authorize")
                .jsonPath("$.end_session_endpoint").isEqualTo(ISSUER + "/logout")
                .jsonPath("$.code_challenge_methods_supported[0]").isEqualTo("S256")
                .jsonPath("$.response_types_supported[0]").isEqualTo("code")
                .jsonPath("$.grant_types_supported").value(types -> assertThat(types.toString())
                        .contains("authorization_code", "refresh_token", "password", "client_credentials"))
                .jsonPath("$.scopes_supported[0]").isEqualTo("openid");
    }

    @Test
    void issuesTokens_whenCodeComesWithMatchingVerifier() throws Exception {
        String verifier = verifier();
        String code = code(challenge(verifier), "n-1", "manager-maria");

        Map<?, ?> tokens = redeem(code, CALLBACK, verifier).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        SignedJWT idToken = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(idToken.verify(new RSASSAVerifier(devIssuer.publicKey()))).isTrue();
        assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly("portal");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("a3e7127e-0eb0-4eb8-9db6-0836f9d2f410");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("preferred_username")).isEqualTo("manager-maria");
        assertThat(idToken.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("MANAGER");
        SignedJWT accessToken = SignedJWT.parse((String) tokens.get("access_token"));
        assertThat(accessToken.getJWTClaimsSet().getStringListClaim("managed_teams"))
                .containsExactly("6233712f-50a9-4140-86c7-2a625148f704");
        assertThat(tokens.get("expires_in")).isEqualTo(300);
        assertThat((String) tokens.get("refresh_token")).isNotBlank();
    }

    @Test
    void refusesCode_whenVerifierIsWrong() {
        String code = code(challenge(verifier()), "n", "learner-ada");

        redeem(code, CALLBACK, verifier()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant")
                .jsonPath("$.error_description").value(text -> assertThat((String) text).contains("code_verifier"));
    }

    @Test
    void refusesCode_whenVerifierIsMissing() {
        String code = code(challenge(verifier()), "n", "learner-ada");

        redeem(code, CALLBACK, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void refusesCode_whenUsedASecondTime() {
        String verifier = verifier();
        String code = code(challenge(verifier), "n", "learner-ada");
        redeem(code, CALLBACK, verifier).expectStatus().isOk();

        redeem(code, CALLBACK, verifier).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void refusesCode_whenRedirectUriDiffers() {
        String verifier = verifier();
        String code = code(challenge(verifier), "n", "learner-ada");

        redeem(code, "http://portal.example/login/oauth2/code/portal", verifier).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant")
                .jsonPath("$.error_description").value(text -> assertThat((String) text).contains("redirect_uri"));
    }

    @Test
    void refusesCodeExchange_whenClientSecretIsWrong() {
        String verifier = verifier();
        String code = code(challenge(verifier), "n", "learner-ada");

        client().post().uri("/dev-issuer/token").headers(h -> h.setBasicAuth("portal", "guess"))
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", CALLBACK).with("code_verifier", verifier))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
    }

    @Test
    void showsErrorPageNotRedirect_whenAuthorizationRequestIsBad() {
        String challenge = challenge(verifier());
        Map<String, String> cases = Map.of(
                "client_id is missing", authorize("intruder", CALLBACK, challenge),
                "redirect_uri is missing", authorize("portal", "http://evil.example/login/oauth2/code/portal", challenge),
                "code_challenge is required", authorize("portal", CALLBACK, null),
                "response_type must be code", authorize("portal", CALLBACK, challenge)
                        .replace("response_type=code", "response_type=token"),
                "code_challenge_method must be S256", authorize("portal", CALLBACK, challenge)
                        .replace("code_challenge_method=S256", "code_challenge_method=plain"),
                "scope must include openid", authorize("portal", CALLBACK, challenge)
                        .replace("scope=openid%20profile", "scope=profile"));
        cases.forEach((expected, uri) -> {
            EntityExchangeResult<String> page = client().get().uri(URI.create(uri)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().doesNotExist("Location")
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult();
            assertThat(page.getResponseBody()).as(uri).contains(expected).doesNotContain("<form");
        });
    }

    @Test
    void acceptsCallback_whenOnTheConfiguredPortalOrigin() {
        client().get().uri(URI.create(authorize("portal", "http://portal.example/login/oauth2/code/portal",
                        challenge(verifier()))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("form-action 'self' http://portal.example;"));
    }

    @Test
    void letsBrowsersSendTheirOrigin_whenTheLoginFormIsPosted() {
        client().get().uri(URI.create(authorize("portal", CALLBACK, challenge(verifier()))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "same-origin");
    }

    @Test
    void acceptsLoginForm_whenPostedFromTheGatewaysOwnOrigin() {
        URI page = URI.create(authorize("portal", CALLBACK, challenge(verifier())));
        MultiValueMap<String, String> form = Browser.queryOf(page);
        form.add("username", "admin-ada");
        form.add("password", "admin-ada-pass");

        client().post().uri("/dev-issuer/authorize").header("Origin", BASE)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isFound()
                .expectHeader().value("Location", location -> assertThat(location).startsWith(CALLBACK + "?code="));
    }

    @Test
    void reshowsPage_whenPasswordIsWrong() {
        URI page = URI.create(authorize("portal", CALLBACK, challenge(verifier())));
        MultiValueMap<String, String> form = Browser.queryOf(page);
        form.add("username", "admin-ada");
        form.add("password", "guess");

        String html = client().post().uri("/dev-issuer/authorize").body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Location")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("Unknown username or wrong password").contains("<input id=\"password\"");
    }

    @Test
    void rotatesRefreshTokenAndEndsSignIn_whenAnOldOneIsReused() {
        String verifier = verifier();
        Map<?, ?> first = redeem(code(challenge(verifier), "n", "author-ana"), CALLBACK, verifier)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String refreshToken = (String) first.get("refresh_token");

        Map<?, ?> second = refresh(refreshToken).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("refresh_token")).isNotEqualTo(refreshToken);
        assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));

        refresh(refreshToken).expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
        // The reuse ended the sign-in: its newest refresh token is gone too.
        refresh((String) second.get("refresh_token")).expectStatus().isBadRequest();
        refresh("unknown-token").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
    }

    @Test
    void endsSignInAndRedirectsOnlyToTrustedPages_whenLoggingOut() {
        String verifier = verifier();
        Map<?, ?> tokens = redeem(code(challenge(verifier), "n", "analyst-ali"), CALLBACK, verifier)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        client().get().uri(URI.create(BASE + "/dev-issuer/logout?id_token_hint=" + tokens.get("id_token")
                        + "&post_logout_redirect_uri=" + BASE + "/&state=s-1"))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location(BASE + "/?state=s-1");
        refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();

        client().get().uri(URI.create(BASE + "/dev-issuer/logout?post_logout_redirect_uri=http://evil.example/"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().doesNotExist("Location");
    }

    private String code(String challenge, String nonce, String account) {
        MultiValueMap<String, String> form = Browser.queryOf(URI.create(authorize("portal", CALLBACK, challenge)
                + "&nonce=" + nonce));
        form.add("account", account);
        URI location = client().post().uri("/dev-issuer/authorize").body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isEqualTo(HttpStatus.FOUND)
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(CALLBACK + "?code=");
        return UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("code");
    }

    private WebTestClient.ResponseSpec redeem(String code, String redirectUri, String verifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        if (verifier != null) {
            form.add("code_verifier", verifier);
        }
        return client().post().uri("/dev-issuer/token").headers(h -> h.setBasicAuth("portal", SECRET))
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client().post().uri("/dev-issuer/token").headers(h -> h.setBasicAuth("portal", SECRET))
                .body(BodyInserters.fromFormData("grant_type", "refresh_token").with("refresh_token", refreshToken))
                .exchange();
    }

    private static String authorize(String clientId, String redirectUri, String challenge) {
        return BASE + "/dev-issuer/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + redirectUri
                + "&scope=openid%20profile&state=st-" + UUID.randomUUID()
                + (challenge == null ? "" : "&code_challenge=" + challenge) + "&code_challenge_method=S256";
    }

    private static String verifier() {
        return (UUID.randomUUID() + "-" + UUID.randomUUID()).replace("-", "");
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
