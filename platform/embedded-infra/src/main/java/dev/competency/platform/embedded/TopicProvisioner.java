package dev.competency.platform.embedded;

import dev.competency.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the public topics and their dead-letter topics with the partition counts the services expect. */
public final class TopicProvisioner {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicProvisioner() {
    }

    /** The topics every environment needs: each public topic and its dead-letter topic, with partitions and settings. */
    public static List<NewTopic> platformTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, Topics.partitions(topic), (short) 1).configs(Topics.settings(topic)));
            String deadLetter = Topics.deadLetter(topic);
            topics.add(new NewTopic(deadLetter, 1, (short) 1).configs(Topics.settings(deadLetter)));
        }
        return topics;
    }

    /** Creates whatever platform topic is missing on the cluster; existing topics are left as they are. */
    public static void ensurePlatformTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = platformTopics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics on " + bootstrapServers, e);
        }
    }
}
