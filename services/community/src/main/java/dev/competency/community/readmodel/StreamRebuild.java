package dev.competency.community.readmodel;

import dev.competency.community.challenge.messaging.ChallengeStreamListener;
import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.community.challenge.query.MasteryStates;
import dev.competency.community.challenge.query.MongoLedgerStore;
import dev.competency.community.notification.messaging.StreamNotifier;
import dev.competency.community.notification.query.MasteryExpiries;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.Topics;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models kept from the public streams: each consumer group's listener is stopped, its read model
 * dropped, the group's offsets set back to the start of its topics, and the listener started again, so that it reads
 * every record anew. Every write of these read models is keyed (and ordered by offset where order matters), so the
 * replay ends where the first reading did. The notifications from the streams are not dropped: written again under
 * the same ids, they keep their read marks. Needs every other instance of the service stopped (a group with other
 * members cannot be rewound: 409).
 */
@Component
public class StreamRebuild {

    /** A read model kept by one consumer group from its topics. */
    public record StreamReadModel(String consumerGroup, List<String> topics) {
    }

    /** Which read models are being read again, and whether each group has caught up with its topics. */
    public record Status(List<StreamReadModel> readModels, Map<String, Boolean> caughtUp) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final Admin admin;
    private final ConsumerProgress progress;
    private final PeopleDirectory people;
    private final CompetencyScales scales;
    private final MasteryStates masteries;
    private final MongoLedgerStore ledgers;
    private final MasteryExpiries expiries;
    private final List<StreamReadModel> readModels = List.of(
            new StreamReadModel(PeopleDirectory.CONSUMER, List.of(Topics.LEARNERS)),
            new StreamReadModel(CompetencyScales.CONSUMER, List.of(Topics.FRAMEWORKS)),
            new StreamReadModel(ChallengeStreamListener.CONSUMER, List.of(Topics.MASTERY, Topics.LEARNERS)),
            new StreamReadModel(StreamNotifier.CONSUMER,
                    List.of(Topics.MASTERY, Topics.EVIDENCE, Topics.LEARNERS, Topics.ASSESSMENTS)));

    StreamRebuild(KafkaListenerEndpointRegistry listeners, Admin platformAdmin, ConsumerProgress progress,
                  PeopleDirectory people, CompetencyScales scales, MasteryStates masteries,
                  MongoLedgerStore ledgers, MasteryExpiries expiries) {
        this.listeners = listeners;
        this.admin = platformAdmin;
        this.progress = progress;
        this.people = people;
        this.scales = scales;
        this.masteries = masteries;
        this.ledgers = ledgers;
        this.expiries = expiries;
    }

    public synchronized Status rebuild() {
        List<MessageListenerContainer> stopped = new ArrayList<>();
        try {
            for (StreamReadModel readModel : readModels) {
                MessageListenerContainer container = listeners.getListenerContainer(readModel.consumerGroup());
                if (container != null) {
                    container.stop();
                    stopped.add(container);
                }
            }
            readModels.forEach(this::rewind);
            people.drop();
            scales.drop();
            masteries.drop();
            ledgers.drop();
            expiries.drop();
        } finally {
            stopped.forEach(MessageListenerContainer::start);
        }
        return status();
    }

    public Status status() {
        Map<String, Boolean> caughtUp = new HashMap<>();
        for (StreamReadModel readModel : readModels) {
            caughtUp.put(readModel.consumerGroup(), readModel.topics().stream()
                    .noneMatch(topic -> progress.isBehind(readModel.consumerGroup(), topic)));
        }
        return new Status(readModels, caughtUp);
    }

    private void rewind(StreamReadModel readModel) {
        try {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (String topic : readModel.topics()) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(partition -> earliest.put(new TopicPartition(topic, partition.partition()),
                                OffsetSpec.earliest()));
            }
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(readModel.consumerGroup(), start).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException) {
                throw Refusal.conflict("Consumer group " + readModel.consumerGroup() + " has members on other "
                        + "instances; stop them before rebuilding the read models of the streams");
            }
            throw new IllegalStateException("Could not rewind consumer group " + readModel.consumerGroup(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rewinding " + readModel.consumerGroup(), e);
        }
    }
}
