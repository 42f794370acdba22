package dev.competency.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.fppt.jedismock.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Browser sessions in Redis ({@code SESSION_STORE=redis}), against a Redis server speaking the real protocol: the
 * signed-in session, with its tokens, lives in Redis under the gateway's namespace, so every replica can serve it,
 * and logout deletes it there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "SESSION_STORE=redis", "OIDC_ISSUER_URI=http://gateway.test/dev-issuer"})
@ActiveProfiles("local")
class RedisSessionStoreTest {

    private static final RedisServer REDIS = startRedis();
    private static final int PORT = FreshConnections.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("REDIS_HOST", () -> "127.0.0.1");
        // The in-process server answers the first handshake slowly on a busy machine.
        registry.add("REDIS_TIMEOUT", () -> "10s");
        registry.add("REDIS_PORT", REDIS::getBindPort);
        registry.add("OIDC_AUTHORIZATION_URI", () -> BASE + "/dev-issuer/authorize");
        registry.add("OIDC_TOKEN_URI", () -> BASE + "/dev-issuer/token");
        registry.add("OIDC_JWK_SET_URI", () -> BASE + "/dev-issuer/jwks");
        registry.add("OIDC_END_SESSION_URI", () -> BASE + "/dev-issuer/logout");
        registry.add("LEARNER_PROFILES_URL", () -> StandInBackends.url("learner-profiles"));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        REDIS.stop();
    }

    @Test
    void keepsSessionInRedisAndDeletesIt_whenUserSignsInThenOut() {
        Browser browser = new Browser(BASE).signIn("learner-ada");
        String sessionId = browser.cookie("SESSION");
        String key = "competency:gateway:session:sessions:" + sessionId;

        assertThat(redis.hasKey(key).block()).as("session in Redis").isTrue();
        Set<String> attributes = Set.copyOf(redis.opsForHash().keys(key).map(String::valueOf).collectList().block());
        assertThat(attributes).anyMatch(name -> name.contains("SPRING_SECURITY_CONTEXT"))
                .anyMatch(name -> name.contains("AUTHORIZED_CLIENTS"));
        assertThat(redis.getExpire(key).block()).as("idle timeout").isPositive();

        EntityExchangeResult<byte[]> api = browser.get("/api/learners/me", headers -> { });
        assertThat(api.getStatus().value()).isEqualTo(200);
        assertThat(api.getResponseHeaders().getFirst("X-Seen-Authorization")).startsWith("Bearer ");

        browser.get("/session");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", browser.cookie("XSRF-TOKEN"));
        assertThat(browser.post("/logout", form, headers -> { }).getStatus().value()).isEqualTo(302);
        assertThat(redis.hasKey(key).block()).as("session after logout").isFalse();
    }

    private static RedisServer startRedis() {
        try {
            return RedisServer.newRedisServer().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
