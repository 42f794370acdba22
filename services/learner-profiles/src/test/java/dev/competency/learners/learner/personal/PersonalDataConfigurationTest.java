package dev.competency.learners.learner.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoTimeoutException;
import dev.competency.platform.service.mongo.StoreUnavailableProblems;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class PersonalDataConfigurationTest {

    @Test
    void refusesToStart_whenTheKeysAddressNamesNoDatabase() {
        assertThatThrownBy(() -> new PersonalDataConfiguration().learnerKeysStore(null, null,
                "mongodb://127.0.0.1:27017", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEYS_MONGODB_URI")
                .hasMessageContaining("names no database");
    }

    @Test
    void boundsServerSelectionAsConfigured_whenTheKeysHaveAServerOfTheirOwn() {
        assertThat(PersonalDataConfiguration.keysClientSettings(
                new ConnectionString("mongodb://keys-host:27017/learner-keys"), Duration.ofMillis(2_500))
                .getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .as("the configured bound, not the driver's 30 s").isEqualTo(2_500);
    }

    @Test
    void takesTheAddresssTimeout_whenTheKeysAddressGivesOne() {
        assertThat(PersonalDataConfiguration.keysClientSettings(new ConnectionString(
                "mongodb://keys-host:27017/learner-keys?serverSelectionTimeoutMS=1200"), Duration.ofSeconds(5))
                .getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_200);
    }

    @Test
    void failsAsUnreachableWithinTheBound_whenTheKeysServerIsAway() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (PersonalDataConfiguration.LearnerKeysStore store = new PersonalDataConfiguration().learnerKeysStore(
                null, null, "mongodb://127.0.0.1:" + port + "/learner-keys", Duration.ofMillis(500))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.database().runCommand(new Document("ping", 1)))
                    .isInstanceOf(MongoTimeoutException.class)
                    .satisfies(failure -> assertThat(StoreUnavailableProblems.isUnreachable(failure))
                            .as("answered 503 with Retry-After").isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the keys' server")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }
}
