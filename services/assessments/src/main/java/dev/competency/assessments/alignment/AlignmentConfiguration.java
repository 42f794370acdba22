package dev.competency.assessments.alignment;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.alignment.query.ActivityAlignments;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlignmentConfiguration {

    @Bean
    ActivityAlignments activityAlignments(MongoDatabase serviceDatabase, Clock clock) {
        return new ActivityAlignments(serviceDatabase, clock);
    }
}
