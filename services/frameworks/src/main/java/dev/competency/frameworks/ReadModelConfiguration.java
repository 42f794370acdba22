package dev.competency.frameworks;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.readmodel.ReadModels;
import dev.competency.frameworks.resource.query.ResourceCatalogue;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.ReadYourWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read models, each a MongoDB collection group in the service's own database, built by one processor
 * ({@link ReadModels}); requests wait for it ({@link ReadYourWrites}) and admins rebuild it ({@link ReadModelRebuild}),
 * both declared by the Axon starter from {@code platform.read-models.*} in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    FrameworkCatalogue frameworkCatalogue(MongoDatabase serviceDatabase, JsonMapper json) {
        return new FrameworkCatalogue(serviceDatabase, json);
    }

    @Bean
    RoleProfileCatalogue roleProfileCatalogue(MongoDatabase serviceDatabase, JsonMapper json) {
        return new RoleProfileCatalogue(serviceDatabase, json);
    }

    @Bean
    ResourceCatalogue resourceCatalogue(MongoDatabase serviceDatabase, JsonMapper json) {
        return new ResourceCatalogue(serviceDatabase, json);
    }
}
