package dev.competency.assessments.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.SharedService;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.KafkaTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The learner directory keeps no name or address, forgets a learner on a tombstone, and hashes what it once kept. */
class LearnerDirectoryIT {

    @Test
    void keepsNeitherNameNorAddress_whenOlderRecordCarriesThem() {
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        String learnerId = UUID.randomUUID().toString();
        String older = """
                {"learnerId":"%s","displayName":"Olga Older","email":"olga.%s@example.com",
                 "organisationUnit":"Archive","registeredAt":"2025-02-17T07:58:41Z"}""".formatted(learnerId, learnerId);

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_REGISTERED, learnerId, older.getBytes()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isPresent());

        assertThat(directory.organisationUnit(learnerId)).hasValue("Archive");
        assertThat(storedText()).as("what the directory stores").noneMatch(text -> text.contains("Olga")
                || text.contains("olga." + learnerId));
    }

    @Test
    void forgetsLearnerAndKeepsReading_whenTombstoneArrives() {
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        String email = "tomb-" + UUID.randomUUID() + "@example.com";
        String learnerId = SharedService.registerLearner("Tombstones", email);
        assertThat(directory.learnerByMbox("mailto:" + email)).hasValue(learnerId);

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(new ProducerRecord<>(Topics.LEARNERS, learnerId, null));
            kafka.send(new ProducerRecord<>(Topics.LEARNERS, null, null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isEmpty());
        String after = SharedService.registerLearner("Tombstones", null);

        assertThat(directory.learnerByMbox("mailto:" + email)).isEmpty();
        assertThat(directory.organisationUnit(after)).hasValue("Tombstones");
        assertThat(KafkaTestClient.records(Topics.deadLetter(Topics.LEARNERS), r -> r.value() == null))
                .as("a tombstone is not a poison message").isEmpty();
    }

    @Test
    void replacesStoredAddressesWithTheirHashes_whenDirectoryStarts() {
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        MongoDatabase database = SharedService.get().bean(MongoDatabase.class);
        String learnerId = UUID.randomUUID().toString();
        String address = "kept-" + learnerId + "@example.com";
        database.getCollection("learner_mailboxes").insertOne(
                new Document("_id", "mailto:" + address).append("learnerId", learnerId));

        assertThat(directory.hashStoredAddresses()).isPositive();

        assertThat(directory.learnerByMbox("mailto:" + address.toUpperCase())).hasValue(learnerId);
        assertThat(directory.learnerByMboxSha1sum(MailboxHash.ofAddress(address))).hasValue(learnerId);
        assertThat(database.getCollection("learner_mailboxes").countDocuments(
                Filters.regex("_id", "^mailto:"))).isZero();
        assertThat(directory.hashStoredAddresses()).as("again: nothing left to hash").isZero();
    }

    private static List<String> storedText() {
        MongoDatabase database = SharedService.get().bean(MongoDatabase.class);
        List<String> texts = new ArrayList<>();
        for (String collection : List.of("learners", "learner_mailboxes")) {
            database.getCollection(collection).find().forEach(document -> texts.add(document.toJson()));
        }
        return texts;
    }
}
