package dev.competency.learners.learner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.platform.test.RunningService;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class LearnerEventStoreIT {

    private static final String DATABASE = "learner-profiles-store-it";

    @Test
    void sourcesLearnerFromMongoEventStore_afterApplicationRestart() {
        String learnerId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE)) {
            assertThat(service.health("/actuator/health/readiness"))
                    .containsEntry("status", "UP").containsEntry("mongo", "UP").containsEntry("kafka", "UP");
            service.bean(CommandGateway.class).sendAndWait(
                    new RegisterLearner(learnerId, "Grace Hopper", "grace@example.org", "ENG-PLATFORM"));

            Document stored = service.bean(MongoDatabase.class).getCollection("domainevents")
                    .find(Filters.eq("aggregateIdentifier", learnerId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("payloadType")).isEqualTo(LearnerRegistered.class.getName());
        }

        try (RunningService restarted = RunningService.start(LearnerProfilesApplication.class, DATABASE)) {
            Learner learner = restarted.aggregate("learnerRepository", learnerId);
            assertThat(learner.learnerId()).isEqualTo(learnerId);
            assertThat(learner.displayName()).isEqualTo("Grace Hopper");
            assertThat(learner.organisationUnit()).isEqualTo("ENG-PLATFORM");
            assertThat(learner.registeredAt()).isNotNull();
        }
    }
}
