package dev.competency.platform.service.health;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health of the service's database and of the broker. Readiness includes the database, without which the service
 * answers nothing; the broker's health is reported at {@code /actuator/health} but kept out of readiness, since a
 * broker outage leaves the HTTP APIs working and would otherwise take every pod out of rotation at once
 * ({@code management.endpoint.health.group} in platform-defaults.yml). The MongoDB check uses {@code ping}, which
 * every MongoDB-wire-compatible server answers (the default check's {@code hello} command is not universally
 * supported); a service without a database has none, and names its own readiness group without {@code mongo}.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "dev.competency.platform.service.mongo.ServiceDatabaseConfiguration"},
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class HealthConfiguration {

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return new KafkaHealthIndicator(Admin.create(config), Duration.ofSeconds(3));
    }

    /** Only for a service that has a database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.mongodb.client.MongoDatabase")
    @ConditionalOnBean(type = "com.mongodb.client.MongoDatabase")
    static class DatabaseHealth {

        @Bean
        HealthIndicator mongoHealthIndicator(MongoDatabase serviceDatabase) {
            return () -> {
                try {
                    serviceDatabase.runCommand(new Document("ping", 1));
                    return Health.up().withDetail("database", serviceDatabase.getName()).build();
                } catch (MongoException e) {
                    return Health.down(e).withDetail("database", serviceDatabase.getName()).build();
                }
            };
        }
    }

    /** Reports UP when the cluster answers a metadata request within the timeout. */
    public static final class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

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

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
