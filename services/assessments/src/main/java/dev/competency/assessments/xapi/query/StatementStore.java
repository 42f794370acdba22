package dev.competency.assessments.xapi.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.xapi.domain.PersonRedaction;
import dev.competency.assessments.xapi.domain.StatementFacts;
import dev.competency.assessments.xapi.domain.StatementNormalForm;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of truth for xAPI statements: one document per statement id holding the statement as stored (JSON
 * text, because extension keys are IRIs full of dots) and the fields queries filter on. Statements are immutable:
 * a statement is inserted only if its id is absent, and an id that arrives again must carry the same content. The
 * documents are mapped as {@code Document}s: the statement is free-form JSON, and a record of the fixed fields would
 * need a constant for nearly each of them, since queries filter on them.
 */
public class StatementStore {

    private static final Logger log = LoggerFactory.getLogger(StatementStore.class);

    static final String STATEMENTS = "xapi_statements";
    static final String VOIDS = "xapi_voids";
    public static final int MAX_LIMIT = 500;

    /** Evidence bookkeeping per statement: none expected, expected but not yet confirmed, recorded. */
    public enum EvidenceState { NONE, PENDING, RECORDED }

    private final MongoCollection<Document> statements;
    private final MongoCollection<Document> voids;
    private final JsonMapper json;
    private final ConsistencyTracker consistency;

    public StatementStore(MongoDatabase database, JsonMapper json, Clock clock) {
        this.statements = database.getCollection(STATEMENTS);
        this.voids = database.getCollection(VOIDS);
        this.json = json;
        this.consistency = new ConsistencyTracker(clock);
        statements.createIndex(Indexes.compoundIndex(Indexes.ascending("voided"), Indexes.descending("storedMicros"),
                Indexes.descending("_id")), new IndexOptions().name("by_stored"));
        for (String field : List.of("agents", "relatedAgents", "verb", "activity", "relatedActivities",
                "registration", "target")) {
            statements.createIndex(Indexes.compoundIndex(Indexes.ascending(field),
                    Indexes.descending("storedMicros")), new IndexOptions().name("by_" + field));
        }
        statements.createIndex(Indexes.ascending("learnerId"), new IndexOptions().name("by_learnerId"));
    }

    /**
     * A statement ready to store, built once its {@code stored} instant is known.
     *
     * @param id        the statement id
     * @param submitted what the client sent, with the id filled in and without the properties the LRS sets; two
     *                  statements with the same id are the same when these are equal
     * @param stored    the statement as it will be returned, with stored, authority, version and timestamp set
     * @param evidence  whether evidence is expected from it
     * @param learnerId the learner the actor was resolved to, if any
     */
    public record NewStatement(String id, JsonNode submitted, JsonNode stored, StatementFacts facts,
                               EvidenceState evidence, String learnerId) {

        /** The same statement giving no evidence: it arrives already voided by a voiding statement stored before. */
        NewStatement voidedOnArrival() {
            return new NewStatement(id, submitted, stored, facts, EvidenceState.NONE, learnerId);
        }
    }

    /** What happened to one statement of a write. */
    public record Outcome(String id, boolean inserted, EvidenceState evidence) {
    }

    /**
     * Stores statements that are not stored yet; ids already stored with identical content change nothing. A batch
     * is all or nothing: when one id is stored with different content the whole request fails and none of its
     * statements is stored.
     *
     * <p>Conflicts with statements already stored are found before anything is written. A conflict that appears
     * only while writing (another request stored the same id a moment earlier) is undone by deleting the statements
     * this write inserted; they were never visible to queries, whose consistency bound stays before a write in
     * progress.
     *
     * <p>A statement that a stored voiding statement already targets is stored voided and gives no evidence
     * ({@code NONE}): it never counted, so nothing is published for it, not even on a re-send.
     *
     * @param build makes the statements once the {@code stored} instant is known
     * @throws StatementConflict when an id is stored with different content
     */
    public List<Outcome> store(Function<Instant, List<NewStatement>> build) {
        long storedMicros = consistency.begin();
        try {
            List<NewStatement> batch = build.apply(ConsistencyTracker.instant(storedMicros));
            List<String> ids = batch.stream().map(NewStatement::id).toList();
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            for (Document stored : statements.find(Filters.in("_id", ids))) {
                NewStatement statement = batch.get(ids.indexOf(stored.getString("_id")));
                outcomes.put(statement.id(), sameOrConflict(statement, stored));
            }
            Set<String> pendingVoids = voidedIds(ids);
            List<NewStatement> fresh = batch.stream().filter(s -> !outcomes.containsKey(s.id()))
                    .map(s -> pendingVoids.contains(s.id()) ? s.voidedOnArrival() : s).toList();
            for (NewStatement statement : fresh) {
                outcomes.put(statement.id(), new Outcome(statement.id(), true, statement.evidence()));
            }
            insert(fresh, storedMicros, pendingVoids, outcomes);
            for (NewStatement statement : batch) {
                if (statement.facts().voidedStatementId() != null && outcomes.get(statement.id()).inserted()) {
                    applyVoid(statement.facts().voidedStatementId(), statement.id());
                }
            }
            return batch.stream().map(s -> outcomes.get(s.id())).toList();
        } finally {
            consistency.end(storedMicros);
        }
    }

    /**
     * Inserts the new statements in one round trip. An id stored by another request since the check must carry the
     * same content; if it does not, every statement this write inserted is deleted again and the request fails.
     */
    private void insert(List<NewStatement> fresh, long storedMicros, Set<String> pendingVoids,
                        Map<String, Outcome> outcomes) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Document> documents = fresh.stream()
                .map(statement -> document(statement, storedMicros, pendingVoids.contains(statement.id()))).toList();
        try {
            statements.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            Set<String> notInserted = new HashSet<>();
            e.getWriteErrors().forEach(error -> notInserted.add(fresh.get(error.getIndex()).id()));
            if (e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                undo(fresh, notInserted, storedMicros, e);
                throw e;
            }
            StatementConflict conflict = null;
            for (BulkWriteError error : e.getWriteErrors()) {
                NewStatement statement = fresh.get(error.getIndex());
                Document stored = statements.find(Filters.eq("_id", statement.id())).first();
                try {
                    outcomes.put(statement.id(), sameOrConflict(statement, stored));
                } catch (StatementConflict c) {
                    conflict = conflict == null ? c : conflict;
                }
            }
            if (conflict != null) {
                undo(fresh, notInserted, storedMicros, conflict);
                throw conflict;
            }
        }
    }

    /** Deletes what this write inserted (its own documents only: same id and same stored instant). */
    private void undo(List<NewStatement> fresh, Set<String> notInserted, long storedMicros, RuntimeException cause) {
        List<String> inserted = fresh.stream().map(NewStatement::id).filter(id -> !notInserted.contains(id)).toList();
        if (!inserted.isEmpty()) {
            log.info("Undoing {} statements of a batch that failed: {}", inserted.size(), cause.getMessage());
            statements.deleteMany(Filters.and(Filters.in("_id", inserted), Filters.eq("storedMicros", storedMicros)));
        }
    }

    private Outcome sameOrConflict(NewStatement statement, Document stored) {
        JsonNode storedSubmitted = StatementNormalForm.of(json.readTree(stored.getString("submitted")));
        if (!storedSubmitted.equals(StatementNormalForm.of(statement.submitted()))) {
            throw new StatementConflict(statement.id());
        }
        return new Outcome(statement.id(), false, EvidenceState.valueOf(stored.getString("evidence")));
    }

    private void applyVoid(String targetId, String voidingId) {
        try {
            voids.insertOne(new Document("_id", targetId).append("voidedBy", voidingId));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        statements.updateOne(Filters.and(Filters.eq("_id", targetId), Filters.eq("voiding", null)),
                Updates.set("voided", true));
    }

    private Set<String> voidedIds(List<String> ids) {
        return voids.find(Filters.in("_id", ids)).map(document -> document.getString("_id")).into(new HashSet<>());
    }

    private Document document(NewStatement statement, long storedMicros, boolean voided) {
        StatementFacts facts = statement.facts();
        return new Document("_id", statement.id())
                .append("statement", json.writeValueAsString(statement.stored()))
                .append("submitted", json.writeValueAsString(statement.submitted()))
                .append("stored", Date.from(ConsistencyTracker.instant(storedMicros)))
                .append("storedMicros", storedMicros)
                .append("verb", facts.verb())
                .append("agents", List.copyOf(facts.agents()))
                .append("relatedAgents", List.copyOf(facts.relatedAgents()))
                .append("activity", facts.activity())
                .append("relatedActivities", List.copyOf(facts.relatedActivities()))
                .append("registration", facts.registration())
                .append("target", facts.targetStatementId())
                .append("voiding", facts.voidedStatementId())
                .append("voided", voided && facts.voidedStatementId() == null)
                .append("evidence", statement.evidence().name())
                .append("learnerId", statement.learnerId());
    }

    /**
     * One stored statement (in normal form) and what the store knows about it.
     *
     * @param stored when the LRS stored it
     */
    public record StoredStatement(String id, JsonNode statement, boolean voided, String voidedStatementId,
                                  EvidenceState evidence, String learnerId, Instant stored) {
    }

    public Optional<StoredStatement> find(String id) {
        return Optional.ofNullable(statements.find(Filters.eq("_id", id)).first()).map(this::toStored);
    }

    public void markEvidence(String id, EvidenceState state) {
        statements.updateOne(Filters.eq("_id", id), Updates.set("evidence", state.name()));
    }

    /** Where a page ends: the last statement's stored instant and id. */
    public record Cursor(long storedMicros, String id) {
    }

    /**
     * The filters of a statements query, with identifiers already normalised.
     *
     * @param agent the agent identifier (see {@link StatementFacts#identifier})
     */
    public record Query(String agent, boolean relatedAgents, String verb, String activity, boolean relatedActivities,
                        String registration, Instant since, Instant until, int limit, boolean ascending) {
    }

    /** A page of statements, the cursor of the next page if there is one, and the consistency bound. */
    public record Page(List<JsonNode> statements, Cursor next, Instant consistentThrough) {
    }

    /**
     * A page of the statements that match the query, newest first unless ascending. A statement whose object is a
     * StatementRef matches the agent, verb, activity and registration filters when the statement it refers to matches
     * them (directly, or through further references; a voided target counts); since, until and paging apply to each
     * statement itself. Voided statements are never returned.
     */
    public Page query(Query query, Cursor after, Instant consistentThrough) {
        List<Bson> conditions = new ArrayList<>();
        if (query.agent() != null) {
            conditions.add(Filters.eq(query.relatedAgents() ? "relatedAgents" : "agents", query.agent()));
        }
        if (query.verb() != null) {
            conditions.add(Filters.eq("verb", query.verb()));
        }
        if (query.activity() != null) {
            conditions.add(Filters.eq(query.relatedActivities() ? "relatedActivities" : "activity",
                    query.activity()));
        }
        if (query.registration() != null) {
            conditions.add(Filters.eq("registration", query.registration()));
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("voided", false));
        if (!conditions.isEmpty()) {
            Set<String> referring = referringToMatches(Filters.and(conditions));
            filters.add(referring.isEmpty() ? Filters.and(conditions)
                    : Filters.or(Filters.and(conditions), Filters.in("_id", referring)));
        }
        if (query.since() != null) {
            filters.add(Filters.gt("storedMicros", ConsistencyTracker.micros(query.since())));
        }
        long until = ConsistencyTracker.micros(consistentThrough);
        if (query.until() != null) {
            until = Math.min(until, ConsistencyTracker.micros(query.until()));
        }
        filters.add(Filters.lte("storedMicros", until));
        if (after != null) {
            filters.add(query.ascending()
                    ? Filters.or(Filters.gt("storedMicros", after.storedMicros()),
                    Filters.and(Filters.eq("storedMicros", after.storedMicros()), Filters.gt("_id", after.id())))
                    : Filters.or(Filters.lt("storedMicros", after.storedMicros()),
                    Filters.and(Filters.eq("storedMicros", after.storedMicros()), Filters.lt("_id", after.id()))));
        }
        int limit = query.limit() <= 0 ? MAX_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        Bson sort = query.ascending() ? Sorts.ascending("storedMicros", "_id") : Sorts.descending("storedMicros", "_id");
        List<Document> found = statements.find(Filters.and(filters)).sort(sort).limit(limit + 1)
                .into(new ArrayList<>());
        Cursor next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Document last = found.get(limit - 1);
            next = new Cursor(last.getLong("storedMicros"), last.getString("_id"));
        }
        return new Page(found.stream().map(d -> StatementNormalForm.of(json.readTree(d.getString("statement"))))
                .toList(), next, consistentThrough);
    }

    /**
     * The ids of the statements whose object refers, directly or through a chain of StatementRefs, to a statement
     * (voided or not) that meets {@code conditions}. Statements stored before references were recorded are found
     * through their voiding target.
     */
    private Set<String> referringToMatches(Bson conditions) {
        Map<String, String> targetOf = new HashMap<>();
        statements.find(Filters.or(Filters.gt("target", ""), Filters.gt("voiding", "")))
                .projection(Projections.include("target", "voiding"))
                .forEach(d -> targetOf.put(d.getString("_id"),
                        d.getString("target") != null ? d.getString("target") : d.getString("voiding")));
        if (targetOf.isEmpty()) {
            return Set.of();
        }
        Set<String> matching = statements.find(Filters.and(Filters.in("_id", new HashSet<>(targetOf.values())),
                conditions)).projection(Projections.include("_id")).map(d -> d.getString("_id")).into(new HashSet<>());
        Set<String> referring = new HashSet<>();
        boolean grew = !matching.isEmpty();
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> reference : targetOf.entrySet()) {
                if (!referring.contains(reference.getKey()) && (matching.contains(reference.getValue())
                        || referring.contains(reference.getValue()))) {
                    referring.add(reference.getKey());
                    grew = true;
                }
            }
        }
        return referring;
    }

    /** The instant up to which every statement is visible to queries. */
    public Instant consistentThrough() {
        return ConsistencyTracker.instant(consistency.consistentThrough());
    }

    private StoredStatement toStored(Document document) {
        return new StoredStatement(document.getString("_id"),
                StatementNormalForm.of(json.readTree(document.getString("statement"))),
                document.getBoolean("voided", false), document.getString("voiding"),
                EvidenceState.valueOf(document.getString("evidence")), document.getString("learnerId"),
                ConsistencyTracker.instant(document.getLong("storedMicros")));
    }

    /** Removes the LRS-set properties, for comparing what two clients sent. */
    public static ObjectNode withoutLrsProperties(ObjectNode statement) {
        ObjectNode copy = statement.deepCopy();
        copy.remove(List.of("stored", "authority", "version"));
        return copy;
    }

    /**
     * What the redaction of an erased learner rewrote.
     *
     * @param statements how many stored statements were rewritten
     * @param signatures the hashes of the signature attachments of every statement naming the learner, rewritten now
     *                   or before: each holds the statement as signed, the learner included, so its content must go
     */
    public record Redacted(int statements, Set<String> signatures) {
    }

    private static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    /**
     * An erased learner and the statements resolved to them, read once for the whole erasure and before anything is
     * rewritten: {@code learner} has the identifiers their actors used (a plain {@code mbox}, an {@code openid}),
     * which the documents and the redaction find the learner by.
     */
    public record Erasure(PersonRedaction learner, List<Document> resolved) {
    }

    public Erasure erasure(PersonRedaction learner) {
        List<Document> resolved = statements.find(Filters.eq("learnerId", learner.learnerId()))
                .into(new ArrayList<>());
        return new Erasure(learner.with(actorIdentifiers(resolved)), resolved);
    }

    /**
     * Takes an erased learner out of every stored statement that names them (see {@link PersonRedaction}): the
     * statements resolved to the learner, and those naming the learner's platform account, an {@code mbox_sha1sum} of
     * theirs, or an identifier the actor of a statement resolved to them used. The statement as returned and as
     * submitted and the agent fields queries filter on are rewritten in place; id, verb, object activity, result,
     * timestamps, attachments, voiding and evidence bookkeeping stay. Statements resolved to the learner are rewritten
     * last, so a redelivery after an interruption still finds the identifiers they carry. Idempotent: a redacted
     * statement is not written again.
     */
    public Redacted redact(Erasure erasure) {
        PersonRedaction learner = erasure.learner();
        Set<String> named = new HashSet<>(learner.identifiers());
        learner.mboxSha1sums().forEach(hash -> named.add("mbox_sha1sum:" + hash));
        List<Document> naming = statements.find(Filters.and(Filters.in("relatedAgents", named),
                Filters.ne("learnerId", learner.learnerId()))).into(new ArrayList<>());
        naming.addAll(erasure.resolved());
        int rewritten = 0;
        Set<String> signatures = new HashSet<>();
        for (Document document : naming) {
            if (redactStored(document, learner, signatures)) {
                rewritten++;
            }
        }
        if (rewritten > 0) {
            log.info("Redacted {} stored statements of an erased learner", rewritten);
        }
        return new Redacted(rewritten, signatures);
    }

    private Set<String> actorIdentifiers(List<Document> resolved) {
        Set<String> identifiers = new HashSet<>();
        for (Document document : resolved) {
            JsonNode actor = json.readTree(document.getString("statement")).path("actor");
            if (!"Group".equals(actor.path("objectType").asString())) {
                StatementFacts.identifier(actor).ifPresent(identifiers::add);
            }
        }
        return identifiers;
    }

    private boolean redactStored(Document document, PersonRedaction redaction, Set<String> signatures) {
        JsonNode statement = json.readTree(document.getString("statement"));
        JsonNode submitted = json.readTree(document.getString("submitted"));
        JsonNode redactedStatement = redaction.redact(statement);
        JsonNode redactedSubmitted = redaction.redact(submitted);
        for (JsonNode attachment : statement.path("attachments")) {
            if (SIGNATURE_USAGE.equals(attachment.path("usageType").asString()) && attachment.has("sha2")) {
                signatures.add(attachment.path("sha2").asString());
            }
        }
        if (redactedStatement.equals(statement) && redactedSubmitted.equals(submitted)) {
            return false;
        }
        StatementFacts facts = StatementFacts.of(redactedStatement);
        statements.updateOne(Filters.eq("_id", document.getString("_id")), Updates.combine(
                Updates.set("statement", json.writeValueAsString(redactedStatement)),
                Updates.set("submitted", json.writeValueAsString(redactedSubmitted)),
                Updates.set("agents", List.copyOf(facts.agents())),
                Updates.set("relatedAgents", List.copyOf(facts.relatedAgents()))));
        return true;
    }
}
