package dev.competency.platform.test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

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

    /** Every document of {@code collection}, as stored, for tests of a read model's stored shape. */
    public List<Document> documents(String collection) {
        return database.getCollection(collection).find().into(new ArrayList<>());
    }

    /** The name and key of every index of {@code collection}. */
    public List<Document> indexes(String collection) {
        List<Document> indexes = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> indexes.add(
                new Document("name", index.getString("name")).append("key", index.get("key"))));
        return indexes;
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
