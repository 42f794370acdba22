package dev.competency.assessments.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.assessments.AssessmentsApplication;
import dev.competency.platform.test.RunningService;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AssessmentEventStoreIT {

    private static final String DATABASE = "assessments-store-it";

    @Test
    void sourcesAssessmentFromMongoEventStore_whenApplicationRestarts() {
        String assessmentId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(AssessmentsApplication.class, DATABASE)) {
            assertThat(service.health("/actuator/health"))
                    .containsEntry("status", "UP").containsEntry("mongo", "UP").containsEntry("kafka", "UP");
            service.bean(CommandGateway.class).sendAndWait(new CreateAssessment(assessmentId,
                    AssessmentKind.RUBRIC, "API design review", "fw-7", 3, "author-2"));

            Document stored = service.bean(MongoDatabase.class).getCollection("domainevents")
                    .find(Filters.eq("aggregateIdentifier", assessmentId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("payloadType")).isEqualTo(AssessmentCreated.class.getName());
        }

        try (RunningService restarted = RunningService.start(AssessmentsApplication.class, DATABASE)) {
            Assessment assessment = restarted.aggregate("assessmentRepository", assessmentId);
            assertThat(assessment.assessmentId()).isEqualTo(assessmentId);
            assertThat(assessment.kind()).isEqualTo(AssessmentKind.RUBRIC);
            assertThat(assessment.title()).isEqualTo("API design review");
            assertThat(assessment.frameworkId()).isEqualTo("fw-7");
            assertThat(assessment.frameworkVersion()).isEqualTo(3);
            assertThat(assessment.draftVersion()).isEqualTo(1);
        }
    }
}
