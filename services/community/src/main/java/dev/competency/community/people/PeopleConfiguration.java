package dev.competency.community.people;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    @Bean
    PeopleDirectory peopleDirectory(MongoDatabase serviceDatabase) {
        return new PeopleDirectory(serviceDatabase);
    }

    /** People published a moment ago on the learners stream, awaited instead of refused ({@link StreamArrivals}). */
    @Bean
    StreamArrivals streamArrivals(ConsumerProgress progress,
                                  @Value("${community.streams.arrival-wait:3s}") Duration wait) {
        return new StreamArrivals(progress, wait);
    }
}
