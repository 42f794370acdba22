package dev.competency.community.challenge.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.competency.community.challenge.domain.ChallengeDecided;
import dev.competency.community.challenge.domain.ChallengeDefinition;
import dev.competency.community.challenge.domain.ChallengeLedger;
import dev.competency.community.challenge.domain.ChallengeProgressed;
import dev.competency.community.challenge.domain.ChallengeSet;
import dev.competency.community.challenge.domain.Goal;
import dev.competency.community.challenge.domain.Group;
import dev.competency.community.challenge.domain.MembershipFact;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.community.readmodel.ReadModels;
import dev.competency.contracts.community.ChallengeEnded.Outcome;
import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;

/**
 * The challenges as set, with their last recorded progress and outcome; built by the read models' processor and
 * rebuilt by replay. A challenge just set is given what the streams have already said: the people of its group (from
 * the people directory, with the offsets that placed them) and the last mastery change of every learner on its
 * competencies, through the same ledger rules as later facts, so taking them again changes nothing.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class Challenges {

    static final String COLLECTION = "challenges";

    private final MongoCollection<Stored> challenges;
    private final ChallengeLedger ledger;
    private final PeopleDirectory people;
    private final MasteryStates masteries;

    public Challenges(MongoDatabase database, ChallengeLedger ledger, PeopleDirectory people,
                      MasteryStates masteries) {
        this.challenges = RecordCollections.collection(database, COLLECTION, Stored.class);
        this.ledger = ledger;
        this.people = people;
        this.masteries = masteries;
        createIndexes();
    }

    /** A challenge as stored, its goal flat; public for the driver's record codec, like {@link StoredScale}. */
    public record Stored(@BsonId String challengeId, String title, @BsonProperty(GROUP_KIND) ChallengeGroup groupKind,
                         @BsonProperty(GROUP_ID) String groupId, ChallengeGoal goal,
                         @BsonProperty(COMPETENCY_IDS) List<CompetencyId> competencyIds, String level,
                         List<StoredScale> scales, int target, Instant startsAt, @BsonProperty(ENDS_AT) Instant endsAt,
                         @BsonProperty(ON_LEADERBOARD) boolean onLeaderboard, String setBy, Instant setAt,
                         @BsonProperty(RECORDED_TOTAL) Integer recordedTotal, @BsonProperty(OUTCOME) Outcome outcome,
                         @BsonProperty(DECIDED_AT) Instant decidedAt) {
        static final String GROUP_KIND = "groupKind";
        static final String GROUP_ID = "groupId";
        static final String COMPETENCY_IDS = "competencyIds";
        static final String ENDS_AT = "endsAt";
        static final String ON_LEADERBOARD = "onLeaderboard";
        static final String RECORDED_TOTAL = "recordedTotal";
        static final String OUTCOME = "outcome";
        static final String DECIDED_AT = "decidedAt";

        Entry entry() {
            Map<String, List<String>> levels = new LinkedHashMap<>();
            scales.forEach(scale -> levels.put(scale.competencyId().value(), scale.levels()));
            Goal kept = new Goal(goal, competencyIds.stream().map(CompetencyId::value).toList(), level, levels,
                    target);
            return new Entry(challengeId, title, new Group(groupKind, groupId), kept, startsAt, endsAt, onLeaderboard,
                    setBy, setAt, recordedTotal, outcome, decidedAt);
        }
    }

    /** A competency's level codes, lowest first, as the challenge's goal keeps them. */
    public record StoredScale(CompetencyId competencyId, List<String> levels) {
    }

    private void createIndexes() {
        challenges.createIndex(Indexes.ascending(Stored.COMPETENCY_IDS), new IndexOptions().name("by_competency"));
        challenges.createIndex(Indexes.ascending(Stored.GROUP_KIND, Stored.GROUP_ID),
                new IndexOptions().name("by_group"));
    }

    @ResetHandler
    void reset() {
        challenges.drop();
        createIndexes();
    }

    /** A challenge with what was last recorded of it. */
    public record Entry(String challengeId, String title, Group group, Goal goal, Instant startsAt, Instant endsAt,
                        boolean onLeaderboard, String setBy, Instant setAt, Integer recordedTotal,
                        Outcome outcome, Instant decidedAt) {

        public ChallengeDefinition definition() {
            return new ChallengeDefinition(challengeId, group, goal, startsAt, endsAt);
        }
    }

    @EventHandler
    void on(ChallengeSet event) {
        List<StoredScale> scales = event.goal().scales().entrySet().stream()
                .map(scale -> new StoredScale(new CompetencyId(scale.getKey()), scale.getValue())).toList();
        Stored kept = challenges.find(Filters.eq("_id", event.challengeId())).first();
        Goal goal = event.goal();
        challenges.replaceOne(Filters.eq("_id", event.challengeId()), new Stored(event.challengeId(), event.title(),
                event.group().kind(), event.group().id(), goal.kind(),
                goal.competencyIds().stream().map(CompetencyId::new).toList(), goal.level(), scales, goal.target(),
                event.startsAt(), event.endsAt(), event.onLeaderboard(), event.setBy(), event.at(),
                kept == null ? null : kept.recordedTotal(), kept == null ? null : kept.outcome(),
                kept == null ? null : kept.decidedAt()), new ReplaceOptions().upsert(true));
        seed(event);
    }

    private void seed(ChallengeSet event) {
        ChallengeDefinition challenge = event.definition();
        for (PeopleDirectory.Placement placement : people.placementsIn(event.group().id())) {
            if (event.group().kind() == ChallengeGroup.TEAM && event.group().id().equals(placement.teamId())) {
                ledger.take(challenge, new MembershipFact(placement.learnerId(), ChallengeGroup.TEAM,
                        placement.teamId(), placement.teamOffset(), event.at()));
            } else if (event.group().kind() == ChallengeGroup.UNIT
                    && event.group().id().equals(placement.organisationUnit())) {
                ledger.take(challenge, new MembershipFact(placement.learnerId(), ChallengeGroup.UNIT,
                        placement.organisationUnit(), placement.unitOffset(), event.at()));
            }
        }
        masteries.ofCompetencies(event.goal().competencyIds()).forEach(fact -> ledger.take(challenge, fact));
    }

    @EventHandler
    void on(ChallengeProgressed event) {
        challenges.updateOne(Filters.eq("_id", event.challengeId()),
                Updates.set(Stored.RECORDED_TOTAL, event.progress().total()));
    }

    @EventHandler
    void on(ChallengeDecided event) {
        challenges.updateOne(Filters.eq("_id", event.challengeId()), Updates.combine(
                Updates.set(Stored.OUTCOME, event.outcome()),
                Updates.set(Stored.RECORDED_TOTAL, event.progress().total()),
                Updates.set(Stored.DECIDED_AT, event.at())));
    }

    public Optional<Entry> find(String challengeId) {
        return Optional.ofNullable(challenges.find(Filters.eq("_id", challengeId)).first()).map(Stored::entry);
    }

    /** The challenges counting the competency. */
    public List<Entry> onCompetency(String competencyId) {
        return list(Filters.eq(Stored.COMPETENCY_IDS, competencyId));
    }

    /** The challenges of every group of a kind (team or unit). */
    public List<Entry> ofGroupKind(ChallengeGroup kind) {
        return list(Filters.eq(Stored.GROUP_KIND, kind));
    }

    /** The challenges whose end has passed by {@code now} and whose outcome is not recorded yet. */
    public List<Entry> endedUndecided(Instant now) {
        return list(Filters.and(Filters.lte(Stored.ENDS_AT, now), Filters.exists(Stored.OUTCOME, false)));
    }

    /** The challenges of the given groups, or all when {@code groups} is null; newest end first. */
    public List<Entry> ofGroups(List<Group> groups) {
        if (groups == null) {
            return list(Filters.empty());
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        return list(Filters.or(groups.stream().map(group -> Filters.and(Filters.eq(Stored.GROUP_KIND, group.kind()),
                Filters.eq(Stored.GROUP_ID, group.id()))).toList()));
    }

    public List<Entry> onLeaderboard() {
        return list(Filters.eq(Stored.ON_LEADERBOARD, true));
    }

    private List<Entry> list(Bson filter) {
        return challenges.find(filter).sort(Sorts.orderBy(Sorts.descending(Stored.ENDS_AT), Sorts.ascending("_id")))
                .map(Stored::entry).into(new ArrayList<>());
    }
}
