package dev.competency.community.challenge.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.community.challenge.domain.Group;
import dev.competency.community.challenge.domain.LedgerStore;
import dev.competency.community.challenge.domain.MasteryFact;
import dev.competency.community.challenge.domain.MembershipFact;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The challenges' ledgers in MongoDB: one document per challenge, learner and competency (the last mastery fact
 * taken) and one per challenge and learner (the last team or unit fact taken). One learner's facts arrive on one
 * partition, handled by one consumer thread, so a read-compare-write per key needs no lock.
 */
public class MongoLedgerStore implements LedgerStore {

    static final String MASTERIES = "challenge_masteries";
    static final String MEMBERSHIPS = "challenge_memberships";

    private final MongoCollection<TakenMastery> masteries;
    private final MongoCollection<TakenMembership> memberships;

    public MongoLedgerStore(MongoDatabase database) {
        this.masteries = RecordCollections.collection(database, MASTERIES, TakenMastery.class);
        this.memberships = RecordCollections.collection(database, MEMBERSHIPS, TakenMembership.class);
        createIndexes();
    }

    /** The last mastery fact a challenge took of a learner on a competency; keys as {@link MasteryStates} has them. */
    public record TakenMastery(@BsonId String id, @BsonProperty(CHALLENGE_ID) String challengeId,
                               @BsonProperty(LEARNER_ID) LearnerId learnerId, CompetencyId competencyId,
                               long position, Instant changedAt, String level, boolean mastered) {
        static final String CHALLENGE_ID = "challengeId";
        static final String LEARNER_ID = "learnerId";

        TakenMastery(String challengeId, MasteryFact fact) {
            this(key(challengeId, fact.learnerId(), fact.competencyId()), challengeId, new LearnerId(fact.learnerId()),
                    new CompetencyId(fact.competencyId()), fact.position(), fact.changedAt(), fact.level(),
                    fact.mastered());
        }

        static String key(String challengeId, String learnerId, String competencyId) {
            return challengeId.length() + ":" + challengeId + "/" + learnerId.length() + ":" + learnerId + "/"
                    + competencyId;
        }

        MasteryFact fact() {
            return new MasteryFact(learnerId.value(), competencyId.value(), position, changedAt, level, mastered);
        }
    }

    /** The last team or unit fact a challenge took of a learner; both records public for the record codec. */
    public record TakenMembership(@BsonId String id, @BsonProperty(CHALLENGE_ID) String challengeId,
                                  @BsonProperty(LEARNER_ID) LearnerId learnerId,
                                  @BsonProperty(KIND) ChallengeGroup kind, @BsonProperty(GROUP_ID) String groupId,
                                  long position, Instant changedAt) {
        static final String CHALLENGE_ID = "challengeId";
        static final String LEARNER_ID = "learnerId";
        static final String KIND = "kind";
        static final String GROUP_ID = "groupId";

        TakenMembership(String challengeId, MembershipFact fact) {
            this(key(challengeId, fact.learnerId()), challengeId, new LearnerId(fact.learnerId()), fact.kind(),
                    fact.groupId(), fact.position(), fact.changedAt());
        }

        static String key(String challengeId, String learnerId) {
            return challengeId.length() + ":" + challengeId + "/" + learnerId;
        }

        MembershipFact fact() {
            return new MembershipFact(learnerId.value(), kind, groupId, position, changedAt);
        }
    }

    private void createIndexes() {
        masteries.createIndex(Indexes.ascending(TakenMastery.CHALLENGE_ID, TakenMastery.LEARNER_ID),
                new IndexOptions().name("by_challenge"));
        memberships.createIndex(Indexes.ascending(TakenMembership.CHALLENGE_ID, TakenMembership.GROUP_ID),
                new IndexOptions().name("by_group"));
    }

    @Override
    public Optional<MasteryFact> mastery(String challengeId, String learnerId, String competencyId) {
        return Optional.ofNullable(masteries.find(Filters.eq("_id", TakenMastery.key(challengeId, learnerId,
                competencyId))).first()).map(TakenMastery::fact);
    }

    @Override
    public void putMastery(String challengeId, MasteryFact fact) {
        TakenMastery taken = new TakenMastery(challengeId, fact);
        masteries.replaceOne(Filters.eq("_id", taken.id()), taken, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<MembershipFact> membership(String challengeId, String learnerId) {
        return Optional.ofNullable(memberships.find(Filters.eq("_id", TakenMembership.key(challengeId, learnerId)))
                .first()).map(TakenMembership::fact);
    }

    @Override
    public void putMembership(String challengeId, MembershipFact fact) {
        TakenMembership taken = new TakenMembership(challengeId, fact);
        memberships.replaceOne(Filters.eq("_id", taken.id()), taken, new ReplaceOptions().upsert(true));
    }

    @Override
    public List<String> members(String challengeId, Group group) {
        return memberships.find(Filters.and(Filters.eq(TakenMembership.CHALLENGE_ID, challengeId),
                Filters.eq(TakenMembership.KIND, group.kind()), Filters.eq(TakenMembership.GROUP_ID, group.id())))
                .map(taken -> taken.learnerId().value()).into(new ArrayList<>());
    }

    @Override
    public List<MasteryFact> masteries(String challengeId, List<String> learnerIds) {
        return masteries.find(Filters.and(Filters.eq(TakenMastery.CHALLENGE_ID, challengeId),
                Filters.in(TakenMastery.LEARNER_ID, learnerIds))).map(TakenMastery::fact).into(new ArrayList<>());
    }

    /**
     * Drops every challenge's facts before the streams are read again from the start; the challenges themselves stay,
     * so the facts are taken again as they arrive.
     */
    public void drop() {
        masteries.drop();
        memberships.drop();
        createIndexes();
    }

    /** Forgets an erased learner in every challenge: their part is gone, as if they had left. */
    public void erase(LearnerId learnerId) {
        masteries.deleteMany(Filters.eq(TakenMastery.LEARNER_ID, learnerId));
        memberships.deleteMany(Filters.eq(TakenMembership.LEARNER_ID, learnerId));
    }
}
