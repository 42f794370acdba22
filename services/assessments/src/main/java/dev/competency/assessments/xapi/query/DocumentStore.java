package dev.competency.assessments.xapi.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.xapi.domain.PersonRedaction;
import dev.competency.contracts.learners.MailboxHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of the xAPI State, Activity Profile and Agent Profile resources: opaque content with its media type,
 * one MongoDB collection per resource, keyed by what identifies the document there. These are not evidence and no
 * event is kept for them: the collections are plain read models that only this store writes.
 *
 * <p>Every document has an ETag (the quoted SHA-1 of its content, as xAPI 1.0.3 describes it). Writes take a
 * {@link Precondition} from the request's {@code If-Match} / {@code If-None-Match} headers and are conditional in the
 * database, so two writers racing on one document cannot both win: the loser gets {@link DocumentPreconditionFailed}
 * (412) or, for an unconditional write that is not allowed, {@link DocumentConflict} (409).
 *
 * <p>A State or Agent Profile document keyed by an {@code mbox} or {@code mbox_sha1sum} also keeps the hex SHA-1 of the
 * address ({@code mboxSha1sum}), so that the documents of an erased learner are found by the address hashes the
 * learner directory holds, whichever of the two forms the content used (see {@link #eraseAgent}).
 */
public class DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    private static final String MBOX = "mbox:";
    private static final String MBOX_SHA1SUM = "mbox_sha1sum:";

    /** The resources whose documents are kept per agent. */
    private static final List<Resource> PER_AGENT = List.of(Resource.STATE, Resource.AGENT_PROFILE);

    /** The three document resources and their collections. */
    public enum Resource {
        STATE("xapi_state"), ACTIVITY_PROFILE("xapi_activity_profiles"), AGENT_PROFILE("xapi_agent_profiles");

        private final String collection;

        Resource(String collection) {
            this.collection = collection;
        }
    }

    /**
     * Which documents a request is about: the resource and its scope (an activity and/or an agent identifier, a
     * registration for states); {@code documentId} is the stateId or profileId, null for every document of the scope.
     */
    public record Key(Resource resource, String activityId, String agent, String registration, String documentId) {
    }

    /** A stored document. */
    public record StoredDocument(byte[] content, String contentType, String etag, Instant updated) {
    }

    /**
     * The conditions of a write, from its headers.
     *
     * @param ifMatch     the ETag the document must have ({@code *}: it must exist), or null
     * @param ifNoneMatch true for {@code If-None-Match: *}: the document must not exist
     * @param required    whether a write without either header is refused when the document exists (409)
     */
    public record Precondition(String ifMatch, boolean ifNoneMatch, boolean required) {

        boolean given() {
            return ifMatch != null || ifNoneMatch;
        }
    }

    private final Map<Resource, MongoCollection<Document>> collections = new EnumMap<>(Resource.class);
    private final Clock clock;

    public DocumentStore(MongoDatabase database, Clock clock) {
        this.clock = clock;
        for (Resource resource : Resource.values()) {
            MongoCollection<Document> collection = database.getCollection(resource.collection);
            collection.createIndex(Indexes.ascending("activityId", "agent", "registration", "updated"),
                    new IndexOptions().name("by_scope"));
            collections.put(resource, collection);
        }
        for (Resource resource : PER_AGENT) {
            MongoCollection<Document> collection = collections.get(resource);
            collection.createIndex(Indexes.ascending("agent"), new IndexOptions().name("by_agent"));
            collection.createIndex(Indexes.ascending("mboxSha1sum"),
                    new IndexOptions().name("by_mbox_sha1sum").sparse(true));
            addMailboxHashes(collection);
        }
    }

    /**
     * Deletes every State and Agent Profile document of an erased learner: those keyed by one of the learner's
     * identifiers (the platform account, and the {@code mbox} or {@code openid} statements resolved to them used) or
     * by an {@code mbox} or {@code mbox_sha1sum} whose hash is one the directory holds for them. Their content is the
     * learner's own (bookmarks, suspend data, preferences) and may name them; it is no evidence, so nothing is kept.
     * Idempotent: a second call finds nothing more.
     *
     * @return how many documents were deleted
     */
    public long eraseAgent(PersonRedaction learner) {
        Bson theLearners = Filters.or(Filters.in("agent", learner.identifiers()),
                Filters.in("mboxSha1sum", learner.mboxSha1sums()));
        long deleted = 0;
        for (Resource resource : PER_AGENT) {
            deleted += collections.get(resource).deleteMany(theLearners).getDeletedCount();
        }
        if (deleted > 0) {
            log.info("Deleted {} State and Agent Profile documents of an erased learner", deleted);
        }
        return deleted;
    }

    public Optional<StoredDocument> find(Key key) {
        return Optional.ofNullable(collection(key).find(Filters.eq("_id", id(key))).first()).map(DocumentStore::read);
    }

    /** The ids of the scope's documents, oldest change first; with {@code since}, only those changed after it. */
    public List<String> ids(Key scope, Instant since) {
        List<Bson> filters = new ArrayList<>(scopeFilters(scope));
        if (since != null) {
            filters.add(Filters.gt("updated", Date.from(since)));
        }
        return collection(scope).find(Filters.and(filters)).projection(Projections.include("documentId"))
                .sort(Sorts.ascending("updated")).map(document -> document.getString("documentId"))
                .into(new ArrayList<>());
    }

    /** Stores {@code content} as the document, replacing what is there if the precondition allows. */
    public StoredDocument put(Key key, byte[] content, String contentType, Precondition precondition) {
        StoredDocument document = new StoredDocument(content, contentType, etag(content), clock.instant());
        MongoCollection<Document> collection = collection(key);
        String id = id(key);
        if (precondition.ifNoneMatch() || (precondition.required() && !precondition.given())) {
            try {
                collection.insertOne(toDocument(id, key, document));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (precondition.ifNoneMatch()) {
                    throw new DocumentPreconditionFailed("The document exists already (If-None-Match: *)");
                }
                throw new DocumentConflict("The document exists already: send If-Match with its ETag to replace it,"
                        + " or If-None-Match: * to create it only if it is absent");
            }
            return document;
        }
        if (precondition.ifMatch() != null) {
            Bson current = Filters.eq("_id", id);
            if (!"*".equals(precondition.ifMatch())) {
                current = Filters.and(current, Filters.eq("etag", precondition.ifMatch()));
            }
            if (collection.replaceOne(current, toDocument(id, key, document)).getMatchedCount() == 0) {
                throw new DocumentPreconditionFailed("The document does not have the ETag given in If-Match");
            }
            return document;
        }
        collection.replaceOne(Filters.eq("_id", id), toDocument(id, key, document), new ReplaceOptions().upsert(true));
        return document;
    }

    /**
     * Replaces the document with {@code merge(current)} if it exists (compared by ETag, retried if another write came
     * between), else stores {@code merge(null)}.
     */
    public StoredDocument update(Key key, String contentType, Function<StoredDocument, byte[]> merge,
                                 Precondition precondition) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<StoredDocument> current = find(key);
            checkPrecondition(current, precondition);
            byte[] content = merge.apply(current.orElse(null));
            Precondition exact = current.map(c -> new Precondition(c.etag(), false, false))
                    .orElse(new Precondition(null, true, false));
            try {
                return put(key, content, contentType, exact);
            } catch (DocumentPreconditionFailed changedMeanwhile) {
                // another write came between reading and writing: read again and merge into what it wrote
            }
        }
        throw new DocumentConflict("The document is being changed by other requests; send the change again");
    }

    /** Deletes the document if the precondition allows; false when there was none. */
    public boolean delete(Key key, Precondition precondition) {
        Bson filter = Filters.eq("_id", id(key));
        if (precondition.ifMatch() != null && !"*".equals(precondition.ifMatch())) {
            Optional<StoredDocument> current = find(key);
            checkPrecondition(current, precondition);
            filter = Filters.and(filter, Filters.eq("etag", precondition.ifMatch()));
            if (collection(key).deleteOne(filter).getDeletedCount() == 0) {
                throw new DocumentPreconditionFailed("The document does not have the ETag given in If-Match");
            }
            return true;
        }
        return collection(key).deleteOne(filter).getDeletedCount() > 0;
    }

    /** Deletes every document of the scope (States of an activity, agent and registration). */
    public long deleteAll(Key scope) {
        return collection(scope).deleteMany(Filters.and(scopeFilters(scope))).getDeletedCount();
    }

    private static void checkPrecondition(Optional<StoredDocument> current, Precondition precondition) {
        if (precondition.ifNoneMatch() && current.isPresent()) {
            throw new DocumentPreconditionFailed("The document exists already (If-None-Match: *)");
        }
        if (precondition.ifMatch() != null && (current.isEmpty()
                || !("*".equals(precondition.ifMatch()) || current.get().etag().equals(precondition.ifMatch())))) {
            throw new DocumentPreconditionFailed("The document does not have the ETag given in If-Match");
        }
    }

    /** The ETag of some content: its SHA-1 in hex, quoted. */
    public static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private MongoCollection<Document> collection(Key key) {
        return collections.get(key.resource());
    }

    private static List<Bson> scopeFilters(Key scope) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("activityId", scope.activityId()));
        filters.add(Filters.eq("agent", scope.agent()));
        if (scope.resource() == Resource.STATE) {
            filters.add(Filters.eq("registration", scope.registration()));
        }
        return filters;
    }

    /** A fixed-length id from the key's parts (activity IRIs and agent identifiers can be long and contain dots). */
    private static String id(Key key) {
        String joined = String.join("\u0000", key.resource().name(), String.valueOf(key.activityId()),
                String.valueOf(key.agent()), String.valueOf(key.registration()), key.documentId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Adds the address hash to documents stored before it was kept; a no-op once every mailbox-keyed document has
     * one.
     */
    private static void addMailboxHashes(MongoCollection<Document> collection) {
        List<Document> unhashed = collection.find(Filters.and(Filters.regex("agent", "^mbox"),
                Filters.exists("mboxSha1sum", false))).projection(Projections.include("agent")).into(new ArrayList<>());
        for (Document document : unhashed) {
            String hash = mailboxHash(document.getString("agent"));
            if (hash != null) {
                collection.updateOne(Filters.eq("_id", document.get("_id")), Updates.set("mboxSha1sum", hash));
            }
        }
    }

    /** The hex SHA-1 of the address an agent identifier names, or null when it names none. */
    private static String mailboxHash(String agent) {
        if (agent == null) {
            return null;
        }
        if (agent.startsWith(MBOX)) {
            return MailboxHash.ofMbox(agent.substring(MBOX.length()));
        }
        if (agent.startsWith(MBOX_SHA1SUM)) {
            return agent.substring(MBOX_SHA1SUM.length());
        }
        return null;
    }

    private static Document toDocument(String id, Key key, StoredDocument document) {
        Document stored = new Document("_id", id)
                .append("activityId", key.activityId())
                .append("agent", key.agent())
                .append("registration", key.registration())
                .append("documentId", key.documentId())
                .append("contentType", document.contentType())
                .append("content", new Binary(document.content()))
                .append("etag", document.etag())
                .append("updated", Date.from(document.updated()));
        String hash = key.resource() == Resource.ACTIVITY_PROFILE ? null : mailboxHash(key.agent());
        if (hash != null) {
            stored.append("mboxSha1sum", hash);
        }
        return stored;
    }

    private static StoredDocument read(Document document) {
        return new StoredDocument(document.get("content", Binary.class).getData(), document.getString("contentType"),
                document.getString("etag"), document.getDate("updated").toInstant());
    }
}
