package dev.competency.community.people.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.platform.service.id.LearnerId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;

/**
 * The people this service has heard of on {@code competency.learners.v1}: each learner's organisation unit (who may
 * be mentioned by whom, whose discussions a learner sees) and team (who is in a team's challenge). Nothing else is
 * kept: no name, no address. Every write is keyed by the learner id, so applying an event twice changes nothing; the
 * directory is rebuilt by reading the topic again (a new consumer group, see the README).
 */
public class PeopleDirectory {

    /** The consumer group that keeps this directory. */
    public static final String CONSUMER = "community.people";

    static final String COLLECTION = "people";

    private final MongoCollection<Stored> people;

    public PeopleDirectory(MongoDatabase database) {
        this.people = RecordCollections.collection(database, COLLECTION, Stored.class);
        createIndexes();
    }

    /** A person as stored, with the offsets that set unit and team; public for the driver's record codec. */
    public record Stored(@BsonId LearnerId learnerId, @BsonProperty(ORGANISATION_UNIT) String organisationUnit,
                         @BsonProperty(UNIT_OFFSET) Long unitOffset, @BsonProperty(TEAM_ID) String teamId,
                         @BsonProperty(TEAM_OFFSET) Long teamOffset) {
        static final String ORGANISATION_UNIT = "organisationUnit";
        static final String UNIT_OFFSET = "unitOffset";
        static final String TEAM_ID = "teamId";
        static final String TEAM_OFFSET = "teamOffset";

        Person person() {
            return new Person(learnerId.value(), organisationUnit, teamId);
        }

        Placement placement() {
            return new Placement(learnerId.value(), organisationUnit, unitOffset == null ? -1 : unitOffset, teamId,
                    teamOffset == null ? -1 : teamOffset);
        }
    }

    /** A person as the directory knows them. */
    public record Person(String learnerId, String organisationUnit, String teamId) {
    }

    /**
     * Where a person's group facts stand on the learners stream: the offsets of the records that set their unit and
     * their team (one learner's records share a partition), for consumers that must not let an older record win.
     */
    public record Placement(String learnerId, String organisationUnit, long unitOffset, String teamId,
                            long teamOffset) {
    }

    private void createIndexes() {
        people.createIndex(Indexes.ascending(Stored.TEAM_ID), new IndexOptions().name("by_team"));
    }

    /** Sets the learner's unit, unless a later record of the stream (a higher offset) set it already. */
    public void register(LearnerRegistered registered, long offset) {
        place(registered.learnerId(), Stored::unitOffset, offset, Updates.combine(
                Updates.set(Stored.ORGANISATION_UNIT, registered.organisationUnit()),
                Updates.set(Stored.UNIT_OFFSET, offset)));
    }

    /** Sets the learner's team, unless a later record of the stream (a higher offset) set it already. */
    public void changeTeam(LearnerTeamChanged changed, long offset) {
        place(changed.learnerId(), Stored::teamOffset, offset, Updates.combine(
                Updates.set(Stored.TEAM_ID, changed.teamId()), Updates.set(Stored.TEAM_OFFSET, offset)));
    }

    /** Applies {@code update} unless a record at {@code offset} or later set that part already ({@code setBy}). */
    private void place(String learnerId, Function<Stored, Long> setBy, long offset, Bson update) {
        Stored current = people.find(Filters.eq("_id", learnerId)).first();
        if (current == null || setBy.apply(current) == null || setBy.apply(current) < offset) {
            people.updateOne(Filters.eq("_id", learnerId), update, new UpdateOptions().upsert(true));
        }
    }

    /** Forgets the learner, on {@code learner.erased}. */
    public void erase(String learnerId) {
        people.deleteOne(Filters.eq("_id", learnerId));
    }

    /** Drops the directory before it is read again from the start of the stream. */
    public void drop() {
        people.drop();
        createIndexes();
    }

    public Optional<Person> find(String learnerId) {
        return Optional.ofNullable(people.find(Filters.eq("_id", learnerId)).first()).map(Stored::person);
    }

    /** The organisation unit of a learner, if the learner and their unit are known. */
    public Optional<String> organisationUnit(String learnerId) {
        return find(learnerId).map(Person::organisationUnit);
    }

    /** Every person whose team or unit is {@code groupId}, with the offsets that placed them there. */
    public List<Placement> placementsIn(String groupId) {
        return people.find(Filters.or(Filters.eq(Stored.TEAM_ID, groupId),
                Filters.eq(Stored.ORGANISATION_UNIT, groupId))).map(Stored::placement).into(new ArrayList<>());
    }
}
