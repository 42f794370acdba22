package dev.competency.assessments.attempt;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.attempt.query.AttemptBoard;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttemptConfiguration {

    @Bean
    AttemptBoard attemptBoard(MongoDatabase serviceDatabase) {
        return new AttemptBoard(serviceDatabase);
    }

    /**
     * Time limits of attempts. The simple deadline manager keeps its schedule in memory: after a restart a passed
     * limit is applied when the learner next saves or submits (both check the deadline themselves), not on time.
     */
    @Bean
    DeadlineManager deadlineManager(org.axonframework.config.Configuration configuration) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .build();
    }
}
