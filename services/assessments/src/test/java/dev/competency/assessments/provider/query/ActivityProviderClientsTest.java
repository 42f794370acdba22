package dev.competency.assessments.provider.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ActivityProviderClientsTest {

    @Test
    @SuppressWarnings("unchecked")
    void refusesAsInvalidAndStoresNothing_whenNameIsBlank() {
        MongoDatabase database = mock(MongoDatabase.class);
        MongoCollection<ActivityProviderClients.StoredClient> collection = mock(MongoCollection.class);
        when(database.getCollection(ActivityProviderClients.COLLECTION, ActivityProviderClients.StoredClient.class))
                .thenReturn(collection);
        when(collection.withCodecRegistry(any())).thenReturn(collection);
        ActivityProviderClients clients = new ActivityProviderClients(database, Clock.systemUTC());

        assertThatThrownBy(() -> clients.register("  ", "admin-1", false))
                .isInstanceOfSatisfying(Refusal.class, refusal -> org.assertj.core.api.Assertions
                        .assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID))
                .hasMessageContaining("name");
        verify(collection, never()).insertOne(any());
    }
}
