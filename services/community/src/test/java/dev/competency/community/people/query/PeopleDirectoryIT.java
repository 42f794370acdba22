package dev.competency.community.people.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people directory's documents, field by field, and documents of that shape read back. */
class PeopleDirectoryIT {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private ScratchDatabase scratch;
    private MongoDatabase database;
    private PeopleDirectory people;

    @BeforeEach
    void setUp() {
        scratch = ScratchDatabase.create("people-directory");
        database = scratch.database();
        people = new PeopleDirectory(database);
    }

    @AfterEach
    void tearDown() {
        scratch.close();
    }

    @Test
    void storesUnitAndTeamWithOffsets_whenOlderRecordsArriveLater() {
        people.register(new LearnerRegistered("ada", null, "Sales", AT), 5);
        people.changeTeam(new LearnerTeamChanged("ada", "team-1", null, "maria", AT), 6);
        people.register(new LearnerRegistered("ada", null, "Old", AT), 4);
        people.changeTeam(new LearnerTeamChanged("ada", "team-0", null, "maria", AT), 3);

        List<Document> stored = database.getCollection(PeopleDirectory.COLLECTION).find().into(new ArrayList<>());
        assertThat(stored).containsExactly(new Document("_id", "ada").append("organisationUnit", "Sales")
                .append("unitOffset", 5L).append("teamId", "team-1").append("teamOffset", 6L));
        assertThat(people.find("ada")).contains(new PeopleDirectory.Person("ada", "Sales", "team-1"));
        assertThat(people.placementsIn("team-1")).containsExactly(
                new PeopleDirectory.Placement("ada", "Sales", 5, "team-1", 6));
        List<Document> indexes = new ArrayList<>();
        database.getCollection(PeopleDirectory.COLLECTION).listIndexes().forEach(index -> indexes.add(
                new Document("name", index.getString("name")).append("key", index.get("key"))));
        assertThat(indexes).contains(new Document("name", "by_team").append("key", new Document("teamId", 1)));
    }

    @Test
    void placesPersonAtNoOffset_whenStoredWithoutOffsets() {
        database.getCollection(PeopleDirectory.COLLECTION).insertOne(new Document("_id", "bob")
                .append("organisationUnit", "Sales").append("teamId", null));

        assertThat(people.organisationUnit("bob")).contains("Sales");
        assertThat(people.placementsIn("Sales")).containsExactly(
                new PeopleDirectory.Placement("bob", "Sales", -1, null, -1));

        people.changeTeam(new LearnerTeamChanged("bob", "team-2", null, null, AT), 0);
        assertThat(people.find("bob")).contains(new PeopleDirectory.Person("bob", "Sales", "team-2"));
        people.erase("bob");
        assertThat(people.find("bob")).isEmpty();
    }
}
