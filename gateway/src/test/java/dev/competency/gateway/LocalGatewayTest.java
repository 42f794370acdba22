package dev.competency.gateway;

import dev.competency.gateway.devissuer.DevIssuer;
import dev.competency.gateway.devissuer.TestTokens;
import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as the local run starts it (profile {@code local}, development issuer on), in front of the stand-in
 * services. Every test class extending this one shares the same Spring context. Limits are lowered so tests reach
 * them quickly: 64 KB bodies, 1 s analytics and community timeouts, bursts of 30 requests refilled at 5 per second per client. Per
 * address, for callers not known yet, the burst is 200 (all tests share 127.0.0.1), refilled at only 10 per second,
 * so a test that spends an address's budget (from another loopback address, {@link FromAddress}) still finds it spent
 * a moment later. The port is chosen before the start, because the gateway redeems sign-in codes at its own token
 * endpoint. The clock the gateway judges its sessions' access tokens by can be moved ({@link MovableClock}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "MAX_REQUEST_SIZE=64KB",
        "MAX_XAPI_REQUEST_SIZE=128KB",
        "MAX_IMPORT_REQUEST_SIZE=128KB",
        "ANALYTICS_RESPONSE_TIMEOUT_MS=1000",
        "COMMUNITY_RESPONSE_TIMEOUT_MS=1000",
        "RATE_LIMIT_BURST=30",
        "RATE_LIMIT_PER_SECOND=5",
        "RATE_LIMIT_ANONYMOUS_BURST=200",
        "RATE_LIMIT_ANONYMOUS_PER_SECOND=10",
        "PORTAL_ORIGINS=http://portal.example",
        "OIDC_ISSUER_URI=" + LocalGatewayTest.ISSUER})
@ActiveProfiles("local")
@Import(MovableClock.class)
abstract class LocalGatewayTest {

    static final String ISSUER = "http://gateway.test/dev-issuer";
    static final int PORT = FreshConnections.freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer devIssuer;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("FRAMEWORKS_URL", () -> StandInBackends.url("frameworks"));
        registry.add("ASSESSMENTS_URL", () -> StandInBackends.url("assessments"));
        registry.add("LEARNER_PROFILES_URL", () -> StandInBackends.url("learner-profiles"));
        registry.add("ANALYTICS_URL", () -> StandInBackends.url("analytics"));
        registry.add("COMMUNITY_URL", () -> StandInBackends.url("community"));
        registry.add("server.port", () -> PORT);
        registry.add("OIDC_AUTHORIZATION_URI", () -> BASE + "/dev-issuer/authorize");
        registry.add("OIDC_TOKEN_URI", () -> BASE + "/dev-issuer/token");
        registry.add("OIDC_JWK_SET_URI", () -> BASE + "/dev-issuer/jwks");
        registry.add("OIDC_END_SESSION_URI", () -> BASE + "/dev-issuer/logout");
    }

    TestTokens tokens() {
        return new TestTokens(devIssuer);
    }

    WebTestClient client() {
        return FreshConnections.client(port);
    }

    /** A URI kept exactly as written (WebTestClient would encode a string). */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
