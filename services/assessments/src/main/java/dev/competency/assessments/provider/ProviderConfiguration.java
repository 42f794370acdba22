package dev.competency.assessments.provider;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.provider.query.ActivityProviderClients;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    ActivityProviderClients activityProviderClients(MongoDatabase serviceDatabase, Clock clock) {
        return new ActivityProviderClients(serviceDatabase, clock);
    }
}
