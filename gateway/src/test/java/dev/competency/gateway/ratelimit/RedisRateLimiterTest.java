package dev.competency.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.fppt.jedismock.RedisServer;
import com.github.fppt.jedismock.datastructures.Slice;
import com.github.fppt.jedismock.operations.server.MockExecutor;
import com.github.fppt.jedismock.server.ServiceOptions;
import com.github.fppt.jedismock.storage.OperationExecutorState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The shared limiter as the gateway configures Spring Cloud Gateway's {@link RedisRateLimiter}, against a server
 * speaking the Redis protocol and running its Lua script (an in-process implementation, as no Docker engine may be
 * available): burst, buckets shared between replicas, clients kept apart, refill, idle buckets expiring, and requests
 * let through when Redis is unreachable. The in-process server lacks {@code redis.replicate_commands()}, the script's
 * first line, which Redis 7 ignores (effects are always replicated there); the server is given the script without
 * that line and runs the rest unchanged.
 */
class RedisRateLimiterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static RedisServer server;
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void startRedis() throws IOException {
        server = RedisServer.newRedisServer()
                .setOptions(ServiceOptions.withInterceptor(RedisRateLimiterTest::withoutReplicateCommands))
                .start();
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.getHost(), server.getBindPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        // The server compiles the script at its first call, which can take seconds: not inside a test that counts
        // on calls following each other within a second.
        limiter(1, 1).isAllowed("client", "warm-up").block(Duration.ofSeconds(30));
    }

    private static Slice withoutReplicateCommands(OperationExecutorState state, String command, List<Slice> params) {
        if (command.equalsIgnoreCase("eval") && !params.isEmpty()) {
            List<Slice> changed = new ArrayList<>(params);
            changed.set(0, Slice.create(params.get(0).toString().replace("redis.replicate_commands()", "")));
            return MockExecutor.proceed(state, command, changed);
        }
        return MockExecutor.proceed(state, command, params);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        connections.destroy();
        server.stop();
    }

    @Test
    void allowsTheBurstThenRefuses_whenAClientSendsTooMany() {
        RedisRateLimiter limiter = limiter(1, 3);
        atTheStartOfASecond();

        List<RateLimiter.Response> answers = take(limiter, "sub:burst", 4);

        assertThat(answers).extracting(RateLimiter.Response::isAllowed).containsExactly(true, true, true, false);
        assertThat(answers).extracting(answer -> answer.getHeaders().get("X-RateLimit-Remaining"))
                .containsExactly("2", "1", "0", "0");
    }

    @Test
    void sharesBucketBetweenReplicas_whenOneClientCallsBoth() {
        RedisRateLimiter replicaA = limiter(1, 2);
        RedisRateLimiter replicaB = limiter(1, 2);
        atTheStartOfASecond();

        assertThat(replicaA.isAllowed("client", "sub:shared").block(TIMEOUT).isAllowed()).isTrue();
        assertThat(replicaB.isAllowed("client", "sub:shared").block(TIMEOUT).isAllowed()).isTrue();
        assertThat(replicaA.isAllowed("client", "sub:shared").block(TIMEOUT).isAllowed()).isFalse();
        assertThat(replicaB.isAllowed("client", "sub:shared").block(TIMEOUT).isAllowed()).isFalse();
        assertThat(replicaB.isAllowed("client", "sub:other").block(TIMEOUT).isAllowed()).isTrue();
    }

    @Test
    void allowsAgain_whenATokenHasComeBack() {
        RedisRateLimiter limiter = limiter(1, 1);
        assertThat(take(limiter, "sub:refill", 2)).extracting(RateLimiter.Response::isAllowed)
                .containsExactly(true, false);

        // Redis's clock counts whole seconds: at one token per second one is back within two.
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> limiter.isAllowed("client", "sub:refill").block(TIMEOUT).isAllowed());
    }

    @Test
    void expiresBucket_whenIdleLongEnoughToRefill() {
        limiter(10, 20).isAllowed("client", "sub:expiring").block(TIMEOUT);

        List<String> keys = redis.keys("request_rate_limiter.*sub:expiring*").collectList().block(TIMEOUT);
        assertThat(keys).hasSize(2);
        Duration ttl = redis.getExpire(keys.get(0)).block(TIMEOUT);

        // Twice the time a full refill takes (20 / 10 s).
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void letsRequestsThrough_whenRedisIsUnreachable() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", unusedPort()));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisRateLimiter limiter = RateLimitConfiguration.redis(new RateLimitProperties("redis", 1, 1, 0, 0),
                    new ReactiveStringRedisTemplate(nowhere), null);

            List<RateLimiter.Response> answers = take(limiter, "sub:no-redis", 3);

            assertThat(answers).extracting(RateLimiter.Response::isAllowed).containsOnly(true);
            // What the gateway's filter reads as "the store failed" (it logs a warning and sets no header).
            assertThat(answers.get(0).getHeaders()).containsEntry("X-RateLimit-Remaining", "-1");
        } finally {
            nowhere.destroy();
        }
    }

    /**
     * Waits until the clock has just begun a second: the script refills by whole seconds of Redis's clock (here the
     * in-process server's, which is this machine's), so a test that expects no refill between a few calls must not
     * straddle one.
     */
    private static void atTheStartOfASecond() {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.currentTimeMillis() % 1000 < 300);
    }

    private static int unusedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RedisRateLimiter limiter(int requestsPerSecond, int burst) {
        return RateLimitConfiguration.redis(new RateLimitProperties("redis", requestsPerSecond, burst, 0, 0), redis, null);
    }

    private static List<RateLimiter.Response> take(RedisRateLimiter limiter, String key, int times) {
        List<RateLimiter.Response> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(limiter.isAllowed("client", key).block(TIMEOUT));
        }
        return answers;
    }
}
