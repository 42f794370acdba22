package dev.competency.community.challenge.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.competency.community.challenge.domain.ChallengeDecided;
import dev.competency.community.challenge.domain.ChallengeLedger;
import dev.competency.community.challenge.domain.ChallengeSet;
import dev.competency.community.challenge.domain.Goal;
import dev.competency.community.challenge.domain.Group;
import dev.competency.community.challenge.domain.MasteryFact;
import dev.competency.community.challenge.domain.MembershipFact;
import dev.competency.community.challenge.domain.Progress;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.community.ChallengeEnded.Outcome;
import dev.competency.contracts.community.ChallengeGoal;
import dev.competency.contracts.community.ChallengeGroup;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The documents the challenge read models store, field by field, and documents of that shape read back. */
class ChallengeDocumentsIT {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-04-01T00:00:00Z");

    private ScratchDatabase scratch;
    private MongoDatabase database;
    private MasteryStates masteries;
    private MongoLedgerStore store;
    private Challenges challenges;

    @BeforeEach
    void setUp() {
        scratch = ScratchDatabase.create("challenge-documents");
        database = scratch.database();
        masteries = new MasteryStates(database);
        store = new MongoLedgerStore(database);
        challenges = new Challenges(database, new ChallengeLedger(store), new PeopleDirectory(database), masteries);
    }

    @AfterEach
    void tearDown() {
        scratch.close();
    }

    private Document only(String collection) {
        List<Document> documents = scratch.documents(collection);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    @Test
    void storesChallengeWithGoalFlatAndScalesAsList_whenSetAndDecided() {
        Goal goal = new Goal(ChallengeGoal.MEMBERS_AT_LEVEL, List.of("comp-1"), "B",
                Map.of("comp-1", List.of("A", "B")), 2);
        challenges.on(new ChallengeSet("ch-1", "Reach B", new Group(ChallengeGroup.TEAM, "team-1"), goal, AT, ENDS,
                true, "maria", AT));
        challenges.on(new ChallengeDecided("ch-1", Outcome.MET, new Progress(2, 2, List.of()), false, ENDS,
                ENDS.plusSeconds(5)));

        assertThat(only(Challenges.COLLECTION)).isEqualTo(new Document("_id", "ch-1").append("title", "Reach B")
                .append("groupKind", "TEAM").append("groupId", "team-1").append("goal", "MEMBERS_AT_LEVEL")
                .append("competencyIds", List.of("comp-1")).append("level", "B")
                .append("scales", List.of(new Document("competencyId", "comp-1").append("levels", List.of("A", "B"))))
                .append("target", 2).append("startsAt", Date.from(AT)).append("endsAt", Date.from(ENDS))
                .append("onLeaderboard", true).append("setBy", "maria").append("setAt", Date.from(AT))
                .append("outcome", "MET").append("recordedTotal", 2)
                .append("decidedAt", Date.from(ENDS.plusSeconds(5))));
        assertThat(scratch.indexes(Challenges.COLLECTION)).contains(
                new Document("name", "by_competency").append("key", new Document("competencyIds", 1)),
                new Document("name", "by_group").append("key", new Document("groupKind", 1).append("groupId", 1)));
    }

    @Test
    void keepsRecordedTotal_whenChallengeStoredWithNullsIsSetAgain() {
        database.getCollection(Challenges.COLLECTION).insertOne(new Document("_id", "ch-2").append("title", "Count")
                .append("groupKind", "UNIT").append("groupId", "unit-1").append("goal", "MASTERED_COUNT")
                .append("competencyIds", List.of("comp-1")).append("level", null).append("scales", List.of())
                .append("target", 3).append("startsAt", Date.from(AT)).append("endsAt", Date.from(ENDS))
                .append("onLeaderboard", false).append("setBy", "admin").append("setAt", Date.from(AT))
                .append("recordedTotal", 1).append("outcome", null).append("decidedAt", null));

        Challenges.Entry entry = challenges.find("ch-2").orElseThrow();
        assertThat(entry.goal())
                .isEqualTo(new Goal(ChallengeGoal.MASTERED_COUNT, List.of("comp-1"), null, Map.of(), 3));
        assertThat(entry.group()).isEqualTo(new Group(ChallengeGroup.UNIT, "unit-1"));
        assertThat(entry.recordedTotal()).isEqualTo(1);
        assertThat(entry.outcome()).isNull();
        assertThat(challenges.onCompetency("comp-1")).extracting(Challenges.Entry::challengeId).containsExactly("ch-2");
        assertThat(challenges.ofGroupKind(ChallengeGroup.UNIT)).hasSize(1);
        assertThat(challenges.ofGroups(List.of(new Group(ChallengeGroup.UNIT, "unit-1")))).hasSize(1);

        challenges.on(new ChallengeSet("ch-2", "Count", new Group(ChallengeGroup.UNIT, "unit-1"), entry.goal(), AT,
                ENDS, false, "admin", AT));

        assertThat(challenges.find("ch-2").orElseThrow().recordedTotal()).isEqualTo(1);
        assertThat(challenges.endedUndecided(ENDS)).extracting(Challenges.Entry::challengeId).containsExactly("ch-2");
    }

    @Test
    void storesMasteryStateUnderLengthPrefixedKey_whenFactIsPut() {
        MasteryFact fact = new MasteryFact("ada", "comp-1", 7, AT, "B", true);

        assertThat(masteries.put(fact)).isTrue();
        assertThat(masteries.put(new MasteryFact("ada", "comp-1", 7, AT, "A", false))).isFalse();

        assertThat(only(MasteryStates.COLLECTION)).isEqualTo(new Document("_id", "3:ada/comp-1")
                .append("learnerId", "ada").append("competencyId", "comp-1").append("position", 7L)
                .append("changedAt", Date.from(AT)).append("level", "B").append("mastered", true));
        assertThat(masteries.ofCompetencies(List.of("comp-1"))).containsExactly(fact);
        assertThat(scratch.indexes(MasteryStates.COLLECTION)).contains(
                new Document("name", "by_competency").append("key", new Document("competencyId", 1)));

        masteries.erase(new LearnerId("ada"));
        assertThat(masteries.ofCompetencies(List.of("comp-1"))).isEmpty();
    }

    @Test
    void storesLedgerFactsPerChallengeAndLearner_whenTaken() {
        MasteryFact mastery = new MasteryFact("ada", "comp-1", 4, AT, null, true);
        MembershipFact membership = new MembershipFact("ada", ChallengeGroup.TEAM, "team-1", 2, AT);

        store.putMastery("ch-1", mastery);
        store.putMembership("ch-1", membership);

        assertThat(only(MongoLedgerStore.MASTERIES)).isEqualTo(new Document("_id", "4:ch-1/3:ada/comp-1")
                .append("challengeId", "ch-1").append("learnerId", "ada").append("competencyId", "comp-1")
                .append("position", 4L).append("changedAt", Date.from(AT)).append("mastered", true));
        assertThat(only(MongoLedgerStore.MEMBERSHIPS)).isEqualTo(new Document("_id", "4:ch-1/ada")
                .append("challengeId", "ch-1").append("learnerId", "ada").append("kind", "TEAM")
                .append("groupId", "team-1").append("position", 2L).append("changedAt", Date.from(AT)));
        assertThat(store.mastery("ch-1", "ada", "comp-1")).contains(mastery);
        assertThat(store.membership("ch-1", "ada")).contains(membership);
        assertThat(store.members("ch-1", new Group(ChallengeGroup.TEAM, "team-1"))).containsExactly("ada");
        assertThat(store.masteries("ch-1", List.of("ada"))).containsExactly(mastery);
        assertThat(scratch.indexes(MongoLedgerStore.MASTERIES)).contains(new Document("name", "by_challenge")
                .append("key", new Document("challengeId", 1).append("learnerId", 1)));
        assertThat(scratch.indexes(MongoLedgerStore.MEMBERSHIPS)).contains(new Document("name", "by_group")
                .append("key", new Document("challengeId", 1).append("groupId", 1)));

        store.erase(new LearnerId("ada"));
        assertThat(store.masteries("ch-1", List.of("ada"))).isEmpty();
        assertThat(store.members("ch-1", new Group(ChallengeGroup.TEAM, "team-1"))).isEmpty();
    }

    @Test
    void keepsNewestVersionsLevels_whenOlderVersionArrivesLater() {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        FrameworkPublished framework = json.readValue(KafkaTestClient.example(EventTypes.FRAMEWORK_PUBLISHED),
                FrameworkPublished.class);
        CompetencyScales scales = new CompetencyScales(database);
        String competencyId = framework.competencies().get(0).id();

        FrameworkPublished newer = json.readValue(json.writeValueAsString(framework).replaceFirst(
                "\"version\":\\s*\\d+", "\"version\":" + (framework.version() + 1)), FrameworkPublished.class);
        scales.publish(newer);
        scales.publish(framework);

        Document stored = database.getCollection(CompetencyScales.COLLECTION).find(new Document("_id", competencyId))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactly("_id", "frameworkId", "version", "levels");
        assertThat(stored.get("frameworkId")).isEqualTo(framework.frameworkId());
        assertThat(stored.get("version")).isEqualTo(newer.version());
        assertThat(stored.getList("levels", String.class)).isNotEmpty();
        assertThat(scales.find(new CompetencyId(competencyId)).orElseThrow().levels())
                .isEqualTo(stored.getList("levels", String.class));
    }
}
