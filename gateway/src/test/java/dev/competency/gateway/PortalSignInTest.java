package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.competency.gateway.devissuer.SignIns;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the portal through the gateway: authorization code with PKCE at the development issuer, a session
 * cookie in the browser, the access token relayed to the services, refreshed when it expires, and sign-out.
 */
class PortalSignInTest extends LocalGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MovableClock clock;

    @Autowired
    SignIns issuerSignIns;

    @AfterEach
    void putClockBack() {
        clock.reset();
    }

    @Test
    void relaysTheAccessToken_whenSignedInWithPkceUntilSignOut() throws Exception {
        Browser browser = new Browser(BASE);

        URI authorization = browser.startSignIn();
        assertThat(authorization.toString()).startsWith(BASE + "/dev-issuer/authorize?");
        MultiValueMap<String, String> request = Browser.queryOf(authorization);
        assertThat(request.getFirst("response_type")).isEqualTo("code");
        assertThat(request.getFirst("client_id")).isEqualTo("portal");
        assertThat(request.getFirst("redirect_uri")).isEqualTo(BASE + "/login/oauth2/code/portal");
        assertThat(request.getFirst("code_challenge")).hasSize(43);
        assertThat(request.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(request.getFirst("nonce")).isNotBlank();
        assertThat(request.getFirst("scope")).contains("openid");
        String sessionBeforeSignIn = browser.cookie("SESSION");
        assertThat(sessionBeforeSignIn).as("session holding the authorization request").isNotNull();

        EntityExchangeResult<byte[]> page = browser.get(authorization.toString());
        assertThat(page.getStatus().value()).isEqualTo(200);
        String html = new String(page.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(html).contains("<input id=\"username\"", "<input id=\"password\" name=\"password\" type=\"password\"",
                ">Sign in</button>", "name=\"account\" value=\"learner-ada\"", "Sign in as learner-ada")
                .doesNotContain("<script", "style=\"");
        String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("style-src 'nonce-").contains("form-action 'self' " + BASE)
                .doesNotContain("unsafe-inline");

        MultiValueMap<String, String> credentials = Browser.queryOf(authorization);
        credentials.add("username", "learner-ada");
        credentials.add("password", "learner-ada-pass");
        EntityExchangeResult<byte[]> issued = browser.post("/dev-issuer/authorize", credentials, headers -> { });
        assertThat(issued.getStatus().value()).isEqualTo(302);
        URI callback = issued.getResponseHeaders().getLocation();
        assertThat(callback.toString()).startsWith(BASE + "/login/oauth2/code/portal?code=");
        assertThat(Browser.queryOf(callback).getFirst("state")).isEqualTo(request.getFirst("state"));

        EntityExchangeResult<byte[]> landed = browser.get(callback.toString());
        assertThat(landed.getStatus().value()).isEqualTo(302);
        assertThat(landed.getResponseHeaders().getLocation()).hasPath("/");
        ResponseCookie session = browser.setCookie("SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getValue()).as("new session id after sign-in").isNotEqualTo(sessionBeforeSignIn);

        EntityExchangeResult<byte[]> who = browser.get("/session", headers -> headers.setAccept(
                List.of(MediaType.APPLICATION_JSON)));
        assertThat(who.getStatus().value()).isEqualTo(200);
        assertThat(who.getResponseHeaders().getCacheControl()).contains("no-store");
        String whoBody = new String(who.getResponseBody(), StandardCharsets.UTF_8);
        JsonNode signedIn = JSON.readTree(whoBody);
        assertThat(signedIn.get("authenticated").asBoolean()).isTrue();
        assertThat(signedIn.get("subject").asString()).isEqualTo("7f2b7f39-c8c5-488a-994e-3c054105938f");
        assertThat(signedIn.get("username").asString()).isEqualTo("learner-ada");
        assertThat(signedIn.get("name").asString()).isEqualTo("learner-ada");
        assertThat(signedIn.get("roles").toString()).isEqualTo("[\"LEARNER\"]");
        assertThat(signedIn.get("organisationUnit").asString()).isEqualTo("Platform engineering");
        assertThat(signedIn.get("teamId").asString()).isEqualTo("6233712f-50a9-4140-86c7-2a625148f704");
        assertThat(signedIn.get("managedTeams").size()).isZero();
        assertThat(Instant.parse(signedIn.get("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(3)), Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(whoBody).doesNotContain("eyJ").doesNotContainIgnoringCase("token");
        ResponseCookie xsrf = browser.setCookie("XSRF-TOKEN");
        assertThat(xsrf).as("CSRF cookie").isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();
        assertThat(xsrf.getPath()).isEqualTo("/");

        EntityExchangeResult<byte[]> api = browser.get("/api/learners/me", headers -> { });
        assertThat(api.getStatus().value()).isEqualTo(200);
        String relayed = api.getResponseHeaders().getFirst("X-Seen-Authorization");
        assertThat(relayed).startsWith("Bearer ");
        SignedJWT accessToken = SignedJWT.parse(relayed.substring(7));
        assertThat(accessToken.verify(new RSASSAVerifier(devIssuer.publicKey()))).isTrue();
        assertThat(accessToken.getJWTClaimsSet().getSubject()).isEqualTo("7f2b7f39-c8c5-488a-994e-3c054105938f");

        MultiValueMap<String, String> logoutForm = new LinkedMultiValueMap<>();
        logoutForm.add("_csrf", browser.cookie("XSRF-TOKEN"));
        EntityExchangeResult<byte[]> loggedOut = browser.post("/logout", logoutForm, headers -> { });
        assertThat(loggedOut.getStatus().value()).isEqualTo(302);
        URI endSession = loggedOut.getResponseHeaders().getLocation();
        assertThat(endSession.toString()).startsWith(BASE + "/dev-issuer/logout?");
        assertThat(Browser.queryOf(endSession).getFirst("post_logout_redirect_uri")).isEqualTo(BASE + "/");
        assertThat(Browser.queryOf(endSession).getFirst("id_token_hint")).isNotBlank();
        assertThat(browser.cookie("SESSION")).as("session cookie after logout").isNull();

        EntityExchangeResult<byte[]> backHome = browser.get(endSession.toString());
        assertThat(backHome.getStatus().value()).isEqualTo(302);
        assertThat(backHome.getResponseHeaders().getLocation().toString()).startsWith(BASE + "/");

        JsonNode signedOut = JSON.readTree(browser.get("/session").getResponseBody());
        assertThat(signedOut.get("authenticated").asBoolean()).isFalse();
        assertThat(signedOut.get("loginUrl").asString()).isEqualTo("/oauth2/authorization/portal");
        EntityExchangeResult<byte[]> refused = browser.get("/api/learners/me", headers -> { });
        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesOldSessionCookie_whenSignedOut() {
        Browser browser = new Browser(BASE).signIn("author-ana");
        String oldSession = browser.cookie("SESSION");
        MultiValueMap<String, String> logoutForm = new LinkedMultiValueMap<>();
        logoutForm.add("_csrf", csrfOf(browser));
        assertThat(browser.post("/logout", logoutForm, headers -> { }).getStatus().value()).isEqualTo(302);

        Browser replay = new Browser(BASE);
        EntityExchangeResult<byte[]> refused = replay.get("/api/frameworks/fw-1",
                headers -> headers.add(HttpHeaders.COOKIE, "SESSION=" + oldSession));
        assertThat(refused.getStatus().value()).isEqualTo(401);
    }

    @Test
    void refreshesAccessTokenTransparently_whenItExpired() throws Exception {
        Browser browser = new Browser(BASE).signIn("manager-maria");
        String first = browser.get("/api/teams/t-1", headers -> { }).getResponseHeaders()
                .getFirst("X-Seen-Authorization");

        clock.advance(Duration.ofMinutes(10));
        EntityExchangeResult<byte[]> later = browser.get("/api/teams/t-1", headers -> { });

        assertThat(later.getStatus().value()).isEqualTo(200);
        String second = later.getResponseHeaders().getFirst("X-Seen-Authorization");
        assertThat(second).startsWith("Bearer ").isNotEqualTo(first);
        SignedJWT renewed = SignedJWT.parse(second.substring(7));
        assertThat(renewed.verify(new RSASSAVerifier(devIssuer.publicKey()))).isTrue();
        assertThat(renewed.getJWTClaimsSet().getSubject()).isEqualTo("a3e7127e-0eb0-4eb8-9db6-0836f9d2f410");
    }

    @Test
    void endsSession_whenRefreshTokenIsRevoked() throws Exception {
        Browser browser = new Browser(BASE).signIn("learner-grace");
        assertThat(browser.get("/api/learners/me", headers -> { }).getStatus().value()).isEqualTo(200);

        issuerSignIns.endSignInsOf("learner-grace");
        clock.advance(Duration.ofMinutes(10));
        EntityExchangeResult<byte[]> refused = browser.get("/api/learners/me", headers -> { });

        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(refused.getResponseBody());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(problem.get("detail").asString()).contains("session has ended");
        clock.reset();
        JsonNode session = JSON.readTree(browser.get("/session").getResponseBody());
        assertThat(session.get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void answersForbiddenProblem_whenChangeComesWithoutCsrfToken() throws Exception {
        Browser browser = new Browser(BASE).signIn("assessor-alan");
        String csrf = csrfOf(browser);
        int before = StandInBackends.hits("/api/assessments/observations");

        EntityExchangeResult<byte[]> missing = browser.postJson("/api/assessments/observations", "{}", headers -> { });
        EntityExchangeResult<byte[]> wrong = browser.postJson("/api/assessments/observations", "{}",
                headers -> headers.set("X-XSRF-TOKEN", "not-" + csrf));

        for (EntityExchangeResult<byte[]> refused : List.of(missing, wrong)) {
            assertThat(refused.getStatus().value()).isEqualTo(403);
            assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(JSON.readTree(refused.getResponseBody()).get("detail").asString()).contains("X-XSRF-TOKEN");
        }
        assertThat(StandInBackends.hits("/api/assessments/observations")).isEqualTo(before);
        EntityExchangeResult<byte[]> logoutWithoutToken = browser.post("/logout", new LinkedMultiValueMap<>(),
                headers -> { });
        assertThat(logoutWithoutToken.getStatus().value()).isEqualTo(403);
        assertThat(browser.get("/api/assessments/a-1", headers -> { }).getStatus().value())
                .as("still signed in").isEqualTo(200);

        EntityExchangeResult<byte[]> accepted = browser.postJson("/api/assessments/observations", "{}",
                headers -> headers.set("X-XSRF-TOKEN", csrf));
        assertThat(accepted.getStatus().value()).isEqualTo(200);
        assertThat(accepted.getResponseHeaders().getFirst("X-Seen-Authorization")).startsWith("Bearer ");
    }

    @Test
    void answersSignedOutAndSetsCsrfCookie_whenNoSessionExists() throws Exception {
        Browser browser = new Browser(BASE);
        EntityExchangeResult<byte[]> session = browser.get("/session");

        assertThat(session.getStatus().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(session.getResponseBody());
        assertThat(body.get("authenticated").asBoolean()).isFalse();
        assertThat(body.get("loginUrl").asString()).isEqualTo("/oauth2/authorization/portal");
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
        assertThat(browser.cookie("SESSION")).as("no session for a visitor").isNull();
    }

    @Test
    void answersUnauthorizedProblemNotRedirect_whenApiIsCalledWithoutSession() {
        Browser browser = new Browser(BASE);
        for (String path : List.of("/api/learners/me", "/xapi/statements", "/ims/case/v1p0/CFDocuments")) {
            EntityExchangeResult<byte[]> refused = browser.get(path);
            assertThat(refused.getStatus().value()).as(path).isEqualTo(401);
            assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getResponseHeaders().getLocation()).isNull();
        }
        EntityExchangeResult<byte[]> post = browser.postJson("/api/frameworks", "{}", headers -> { });
        assertThat(post.getStatus().value()).isEqualTo(401);
    }

    private static String csrfOf(Browser browser) {
        browser.get("/session");
        return browser.cookie("XSRF-TOKEN");
    }

}
