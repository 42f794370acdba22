package dev.competency.platform.service.messaging.registry;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the contracts' JSON Schemas are registered ({@code platform.schema-registry.*}). Registration is on only
 * when {@code url} is set.
 *
 * @param url           base URL of a registry that serves the Confluent-compatible REST API, for example
 *                      {@code http://registry:8080/apis/ccompat/v7} for Apicurio Registry 3 (environment variable
 *                      {@code SCHEMA_REGISTRY_URL}); empty: nothing is registered
 * @param topics        the public topics this service publishes; the schema of every event type of each is registered
 * @param retryDelay    wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param giveUpAfter   how long to keep trying while the registry is unreachable or failing; then the subjects still
 *                      missing are reported as failed, and registered again at the next start
 * @param timeout       connect and response timeout of one request
 */
@ConfigurationProperties("platform.schema-registry")
public record SchemaRegistryProperties(String url, List<String> topics, Duration retryDelay, Duration maxRetryDelay,
                                       Duration giveUpAfter, Duration timeout) {

    public SchemaRegistryProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(1) : maxRetryDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofMinutes(10) : giveUpAfter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
