package dev.competency.assessments.frameworks;

import com.mongodb.client.MongoDatabase;
import dev.competency.assessments.frameworks.query.FrameworkArrivals;
import dev.competency.assessments.frameworks.query.FrameworkCatalogue;
import dev.competency.platform.service.arrival.StreamArrivals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FrameworksConfiguration {

    @Bean
    FrameworkCatalogue frameworkCatalogue(MongoDatabase serviceDatabase) {
        return new FrameworkCatalogue(serviceDatabase);
    }

    /** The one {@code FrameworkVersions} of the service: what aggregates and alignments are checked against. */
    @Bean
    FrameworkArrivals frameworkArrivals(FrameworkCatalogue catalogue, StreamArrivals arrivals) {
        return new FrameworkArrivals(catalogue, arrivals);
    }
}
