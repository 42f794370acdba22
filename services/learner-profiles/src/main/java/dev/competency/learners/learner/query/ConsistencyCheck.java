package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.learners.learner.domain.EvidenceAccepted;
import dev.competency.learners.learner.domain.EvidenceVoided;
import dev.competency.learners.learner.domain.FrameworkVersionAdopted;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.LearnerRegistered;
import dev.competency.learners.learner.domain.MasteryRecalculated;
import dev.competency.learners.learner.domain.ParentMasteryRolledUp;
import dev.competency.learners.learner.domain.ParentRollupEnded;
import dev.competency.learners.learner.domain.PersonalData;
import dev.competency.learners.learner.domain.RoleAssigned;
import dev.competency.learners.learner.domain.TeamChanged;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.stereotype.Component;

/**
 * Checks one learner's read models against the learner's events: every event of the learner is read from the event
 * store from the first one on (snapshots left aside) and folded from scratch into the documents the projections
 * would hold, with the projections' own mapping ({@code entryOf}, {@code fieldsOf}, ...); each field that differs
 * from what is stored, each entry missing and each entry no event explains is a {@link Difference}.
 *
 * <p>Read models checked: {@code learner_profiles} (the learner document), {@code evidence_timeline} (the evidence
 * list, voids included), {@code current_mastery} (the mastery list, which the learner document shows with the
 * roll-ups), {@code current_rollups}, {@code adopted_versions}, and {@code framework_usage} (written by the evidence
 * intake, not by events: only a framework of accepted evidence missing there is a difference, since the intake
 * records usage before the learner accepts the evidence and erasure leaves it). While the read-model processor is
 * behind the store, recent events show as differences; {@link Report#readModelsCaughtUp} says whether it was.
 */
@Component
public class ConsistencyCheck {

    static final String PROFILES = LearnerProfiles.COLLECTION;
    static final String TIMELINE = EvidenceTimeline.COLLECTION;
    static final String MASTERY = CurrentMastery.COLLECTION;
    static final String ROLLUPS = CurrentMastery.ROLLUPS;
    static final String ADOPTED_VERSIONS = CurrentMastery.ADOPTED_VERSIONS;
    static final String FRAMEWORK_USAGE = FrameworkUsage.COLLECTION;

    private final EventStore eventStore;
    private final MongoDatabase database;
    private final PersonalData personalData;
    /** The read models' codecs, which turn what the projections write into the documents stored. */
    private final CodecRegistry codecs;

    ConsistencyCheck(EventStore eventStore, MongoDatabase serviceDatabase, PersonalData personalData) {
        this.eventStore = eventStore;
        this.database = serviceDatabase;
        this.personalData = personalData;
        this.codecs = RecordCollections.collection(serviceDatabase, PROFILES, Document.class).getCodecRegistry();
    }

    /**
     * Compares the learner's read models with a fold of the learner's events.
     *
     * @param readModelsCaughtUp whether the read-model processor had read the whole store when the check started
     */
    public Report check(String learnerId, boolean readModelsCaughtUp) {
        Expected expected = new Expected(learnerId);
        long events = 0;
        DomainEventStream stream = eventStore.readEvents(learnerId, 0);
        while (stream.hasNext()) {
            expected.apply(stream.next());
            events++;
        }
        List<Difference> differences = new ArrayList<>();
        Document profile = collection(PROFILES).find(Filters.eq("_id", learnerId)).first();
        compare(PROFILES, expected.profile == null ? Map.of() : Map.of(learnerId, expected.profile),
                profile == null ? Map.of() : Map.of(learnerId, profile), differences);
        compare(TIMELINE, expected.timeline, stored(TIMELINE, learnerId, EvidenceTimeline.StoredEvidence.EVIDENCE_ID),
                differences);
        compare(MASTERY, expected.mastery, stored(MASTERY, learnerId, CurrentMastery.COMPETENCY_ID), differences);
        compare(ROLLUPS, expected.rollups, stored(ROLLUPS, learnerId, CurrentMastery.COMPETENCY_ID), differences);
        compare(ADOPTED_VERSIONS, expected.adoptedVersions,
                stored(ADOPTED_VERSIONS, learnerId, CurrentMastery.StoredAdoption.FRAMEWORK_ID), differences);
        Set<String> used = new TreeSet<>();
        collection(FRAMEWORK_USAGE).find(Filters.eq(FrameworkUsage.Usage.LEARNER_ID, learnerId))
                .forEach(d -> used.add(d.getString(FrameworkUsage.Usage.FRAMEWORK_ID)));
        for (String frameworkId : expected.frameworks) {
            if (!used.contains(frameworkId)) {
                differences.add(new Difference(FRAMEWORK_USAGE, frameworkId, null, display(new Document(
                        FrameworkUsage.Usage.LEARNER_ID, learnerId).append(FrameworkUsage.Usage.FRAMEWORK_ID,
                        frameworkId)), null));
            }
        }
        return new Report(learnerId, events, readModelsCaughtUp, differences.isEmpty(), differences);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** The learner's stored entries of a read model, by the id the differences name them with. */
    private Map<String, Document> stored(String collection, String learnerId, String idField) {
        Map<String, Document> entries = new TreeMap<>();
        collection(collection).find(Filters.eq(CurrentMastery.LEARNER_ID, learnerId))
                .forEach(d -> entries.put(String.valueOf(d.get(idField)), d));
        return entries;
    }

    /**
     * Compares each expected entry, a stored record or the fields a projection sets, in the form the driver stores it
     * (instants as dates, typed ids as their text, null fields as absent ones), with the stored one.
     */
    private void compare(String readModel, Map<String, ?> expected, Map<String, Document> actual,
            List<Difference> differences) {
        Set<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            Document want = expected.get(id) == null ? null : asStored(expected.get(id));
            Document have = actual.get(id);
            if (want == null || have == null) {
                differences.add(new Difference(readModel, id, null, display(want), display(have)));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>(want.keySet());
            fields.addAll(have.keySet());
            for (String field : fields) {
                if (!Objects.equals(want.get(field), have.get(field))) {
                    differences.add(new Difference(readModel, id, field, display(want.get(field)),
                            display(have.get(field))));
                }
            }
        }
    }

    private Document asStored(Object entry) {
        BsonDocumentReader stored = new BsonDocumentReader(BsonDocumentWrapper.asBsonDocument(entry, codecs));
        return new DocumentCodec(codecs).decode(stored, DecoderContext.builder().build());
    }

    /** A stored value as the answer shows it: instants as ISO-8601 text, documents as objects. */
    private static Object display(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Document document) {
            Map<String, Object> shown = new LinkedHashMap<>();
            document.forEach((key, field) -> shown.put(key, display(field)));
            return shown;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConsistencyCheck::display).toList();
        }
        return value;
    }

    /** What the read models should hold for the learner, folded from the learner's events in order. */
    private final class Expected {

        private final String learnerId;
        private Document profile;
        private final Map<String, Document> timeline = new TreeMap<>();
        private final Map<String, CurrentMastery.StoredMastery> mastery = new TreeMap<>();
        private final Map<String, CurrentMastery.StoredRollup> rollups = new TreeMap<>();
        private final Map<String, CurrentMastery.StoredAdoption> adoptedVersions = new TreeMap<>();
        private final Set<String> frameworks = new TreeSet<>();

        Expected(String learnerId) {
            this.learnerId = learnerId;
        }

        /** Events no read model keeps (schedules, time checks) change nothing here. */
        void apply(DomainEventMessage<?> message) {
            long sequence = message.getSequenceNumber();
            Object event = message.getPayload();
            if (event instanceof LearnerRegistered e) {
                profile().putAll(LearnerProfiles.fieldsOf(e, personalData));
            } else if (event instanceof RoleAssigned e) {
                profile().putAll(LearnerProfiles.fieldsOf(e));
            } else if (event instanceof TeamChanged e) {
                profile().putAll(LearnerProfiles.fieldsOf(e));
            } else if (event instanceof EvidenceAccepted e) {
                timeline.put(e.evidence().evidenceId(), asStored(EvidenceTimeline.entryOf(e, sequence)));
                frameworks.add(e.evidence().frameworkId());
            } else if (event instanceof EvidenceVoided e && timeline.containsKey(e.evidenceId())) {
                timeline.get(e.evidenceId()).putAll(EvidenceTimeline.voidOf(e, sequence));
            } else if (event instanceof MasteryRecalculated e) {
                mastery.put(e.competencyId(), CurrentMastery.entryOf(e, sequence, message.getTimestamp()));
            } else if (event instanceof ParentMasteryRolledUp e) {
                rollups.put(e.competencyId(), CurrentMastery.rollupOf(e, sequence, message.getTimestamp()));
            } else if (event instanceof ParentRollupEnded e) {
                rollups.put(e.competencyId(), CurrentMastery.rollupEndedOf(e, sequence, message.getTimestamp()));
            } else if (event instanceof FrameworkVersionAdopted e) {
                adoptedVersions.merge(e.frameworkId(), CurrentMastery.adoptedVersionOf(e),
                        (a, b) -> a.version() >= b.version() ? a : b);
            } else if (event instanceof LearnerErased) {
                profile = null;
                timeline.clear();
                mastery.clear();
                rollups.clear();
                adoptedVersions.clear();
                frameworks.clear();
            }
        }

        private Document profile() {
            if (profile == null) {
                profile = new Document("_id", learnerId);
            }
            return profile;
        }
    }

    /**
     * One difference between a read model and the learner's events.
     *
     * @param readModel the collection
     * @param id        the entry: the learner id (profile), evidence id (timeline), competency id (mastery,
     *                  roll-ups) or framework id (adopted versions, framework usage)
     * @param field     the field that differs; null when the whole entry is missing or no event explains it
     * @param expected  what the events say: the field's value, or the whole entry; null when there should be none
     * @param actual    what is stored: the field's value, or the whole entry; null when there is none
     */
    public record Difference(String readModel, String id, String field, Object expected, Object actual) {
    }

    /**
     * @param eventsRead         how many of the learner's events were folded
     * @param readModelsCaughtUp whether the read-model processor had read the whole event store (if not, the newest
     *                           events may show as differences until it has)
     * @param consistent         no differences
     */
    public record Report(String learnerId, long eventsRead, boolean readModelsCaughtUp, boolean consistent,
                         List<Difference> differences) {
    }
}
