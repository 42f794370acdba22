package dev.competency.assessments.frameworks;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FrameworksConfiguration {

    @Bean
    FrameworkCatalogue frameworkCatalogue(MongoDatabase serviceDatabase) {
        return new FrameworkCatalogue(serviceDatabase);
    }
}
