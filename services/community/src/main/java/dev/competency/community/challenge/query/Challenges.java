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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
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

    private final MongoCollection<Document> challenges;
    private final ChallengeLedger ledger;
    private final PeopleDirectory people;
    private final MasteryStates masteries;

    public Challenges(MongoDatabase database, ChallengeLedger ledger, PeopleDirectory people,
                      MasteryStates masteries) {
        this.challenges = database.getCollection(COLLECTION);
        this.ledger = ledger;
        this.people = people;
        this.masteries = masteries;
        createIndexes();
    }

    private void createIndexes() {
        challenges.createIndex(Indexes.ascending("competencyIds"), new IndexOptions().name("by_competency"));
        challenges.createIndex(Indexes.ascending("groupKind", "groupId"), new IndexOptions().name("by_group"));
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
        List<Document> scales = new ArrayList<>();
        event.goal().scales().forEach((competency, levels) ->
                scales.add(new Document("competencyId", competency).append("levels", levels)));
        Document document = new Document("_id", event.challengeId()).append("title", event.title())
                .append("groupKind", event.group().kind().name()).append("groupId", event.group().id())
                .append("goal", event.goal().kind().name()).append("competencyIds", event.goal().competencyIds())
                .append("level", event.goal().level()).append("scales", scales)
                .append("target", event.goal().target()).append("startsAt", Date.from(event.startsAt()))
                .append("endsAt", Date.from(event.endsAt())).append("onLeaderboard", event.onLeaderboard())
                .append("setBy", event.setBy()).append("setAt", Date.from(event.at()));
        Document current = challenges.find(Filters.eq("_id", event.challengeId())).first();
        if (current != null) {
            for (String kept : List.of("recordedTotal", "outcome", "decidedAt")) {
                document.append(kept, current.get(kept));
            }
        }
        challenges.replaceOne(Filters.eq("_id", event.challengeId()), document, new ReplaceOptions().upsert(true));
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
                Updates.set("recordedTotal", event.progress().total()));
    }

    @EventHandler
    void on(ChallengeDecided event) {
        challenges.updateOne(Filters.eq("_id", event.challengeId()), Updates.combine(
                Updates.set("outcome", event.outcome().name()),
                Updates.set("recordedTotal", event.progress().total()),
                Updates.set("decidedAt", Date.from(event.at()))));
    }

    public Optional<Entry> find(String challengeId) {
        return Optional.ofNullable(challenges.find(Filters.eq("_id", challengeId)).first()).map(Challenges::entry);
    }

    /** The challenges counting the competency. */
    public List<Entry> onCompetency(String competencyId) {
        return list(Filters.eq("competencyIds", competencyId));
    }

    /** The challenges of every group of a kind (team or unit). */
    public List<Entry> ofGroupKind(ChallengeGroup kind) {
        return list(Filters.eq("groupKind", kind.name()));
    }

    /** The challenges whose end has passed by {@code now} and whose outcome is not recorded yet. */
    public List<Entry> endedUndecided(Instant now) {
        return list(Filters.and(Filters.lte("endsAt", Date.from(now)), Filters.exists("outcome", false)));
    }

    /** The challenges of the given groups, or all when {@code groups} is null; newest end first. */
    public List<Entry> ofGroups(List<Group> groups) {
        if (groups == null) {
            return list(new Document());
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Bson> any = new ArrayList<>();
        groups.forEach(group -> any.add(Filters.and(Filters.eq("groupKind", group.kind().name()),
                Filters.eq("groupId", group.id()))));
        return list(Filters.or(any));
    }

    public List<Entry> onLeaderboard() {
        return list(Filters.eq("onLeaderboard", true));
    }

    private List<Entry> list(Bson filter) {
        List<Entry> entries = new ArrayList<>();
        challenges.find(filter).sort(Sorts.orderBy(Sorts.descending("endsAt"), Sorts.ascending("_id")))
                .forEach(document -> entries.add(entry(document)));
        return entries;
    }

    private static Entry entry(Document document) {
        Map<String, List<String>> scales = new LinkedHashMap<>();
        for (Document scale : document.getList("scales", Document.class, List.of())) {
            scales.put(scale.getString("competencyId"), scale.getList("levels", String.class));
        }
        Goal goal = new Goal(ChallengeGoal.valueOf(document.getString("goal")),
                document.getList("competencyIds", String.class), document.getString("level"), scales,
                document.getInteger("target"));
        String outcome = document.getString("outcome");
        Date decidedAt = document.getDate("decidedAt");
        return new Entry(document.getString("_id"), document.getString("title"),
                new Group(ChallengeGroup.valueOf(document.getString("groupKind")), document.getString("groupId")),
                goal, document.getDate("startsAt").toInstant(), document.getDate("endsAt").toInstant(),
                document.getBoolean("onLeaderboard", false), document.getString("setBy"),
                document.getDate("setAt").toInstant(), document.getInteger("recordedTotal"),
                outcome == null ? null : Outcome.valueOf(outcome), decidedAt == null ? null : decidedAt.toInstant());
    }
}
