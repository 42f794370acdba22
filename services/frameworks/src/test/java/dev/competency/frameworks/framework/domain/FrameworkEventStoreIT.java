package dev.competency.frameworks.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.frameworks.FrameworksApplication;
import dev.competency.platform.test.RunningService;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class FrameworkEventStoreIT {

    private static final String DATABASE = "frameworks-store-it";

    @Test
    void sourcesFrameworkFromMongoEventStore_afterApplicationRestart() {
        String frameworkId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(FrameworksApplication.class, DATABASE)) {
            assertThat(service.health("/actuator/health/readiness"))
                    .containsEntry("status", "UP").containsEntry("mongo", "UP").containsEntry("kafka", "UP");

            service.bean(CommandGateway.class).sendAndWait(
                    new CreateFramework(frameworkId, "DEV.API", "API design", "Designing HTTP APIs", "author-1"));

            Document stored = service.bean(MongoDatabase.class).getCollection("domainevents")
                    .find(Filters.eq("aggregateIdentifier", frameworkId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("payloadType")).isEqualTo(FrameworkCreated.class.getName());
        }

        try (RunningService restarted = RunningService.start(FrameworksApplication.class, DATABASE)) {
            Framework framework = restarted.aggregate("frameworkRepository", frameworkId);
            assertThat(framework.frameworkId()).isEqualTo(frameworkId);
            assertThat(framework.code()).isEqualTo("DEV.API");
            assertThat(framework.title()).isEqualTo("API design");
            assertThat(framework.status()).isEqualTo(FrameworkStatus.DRAFT);
            assertThat(framework.draftVersion()).isEqualTo(1);
        }
    }
}
