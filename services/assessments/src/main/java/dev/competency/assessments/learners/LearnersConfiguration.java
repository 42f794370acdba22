package dev.competency.assessments.learners;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.learners.query.LearnerArrivals;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.service.arrival.StreamArrivals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LearnersConfiguration {

    /** Addresses stored in readable form by an earlier version are hashed before the directory is used. */
    @Bean
    LearnerDirectory learnerDirectory(MongoDatabase serviceDatabase) {
        LearnerDirectory directory = new LearnerDirectory(serviceDatabase);
        directory.hashStoredAddresses();
        return directory;
    }

    @Bean
    LearnerArrivals learnerArrivals(LearnerDirectory directory, StreamArrivals arrivals) {
        return new LearnerArrivals(directory, arrivals);
    }
}
