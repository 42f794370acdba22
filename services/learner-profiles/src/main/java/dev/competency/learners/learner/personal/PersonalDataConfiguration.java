package dev.competency.learners.learner.personal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.competency.learners.learner.domain.PersonalData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Learners' names and e-mail addresses are sealed with a key per learner. The keys live in a database of their own,
 * apart from the event store they protect, so that restoring a backup of the events never brings back a key that
 * an erasure destroyed (docs/operations.md, "Erasure and backups").
 *
 * <p>On a server of their own the keys get a client of their own, bounded like the service's: while that server is
 * away a request waits at most {@code learner-profiles.keys.server-selection-timeout} (by default the platform's
 * {@code platform.mongodb.server-selection-timeout}, 5 s; the driver's own default is 30 s) and is answered 503 with
 * {@code Retry-After}. A {@code serverSelectionTimeoutMS} in the keys' address wins.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    LearnerKeysStore learnerKeysStore(MongoClient serviceClient, MongoDatabase serviceDatabase,
            @Value("${learner-profiles.keys.mongodb-uri:}") String keysUri,
            @Value("${learner-profiles.keys.server-selection-timeout:${platform.mongodb.server-selection-timeout:5s}}")
            Duration serverSelectionTimeout) {
        if (keysUri.isBlank()) {
            // No address configured: on the service's server, beside its own database.
            return new LearnerKeysStore(serviceClient.getDatabase(serviceDatabase.getName() + "-keys"), null);
        }
        ConnectionString address = new ConnectionString(keysUri);
        if (address.getDatabase() == null) {
            throw new IllegalStateException("learner-profiles.keys.mongodb-uri (KEYS_MONGODB_URI) names no database: "
                    + "give one in its path, for example mongodb://keys-host:27017/learner-keys");
        }
        MongoClient own = MongoClients.create(keysClientSettings(address, serverSelectionTimeout));
        return new LearnerKeysStore(own.getDatabase(address.getDatabase()), own);
    }

    /** The keys' client settings: the bounded server selection first, then the address, whose options win. */
    static MongoClientSettings keysClientSettings(ConnectionString address, Duration serverSelectionTimeout) {
        return MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyConnectionString(address)
                .build();
    }

    @Bean
    PersonalData personalData(LearnerKeysStore store, MongoDatabase serviceDatabase) {
        LearnerKeys keys = new LearnerKeys(store.database());
        keys.moveFrom(serviceDatabase);
        return new SealedPersonalData(keys);
    }

    /** The keys' database, and the client this service opened for it when it is on a server of its own. */
    record LearnerKeysStore(MongoDatabase database, MongoClient ownClient) implements AutoCloseable {

        @Override
        public void close() {
            if (ownClient != null) {
                ownClient.close();
            }
        }
    }
}
