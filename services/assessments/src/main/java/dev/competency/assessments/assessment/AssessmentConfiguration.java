package dev.competency.assessments.assessment;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.assessment.query.AssessmentCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    AssessmentCatalogue assessmentCatalogue(MongoDatabase serviceDatabase, JsonMapper json) {
        return new AssessmentCatalogue(serviceDatabase, json);
    }
}
