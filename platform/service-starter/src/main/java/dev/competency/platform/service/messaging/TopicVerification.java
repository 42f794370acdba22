package dev.competency.platform.service.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Where the service does not create its topics (a cluster whose topics are managed as code, with
 * {@code spring.kafka.admin.auto-create=false}), it refuses to start unless every topic it needs exists as declared:
 * the partition count, the settings of {@code Topics.settings} and a {@code min.insync.replicas} that its
 * replicas can meet (producers send with {@code acks=all}). It checks before any listener or processor starts, and
 * names every problem at once.
 */
public final class TopicVerification implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicVerification.class);

    private final Admin admin;
    private final List<NewTopic> required;
    private final Duration timeout;

    public TopicVerification(Admin admin, List<NewTopic> required, Duration timeout) {
        this.admin = admin;
        this.required = List.copyOf(required);
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Kafka topics this service needs are missing or misconfigured, so it "
                    + "does not start (create them as declared, e.g. with k8s/components/strimzi/topics.yaml): "
                    + String.join("; ", problems));
        }
        log.info("Verified {} Kafka topics: present with their partitions and settings", required.size());
    }

    /** Every difference between the cluster's topics and the required ones; empty when they match. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(topics(),
                new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis())).topicNameValues();
        for (NewTopic topic : required) {
            TopicDescription description = await(descriptions.get(topic.name()), topic.name());
            if (description == null) {
                problems.add(topic.name() + " does not exist");
                continue;
            }
            if (description.partitions().size() != topic.numPartitions()) {
                problems.add(topic.name() + " has " + description.partitions().size() + " partitions, not "
                        + topic.numPartitions() + " (records of one key must keep their partition)");
            }
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            Config config = settings(topic.name());
            int minInSync = Integer.parseInt(value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
            if (minInSync > replicas) {
                problems.add(topic.name() + " has min.insync.replicas " + minInSync + " but " + replicas
                        + " replicas: every write with acks=all would fail");
            }
            Map<String, String> declared = topic.configs() == null ? Map.of() : topic.configs();
            declared.forEach((name, expected) -> {
                String actual = value(config, name, null);
                if (!expected.equals(actual)) {
                    problems.add(topic.name() + " has " + name + " " + actual + ", not " + expected);
                }
            });
        }
        return problems;
    }

    /** The names of the topics verified. */
    public List<String> topics() {
        return required.stream().map(NewTopic::name).toList();
    }

    private Config settings(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return await(admin.describeConfigs(List.of(resource),
                new DescribeConfigsOptions().timeoutMs((int) timeout.toMillis())).values().get(resource), topic);
    }

    private static String value(Config config, String name, String fallback) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }

    /** The future's value, or null when the topic does not exist. */
    private <T> T await(KafkaFuture<T> future, String topic) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("Cannot describe the Kafka topic " + topic + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The Kafka cluster did not describe the topic " + topic + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying the Kafka topics", e);
        }
    }
}
