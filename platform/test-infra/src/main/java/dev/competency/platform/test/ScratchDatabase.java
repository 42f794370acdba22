package dev.competency.platform.test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;

/** A database of its own on the shared test store, for one test of a projection; dropped when closed. */
public final class ScratchDatabase implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    private ScratchDatabase(String name) {
        this.client = MongoClients.create(TestInfrastructure.endpoints().mongoUri(name));
        this.database = client.getDatabase(name);
    }

    /** A new, empty database whose name starts with {@code prefix}. */
    public static ScratchDatabase create(String prefix) {
        return new ScratchDatabase(prefix + "-" + UUID.randomUUID());
    }

    public MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.drop();
        } finally {
            client.close();
        }
    }
}
