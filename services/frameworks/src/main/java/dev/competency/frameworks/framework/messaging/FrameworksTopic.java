package dev.competency.frameworks.framework.messaging;

import dev.competency.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Sets {@code max.message.bytes} of {@value Topics#FRAMEWORKS} to what the frameworks producer may send
 * ({@code frameworks.publication.max-message-bytes}, also its {@code max.request.size}): a snapshot of a large
 * framework is far above the broker's default of about 1 MB. Runs before the publisher starts; it creates the topic
 * with the setting when it does not exist yet and sets it when it does (whoever created it). When the broker cannot
 * be reached the failure is logged and publications above 1 MB fail and are retried until the next start.
 */
@Component
class FrameworksTopic implements SmartInitializingSingleton {

    /** Room for key, CloudEvents headers and record batch overhead above the payload. */
    static final long RECORD_OVERHEAD = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FrameworksTopic.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaAdmin admin;
    private final long maxMessageBytes;

    FrameworksTopic(KafkaAdmin admin, @Value("${frameworks.publication.max-message-bytes}") long maxMessageBytes) {
        this.admin = admin;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String value = String.valueOf(maxMessageBytes);
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            try {
                client.createTopics(List.of(new NewTopic(Topics.FRAMEWORKS, Topics.partitions(Topics.FRAMEWORKS),
                        (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            client.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.FRAMEWORKS),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value),
                            AlterConfigOp.OpType.SET)))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Topic {} carries records up to {} bytes", Topics.FRAMEWORKS, value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Interrupted while setting max.message.bytes of {}", Topics.FRAMEWORKS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("Could not set max.message.bytes of {} to {}: frameworks above the broker's default will not"
                    + " be published until the next start", Topics.FRAMEWORKS, value, e);
        }
    }
}
