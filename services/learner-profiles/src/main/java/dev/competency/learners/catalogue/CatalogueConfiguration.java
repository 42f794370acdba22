package dev.competency.learners.catalogue;

import com.mongodb.client.MongoDatabase;
import dev.competency.learners.catalogue.query.CatalogueArrivals;
import dev.competency.learners.catalogue.query.CataloguePolicies;
import dev.competency.learners.catalogue.query.FrameworkCatalogue;
import dev.competency.learners.catalogue.query.RoleProfiles;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.messaging.ConsumerProgress;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    @Bean
    FrameworkCatalogue frameworkCatalogue(MongoDatabase serviceDatabase, JsonMapper json) {
        return new FrameworkCatalogue(serviceDatabase, json);
    }

    @Bean
    CataloguePolicies cataloguePolicies(FrameworkCatalogue frameworkCatalogue) {
        return new CataloguePolicies(frameworkCatalogue);
    }

    @Bean
    RoleProfiles roleProfiles(MongoDatabase serviceDatabase, JsonMapper json) {
        return new RoleProfiles(serviceDatabase, json);
    }

    @Bean
    StreamArrivals streamArrivals(ConsumerProgress progress,
                                  @Value("${learner-profiles.streams.arrival-wait:3s}") Duration wait) {
        return new StreamArrivals(progress, wait);
    }

    @Bean
    CatalogueArrivals catalogueArrivals(RoleProfiles roles, FrameworkCatalogue frameworks, StreamArrivals arrivals) {
        return new CatalogueArrivals(roles, frameworks, arrivals);
    }
}
