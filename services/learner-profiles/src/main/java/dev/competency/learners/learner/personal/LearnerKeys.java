package dev.competency.learners.learner.personal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The learners' keys in the collection {@code learner_keys}, one document per learner. Not a read model: nothing
 * rebuilds it, and a rebuild of the read models leaves it alone. Two replicas registering the same learner at once
 * get the same key (the first insert wins).
 */
public class LearnerKeys implements SealedPersonalData.Keys {

    static final String COLLECTION = "learner_keys";
    private static final int KEY_BYTES = 32;

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();

    public LearnerKeys(MongoDatabase serviceDatabase) {
        this.keys = serviceDatabase.getCollection(COLLECTION);
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
