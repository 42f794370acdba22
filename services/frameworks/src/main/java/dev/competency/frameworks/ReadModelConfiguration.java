package dev.competency.frameworks;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.readmodel.ReadModels;
import dev.competency.frameworks.resource.query.ResourceCatalogue;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.axon.SequencedMongoEventStorageEngine;
import java.time.Duration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read models, each a MongoDB collection group in the service's own database, built by one tracking processor
 * ({@link ReadModels}); requests wait for it ({@link ReadYourWrites}) and admins rebuild it ({@link ReadModelRebuild}).
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

    /** Requests wait up to {@code frameworks.read-models.wait} for the read models to show what is stored. */
    @Bean
    ReadYourWrites readYourWrites(MongoTemplate axonMongoTemplate, Serializer serializer,
            SequencedMongoEventStorageEngine store, @Value("${frameworks.read-models.wait:PT10S}") Duration wait) {
        return new ReadYourWrites(ReadModels.PROCESSING_GROUP, axonMongoTemplate, serializer, store, wait);
    }
}
