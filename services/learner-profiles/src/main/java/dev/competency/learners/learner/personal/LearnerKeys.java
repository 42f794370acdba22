package dev.competency.learners.learner.personal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The learners' keys in the collection {@code learner_keys} of the keys' own database, one document per learner.
 * Not a read model: nothing rebuilds it, and a rebuild of the read models leaves it alone. Two replicas registering
 * the same learner at once get the same key (the first insert wins).
 */
public class LearnerKeys implements SealedPersonalData.Keys {

    static final String COLLECTION = "learner_keys";
    private static final int KEY_BYTES = 32;

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();

    public LearnerKeys(MongoDatabase keysDatabase) {
        this.keys = keysDatabase.getCollection(COLLECTION);
    }

    /**
     * Moves keys that an earlier version kept in the service's own database into the keys' database, then drops
     * them there. Safe to repeat and to run on several replicas at once: a key already moved is left as it is.
     */
    void moveFrom(MongoDatabase serviceDatabase) {
        if (serviceDatabase.getName().equals(keys.getNamespace().getDatabaseName())) {
            return;
        }
        MongoCollection<Document> old = serviceDatabase.getCollection(COLLECTION);
        for (Document key : old.find()) {
            keys.updateOne(Filters.eq("_id", key.get("_id")), Updates.setOnInsert("key", key.get("key")),
                    new UpdateOptions().upsert(true));
            old.deleteOne(Filters.eq("_id", key.get("_id")));
        }
    }

    @Override
    public byte[] keyOf(String learnerId) {
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        Document kept = keys.findOneAndUpdate(Filters.eq("_id", learnerId),
                Updates.setOnInsert("key", new Binary(candidate)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return kept.get("key", Binary.class).getData();
    }

    @Override
    public Optional<byte[]> existingKeyOf(String learnerId) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", learnerId)).first())
                .map(document -> document.get("key", Binary.class).getData());
    }

    @Override
    public void forget(String learnerId) {
        keys.deleteOne(Filters.eq("_id", learnerId));
    }
}
