package dev.competency.assessments.xapi.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Collection;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The content of statement attachments sent in multipart/mixed requests (signatures among them), addressed by its
 * SHA-2 hash as the statements name it: storing the same content twice keeps one copy.
 */
public class AttachmentContents {

    static final String COLLECTION = "xapi_attachments";

    private final MongoCollection<Document> contents;

    public AttachmentContents(MongoDatabase database) {
        this.contents = database.getCollection(COLLECTION);
    }

    /** Keeps {@code content} under its hash (lower-case hex). */
    public void keep(String sha2, byte[] content) {
        contents.replaceOne(Filters.eq("_id", sha2), new Document("_id", sha2).append("content", new Binary(content)),
                new ReplaceOptions().upsert(true));
    }

    public Optional<byte[]> find(String sha2) {
        return Optional.ofNullable(contents.find(Filters.eq("_id", sha2)).first())
                .map(document -> document.get("content", Binary.class).getData());
    }

    /** Drops the contents with these hashes; hashes not kept are ignored. */
    public void forget(Collection<String> sha2s) {
        if (!sha2s.isEmpty()) {
            contents.deleteMany(Filters.in("_id", sha2s));
        }
    }
}
