package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.fppt.jedismock.RedisServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The shared store against a Redis server speaking the real protocol (an in-process implementation with Lua, as no
 * Docker engine may be available): the script runs, buckets are shared between replicas, and refill works.
 */
class RedisRateLimitStoreTest {

    private static RedisServer server;
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void startRedis() throws IOException {
        server = RedisServer.newRedisServer().start();
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.getHost(), server.getBindPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        connections.destroy();
        server.stop();
    }

    @Test
    void allowsTheBurst_thenRefusesWithTimeUntilNextToken() {
        RedisRateLimitStore store = new RedisRateLimitStore(redis, 1, 3);

        List<RateLimitDecision> decisions = takeTimes(store, "client-burst", 4);

        assertThat(decisions).extracting(RateLimitDecision::allowed).containsExactly(true, true, true, false);
        assertThat(decisions).extracting(RateLimitDecision::remaining).containsExactly(2L, 1L, 0L, 0L);
        assertThat(decisions.get(3).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(decisions.get(0).retryAfter()).isZero();
    }

    @Test
    void sharesOneBucketBetweenReplicas_butNotBetweenClients() {
        RedisRateLimitStore replicaA = new RedisRateLimitStore(redis, 1, 2);
        RedisRateLimitStore replicaB = new RedisRateLimitStore(redis, 1, 2);

        assertThat(replicaA.take("client-shared").block().allowed()).isTrue();
        assertThat(replicaB.take("client-shared").block().allowed()).isTrue();
        assertThat(replicaA.take("client-shared").block().allowed()).isFalse();
        assertThat(replicaB.take("client-shared").block().allowed()).isFalse();
        assertThat(replicaB.take("client-other").block().allowed()).isTrue();
    }

    @Test
    void allowsAgain_onceTheAnnouncedWaitHasPassed() throws InterruptedException {
        RedisRateLimitStore store = new RedisRateLimitStore(redis, 2, 1);
        // Spend until refused: on a slow machine a token may come back between two calls.
        RateLimitDecision refused = store.take("client-refill").block();
        for (int i = 0; i < 5 && refused.allowed(); i++) {
            refused = store.take("client-refill").block();
        }
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));

        Thread.sleep(refused.retryAfter().toMillis() + 20);

        assertThat(store.take("client-refill").block().allowed()).isTrue();
    }

    @Test
    void letsRedisForgetIdleBuckets() {
        new RedisRateLimitStore(redis, 10, 5).take("client-expiring").block();

        Long ttl = redis.getExpire(RedisRateLimitStore.KEY_PREFIX + "client-expiring").block().toMillis();

        // A full refill takes 5 / 10 s; the key lives that long plus a second's margin.
        assertThat(ttl).isPositive().isLessThanOrEqualTo(1_500L);
    }

    private static List<RateLimitDecision> takeTimes(RateLimitStore store, String client, int times) {
        List<RateLimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(store.take(client).block());
        }
        return decisions;
    }
}
