package dev.competency.gateway.signin;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * Browser sessions in Redis ({@code platform.gateway.session.store=redis}, {@code SESSION_STORE=redis}), so that every
 * gateway replica knows every session; the connection is {@code spring.data.redis.*}, the one the shared rate limits
 * use. Without it, sessions live in the memory of the replica that made them (Spring WebFlux's own session store),
 * which suits one replica. Either way the cookie and the idle timeout come from {@code server.reactive.session.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "platform.gateway.session.store", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = "competency:gateway:session")
class SessionStoreConfiguration {

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionIdleTimeout(
            @Value("${server.reactive.session.timeout}") Duration idleTimeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(idleTimeout);
    }
}
