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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The challenges' ledgers in MongoDB: one document per challenge, learner and competency (the last mastery fact
 * taken) and one per challenge and learner (the last team or unit fact taken). One learner's facts arrive on one
 * partition, handled by one consumer thread, so a read-compare-write per key needs no lock.
 */
public class MongoLedgerStore implements LedgerStore {

    static final String MASTERIES = "challenge_masteries";
    static final String MEMBERSHIPS = "challenge_memberships";

    private final MongoCollection<Document> masteries;
    private final MongoCollection<Document> memberships;

    public MongoLedgerStore(MongoDatabase database) {
        this.masteries = database.getCollection(MASTERIES);
        this.memberships = database.getCollection(MEMBERSHIPS);
        masteries.createIndex(Indexes.ascending("challengeId", "learnerId"), new IndexOptions().name("by_challenge"));
        memberships.createIndex(Indexes.ascending("challengeId", "groupId"), new IndexOptions().name("by_group"));
    }

    /** Text keys, unambiguous for any ids (lengths first), as {@link MasteryStates} keys its documents. */
    private static String masteryId(String challengeId, String learnerId, String competencyId) {
        return challengeId.length() + ":" + challengeId + "/" + learnerId.length() + ":" + learnerId + "/"
                + competencyId;
    }

    private static String membershipId(String challengeId, String learnerId) {
        return challengeId.length() + ":" + challengeId + "/" + learnerId;
    }

    @Override
    public Optional<MasteryFact> mastery(String challengeId, String learnerId, String competencyId) {
        return Optional.ofNullable(masteries.find(Filters.eq("_id", masteryId(challengeId, learnerId, competencyId)))
                .first()).map(MongoLedgerStore::masteryFact);
    }

    @Override
    public void putMastery(String challengeId, MasteryFact fact) {
        String id = masteryId(challengeId, fact.learnerId(), fact.competencyId());
        masteries.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("challengeId", challengeId)
                .append("learnerId", fact.learnerId()).append("competencyId", fact.competencyId())
                .append("position", fact.position()).append("changedAt", Date.from(fact.changedAt()))
                .append("level", fact.level()).append("mastered", fact.mastered()), new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<MembershipFact> membership(String challengeId, String learnerId) {
        return Optional.ofNullable(memberships.find(Filters.eq("_id", membershipId(challengeId, learnerId))).first())
                .map(MongoLedgerStore::membershipFact);
    }

    @Override
    public void putMembership(String challengeId, MembershipFact fact) {
        String id = membershipId(challengeId, fact.learnerId());
        memberships.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("challengeId", challengeId)
                .append("learnerId", fact.learnerId()).append("kind", fact.kind().name())
                .append("groupId", fact.groupId()).append("position", fact.position())
                .append("changedAt", Date.from(fact.changedAt())), new ReplaceOptions().upsert(true));
    }

    @Override
    public List<String> members(String challengeId, Group group) {
        List<String> members = new ArrayList<>();
        memberships.find(Filters.and(Filters.eq("challengeId", challengeId), Filters.eq("kind", group.kind().name()),
                Filters.eq("groupId", group.id()))).forEach(document -> members.add(document.getString("learnerId")));
        return members;
    }

    @Override
    public List<MasteryFact> masteries(String challengeId, List<String> learnerIds) {
        List<MasteryFact> facts = new ArrayList<>();
        masteries.find(Filters.and(Filters.eq("challengeId", challengeId), Filters.in("learnerId", learnerIds)))
                .forEach(document -> facts.add(masteryFact(document)));
        return facts;
    }

    /**
     * Drops every challenge's facts before the streams are read again from the start; the challenges themselves stay,
     * so the facts are taken again as they arrive.
     */
    public void drop() {
        masteries.drop();
        memberships.drop();
        masteries.createIndex(Indexes.ascending("challengeId", "learnerId"), new IndexOptions().name("by_challenge"));
        memberships.createIndex(Indexes.ascending("challengeId", "groupId"), new IndexOptions().name("by_group"));
    }

    /** Forgets an erased learner in every challenge: their part is gone, as if they had left. */
    public void erase(String learnerId) {
        masteries.deleteMany(Filters.eq("learnerId", learnerId));
        memberships.deleteMany(Filters.eq("learnerId", learnerId));
    }

    private static MasteryFact masteryFact(Document document) {
        return new MasteryFact(document.getString("learnerId"), document.getString("competencyId"),
                document.getLong("position"), document.getDate("changedAt").toInstant(), document.getString("level"),
                document.getBoolean("mastered", false));
    }

    private static MembershipFact membershipFact(Document document) {
        return new MembershipFact(document.getString("learnerId"), ChallengeGroup.valueOf(document.getString("kind")),
                document.getString("groupId"), document.getLong("position"),
                document.getDate("changedAt").toInstant());
    }
}
