package dev.competency.learners.catalogue.messaging;

import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.learners.catalogue.query.CatalogueArrivals;
import dev.competency.learners.catalogue.query.FrameworkCatalogue;
import dev.competency.learners.catalogue.query.FrameworkVersionStored;
import dev.competency.learners.catalogue.query.RoleProfiles;
import dev.competency.platform.service.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the framework catalogue, role profiles and learning resources up to date from
 * {@code competency.frameworks.v1}, and announces each stored framework version so that mastery under it can be
 * (re)computed.
 */
@Component
class FrameworkStreamListener {

    private final IdempotentConsumer consumer;
    private final FrameworkCatalogue catalogue;
    private final RoleProfiles roleProfiles;
    private final ApplicationEventPublisher events;

    FrameworkStreamListener(IdempotentConsumer consumer, FrameworkCatalogue catalogue, RoleProfiles roleProfiles,
                            ApplicationEventPublisher events) {
        this.consumer = consumer;
        this.catalogue = catalogue;
        this.roleProfiles = roleProfiles;
        this.events = events;
    }

    @KafkaListener(id = CatalogueArrivals.CONSUMER, groupId = CatalogueArrivals.CONSUMER, topics = Topics.FRAMEWORKS)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CatalogueArrivals.CONSUMER, record, event -> {
            if (event.payload() instanceof FrameworkPublished snapshot) {
                catalogue.store(snapshot, event.attributes());
                events.publishEvent(new FrameworkVersionStored(snapshot.frameworkId(), snapshot.version()));
            } else if (event.payload() instanceof FrameworkRetired retired) {
                catalogue.retire(retired);
            } else if (event.payload() instanceof RoleProfilePublished profile) {
                roleProfiles.store(profile);
            } else if (event.payload() instanceof LearningResourcePublished resource) {
                roleProfiles.store(resource);
            }
        });
    }
}
