package dev.competency.learners.learner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.learner.Examples;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestInfrastructure;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class LearnerEventStoreIT {

    private static final String DATABASE = "learner-profiles-store-it";

    @Test
    void sourcesLearnerFromMongoEventStore_afterApplicationRestart() {
        String learnerId = UUID.randomUUID().toString();
        String legacyLearnerId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            assertThat(service.health("/actuator/health"))
                    .containsEntry("status", "UP").containsEntry("mongo", "UP").containsEntry("kafka", "UP");
            service.bean(CommandGateway.class).sendAndWait(
                    new RegisterLearner(learnerId, "Grace Hopper", "grace@example.org", "ENG-PLATFORM"));

            Document stored = service.bean(MongoDatabase.class).getCollection("domainevents")
                    .find(Filters.eq("aggregateIdentifier", learnerId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("payloadType")).isEqualTo(LearnerRegistered.class.getName());
            // Name and address are not readable in the store (the organisation unit, not personal, is), only
            // through the learner's key.
            assertThat(stored.toJson()).contains("ENG-PLATFORM").doesNotContain("Grace")
                    .doesNotContain("grace@example.org");
            // The key is kept apart from the events, in the keys' own database.
            MongoClient client = service.bean(MongoClient.class);
            assertThat(keyCount(client, DATABASE + "-keys", learnerId)).isOne();
            assertThat(keyCount(client, DATABASE, learnerId)).isZero();
            Document key = client.getDatabase(DATABASE + "-keys").getCollection("learner_keys")
                    .find(Filters.eq("_id", learnerId)).first();
            assertThat(key.get("key", Binary.class).getData()).as("stored as BSON binary").hasSize(32);
            // A key that an earlier version kept beside the events.
            client.getDatabase(DATABASE).getCollection("learner_keys")
                    .insertOne(new Document("_id", legacyLearnerId).append("key", new Binary(new byte[32])));
        }

        try (RunningService restarted = RunningService.start(LearnerProfilesApplication.class, DATABASE, Examples.EVIDENCE_DRIVEN_ONLY)) {
            MongoClient client = restarted.bean(MongoClient.class);
            assertThat(keyCount(client, DATABASE + "-keys", legacyLearnerId)).as("moved at start").isOne();
            assertThat(keyCount(client, DATABASE, legacyLearnerId)).isZero();
            // Sourced from the store after the restart, the learner knows it is registered.
            assertThatThrownBy(() -> restarted.bean(CommandGateway.class).sendAndWait(
                    new RegisterLearner(learnerId, "Grace Hopper", null, null)))
                    .isInstanceOf(LearnerAlreadyRegistered.class);
            PersonalData personalData = restarted.bean(PersonalData.class);
            assertThat(personalData.open(learnerId, registrationOf(restarted, learnerId).displayName()))
                    .contains("Grace Hopper");

            // Erasure forgets the key: the registration event stays in the append-only store, unreadable.
            restarted.bean(CommandGateway.class).sendAndWait(new EraseLearner(learnerId, "admin-1"));
            assertThat(keyCount(client, DATABASE + "-keys", learnerId)).isZero();
            LearnerRegistered registered = registrationOf(restarted, learnerId);
            assertThat(registered.displayName()).startsWith("sealed:v1:");
            assertThat(personalData.open(learnerId, registered.displayName())).isEmpty();
            assertThat(personalData.open(learnerId, registered.email())).isEmpty();
        }
    }

    @Test
    void keepsKeysOnTheConfiguredServer_whenKeysHaveAnAddressOfTheirOwn() {
        String learnerId = UUID.randomUUID().toString();
        String keysUri = TestInfrastructure.endpoints().mongoUri("learner-keys-elsewhere-it");
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-keys-it",
                Examples.EVIDENCE_DRIVEN_ONLY, "learner-profiles.keys.mongodb-uri=" + keysUri)) {
            service.bean(CommandGateway.class).sendAndWait(
                    new RegisterLearner(learnerId, "Katherine Johnson", "katherine@example.org", "ENG-PLATFORM"));

            MongoClient client = service.bean(MongoClient.class);
            assertThat(keyCount(client, "learner-keys-elsewhere-it", learnerId)).isOne();
            assertThat(keyCount(client, "learner-profiles-keys-it-keys", learnerId)).isZero();
            assertThat(keyCount(client, "learner-profiles-keys-it", learnerId)).isZero();
        }
    }

    private static long keyCount(MongoClient client, String database, String learnerId) {
        return client.getDatabase(database).getCollection("learner_keys").countDocuments(Filters.eq("_id", learnerId));
    }

    private static LearnerRegistered registrationOf(RunningService service, String learnerId) {
        return service.bean(EventStore.class).readEvents(learnerId).asStream().map(DomainEventMessage::getPayload)
                .filter(LearnerRegistered.class::isInstance).map(LearnerRegistered.class::cast).findFirst()
                .orElseThrow();
    }
}
