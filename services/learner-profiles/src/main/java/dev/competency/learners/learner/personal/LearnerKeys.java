package dev.competency.learners.learner.personal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.security.SecureRandom;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The learners' keys in the collection {@code learner_keys} of the keys' own database, one document per learner.
 * Not a read model: nothing rebuilds it, and a rebuild of the read models leaves it alone. Two replicas registering
 * the same learner at once get the same key (the first insert wins).
 */
public class LearnerKeys implements SealedPersonalData.Keys {

    static final String COLLECTION = "learner_keys";
    private static final int KEY_BYTES = 32;

    private final MongoCollection<StoredKey> keys;
    private final SecureRandom random = new SecureRandom();

    public LearnerKeys(MongoDatabase keysDatabase) {
        this.keys = RecordCollections.collection(keysDatabase, COLLECTION, StoredKey.class);
    }

    /** A learner's key as stored (BSON binary); public only because the driver's record codec calls it. */
    public record StoredKey(@BsonId LearnerId learnerId, @BsonProperty(KEY) byte[] key) {
        static final String KEY = "key";
    }

    /**
     * Moves keys that an earlier version kept in the service's own database into the keys' database, then drops
     * them there. Safe to repeat and to run on several replicas at once: a key already moved is left as it is.
     */
    void moveFrom(MongoDatabase serviceDatabase) {
        if (serviceDatabase.getName().equals(keys.getNamespace().getDatabaseName())) {
            return;
        }
        MongoCollection<StoredKey> old = RecordCollections.collection(serviceDatabase, COLLECTION, StoredKey.class);
        for (StoredKey key : old.find()) {
            keys.updateOne(Filters.eq("_id", key.learnerId()), Updates.setOnInsert(StoredKey.KEY, key.key()),
                    new UpdateOptions().upsert(true));
            old.deleteOne(Filters.eq("_id", key.learnerId()));
        }
    }

    @Override
    public byte[] keyOf(String learnerId) {
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        return keys.findOneAndUpdate(Filters.eq("_id", new LearnerId(learnerId)),
                Updates.setOnInsert(StoredKey.KEY, candidate),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).key();
    }

    @Override
    public Optional<byte[]> existingKeyOf(String learnerId) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", new LearnerId(learnerId))).first())
                .map(StoredKey::key);
    }

    @Override
    public void forget(String learnerId) {
        keys.deleteOne(Filters.eq("_id", new LearnerId(learnerId)));
    }
}
