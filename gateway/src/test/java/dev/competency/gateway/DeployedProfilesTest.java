package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The gateway as docker-compose and Kubernetes run it: tokens from a real OIDC provider (here: a test key given as
 * {@code JWT_PUBLIC_KEY}) and no development issuer, whose paths answer 404. The analytics service is down in these
 * contexts, to show the 503 problem and the circuit opening.
 */
class DeployedProfilesTest {

    static final String ISSUER = "http://keycloak.test/realms/competency";
    static final RSAKey KEY = newKey();
    static final String ANALYTICS_DOWN = StandInBackends.unreachableUrl();

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "OIDC_ISSUER_URI=" + ISSUER, "CIRCUIT_OPEN_DURATION=60s", "OIDC_CLIENT_SECRET=compose-secret",
            "OIDC_AUTHORIZATION_URI=" + ISSUER + "/protocol/openid-connect/auth"})
    @ActiveProfiles("docker")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Docker extends Deployed {

        @Test
        @Order(1)
        void answersServiceUnavailableProblem_whenServiceIsDown() {
            client().get().uri("/api/analytics/heatmap").headers(h -> h.setBearerAuth(token("ANALYST"))).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/service-unavailable")
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.detail").isEqualTo("The analytics service cannot be reached; try again shortly")
                    .jsonPath("$.trace").doesNotExist();
        }

        @Test
        @Order(2)
        void opensCircuit_whenAServiceFailsRepeatedly() {
            String lastDetail = null;
            for (int i = 0; i < 15; i++) {
                lastDetail = new String(client().post().uri("/api/analytics/exports")
                        .headers(h -> h.setBearerAuth(token("ADMIN"))).bodyValue("{}")
                        .exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody().returnResult().getResponseBody());
            }
            assertThat(lastDetail).contains("/problems/service-unavailable").contains("given a rest");
        }

        @Test
        void routesToServices_whenTheyAreUp() {
            client().get().uri("/api/frameworks/fw-1").headers(h -> h.setBearerAuth(token("AUTHOR"))).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("frameworks /api/frameworks/fw-1");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "OIDC_ISSUER_URI=" + ISSUER, "OIDC_CLIENT_SECRET=k8s-secret"})
    @ActiveProfiles("k8s")
    class Kubernetes extends Deployed {
    }

    @Test
    void refusesToStart_whenClientSecretIsMissingOutsideLocalProfile() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("docker")
                .properties("server.port=0", "OIDC_ISSUER_URI=" + ISSUER, "spring.main.banner-mode=off");
        assertThatThrownBy(application::run).hasStackTraceContaining("OIDC_CLIENT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local,docker", "local,k8s"})
    void refusesToStartDevelopmentIssuer_whenADeploymentProfileIsActive(String profiles) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles(profiles.split(","))
                .properties("server.port=0", "OIDC_ISSUER_URI=" + ISSUER, "OIDC_CLIENT_SECRET=s",
                        "spring.main.banner-mode=off");
        assertThatThrownBy(application::run).hasStackTraceContaining("must not run together");
    }

    abstract static class Deployed {

        @LocalServerPort
        int port;

        @org.springframework.test.context.DynamicPropertySource
        static void services(org.springframework.test.context.DynamicPropertyRegistry registry) {
            registry.add("FRAMEWORKS_URL", () -> StandInBackends.url("frameworks"));
            registry.add("ASSESSMENTS_URL", () -> StandInBackends.url("assessments"));
            registry.add("LEARNER_PROFILES_URL", () -> StandInBackends.url("learner-profiles"));
            registry.add("ANALYTICS_URL", () -> ANALYTICS_DOWN);
            registry.add("JWT_PUBLIC_KEY", DeployedProfilesTest::publicKeyPem);
        }

        WebTestClient client() {
            return FreshConnections.client(port);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/dev-issuer/jwks", "/dev-issuer/.well-known/openid-configuration",
                "/dev-issuer/authorize?response_type=code&client_id=portal", "/dev-issuer/logout"})
        void hidesDevelopmentIssuer_whenDeployed(String path) {
            client().get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        }

        @Test
        void hidesDevelopmentTokenEndpoint_whenDeployed() {
            client().post().uri("/dev-issuer/token")
                    .body(BodyInserters.fromFormData("grant_type", "password").with("username", "admin-ada")
                            .with("password", "admin-ada-pass"))
                    .exchange()
                    .expectStatus().isNotFound();
        }

        @Test
        void hidesDevelopmentSignInForm_whenDeployed() {
            client().post().uri("/dev-issuer/authorize")
                    .body(BodyInserters.fromFormData("account", "admin-ada").with("client_id", "portal"))
                    .exchange()
                    .expectStatus().isNotFound();
        }

        @Test
        void sendsBrowsersToTheConfiguredProvider_whenTheySignIn() {
            client().get().uri("/oauth2/authorization/portal").exchange()
                    .expectStatus().isFound()
                    .expectHeader().value("Location", location -> assertThat(location)
                            .startsWith(ISSUER + "/").contains("code_challenge_method=S256"));
        }

        @Test
        void acceptsOnlyTokensOfTheConfiguredProvider_whenDeployed() {
            client().get().uri("/api/learners/me").headers(h -> h.setBearerAuth(token("LEARNER"))).exchange()
                    .expectStatus().isOk();
            client().get().uri("/api/learners/me").exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    static String token(String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(ISSUER).subject("deployed-" + System.nanoTime())
                            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                            .claim("realm_access", java.util.Map.of("roles", List.of(roles))).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("deployed-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
