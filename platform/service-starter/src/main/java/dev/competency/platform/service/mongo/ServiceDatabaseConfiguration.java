package dev.competency.platform.service.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's own MongoDB database: the database named in {@code spring.mongodb.uri}, or the application name when
 * the URI names none. Only for services with Spring Boot's MongoDB support on their classpath (the Axon starter brings
 * it); a service without it has no database, no processed-events log and no {@code mongo} health.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClient.class)
public class ServiceDatabaseConfiguration {

    /** The name of the MongoDB database that holds this service's data. */
    public static String databaseName(Environment environment) {
        String uri = environment.getProperty("spring.mongodb.uri");
        String database = uri == null ? null : new ConnectionString(uri).getDatabase();
        return database != null ? database : environment.getRequiredProperty("spring.application.name");
    }

    /** The service's own database, for read models and bookkeeping next to the event store. */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    MongoDatabase serviceDatabase(MongoClient client, Environment environment) {
        return client.getDatabase(databaseName(environment));
    }
}
