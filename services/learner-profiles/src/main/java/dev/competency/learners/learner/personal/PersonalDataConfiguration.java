package dev.competency.learners.learner.personal;

import com.mongodb.client.MongoDatabase;
import dev.competency.learners.learner.domain.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Learners' names and e-mail addresses are sealed with a key per learner, kept in this service's database. */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalData personalData(MongoDatabase serviceDatabase) {
        return new SealedPersonalData(new LearnerKeys(serviceDatabase));
    }
}
