package dev.competency.assessments.xapi;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.xapi.query.ActivityDefinitions;
import dev.competency.assessments.xapi.query.AttachmentContents;
import dev.competency.assessments.xapi.query.DocumentStore;
import dev.competency.assessments.xapi.query.StatementStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

    @Bean
    StatementStore statementStore(MongoDatabase serviceDatabase, JsonMapper json, Clock clock) {
        return new StatementStore(serviceDatabase, json, clock);
    }

    @Bean
    DocumentStore documentStore(MongoDatabase serviceDatabase, Clock clock) {
        return new DocumentStore(serviceDatabase, clock);
    }

    @Bean
    AttachmentContents attachmentContents(MongoDatabase serviceDatabase) {
        return new AttachmentContents(serviceDatabase);
    }

    @Bean
    ActivityDefinitions activityDefinitions(MongoDatabase serviceDatabase, JsonMapper json) {
        return new ActivityDefinitions(serviceDatabase, json);
    }
}
