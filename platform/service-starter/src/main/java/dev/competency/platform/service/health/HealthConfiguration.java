package dev.competency.platform.service.health;

import dev.competency.platform.service.messaging.MessagingConfiguration;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * Health of the service's database and of the broker. Readiness includes the database, without which the service
 * answers nothing; the broker's health is reported at {@code /actuator/health} but kept out of readiness, since a
 * broker outage leaves the HTTP APIs working and would otherwise take every pod out of rotation at once
 * ({@code management.endpoint.health.group} in platform-defaults.yml). The database's health is in
 * {@code ServiceDatabaseConfiguration}, for a service that has one.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class HealthConfiguration {

    /** Asks through the service's one admin client ({@code MessagingConfiguration#platformAdmin}). */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin platformAdmin) {
        return new KafkaHealthIndicator(platformAdmin, MessagingConfiguration.ADMIN_TIMEOUT);
    }

    /** Reports UP when the cluster answers a metadata request within the timeout. */
    public static final class KafkaHealthIndicator extends AbstractHealthIndicator {

        private final Admin admin;
        private final Duration timeout;

        KafkaHealthIndicator(Admin admin, Duration timeout) {
            super("Kafka health check failed");
            this.admin = admin;
            this.timeout = timeout;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) throws Exception {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
        }
    }
}
