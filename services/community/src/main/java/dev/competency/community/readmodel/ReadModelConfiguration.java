package dev.competency.community.readmodel;

import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.service.axon.SequencedMongoEventStorageEngine;
import java.time.Duration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    /** Requests wait up to {@code community.read-models.wait} for the read models to show their own write. */
    @Bean
    ReadYourWrites readYourWrites(MongoTemplate axonMongoTemplate, Serializer serializer,
            SequencedMongoEventStorageEngine store, @Value("${community.read-models.wait:PT10S}") Duration wait) {
        return new ReadYourWrites(ReadModels.PROCESSING_GROUP, axonMongoTemplate, serializer, store, wait);
    }
}
