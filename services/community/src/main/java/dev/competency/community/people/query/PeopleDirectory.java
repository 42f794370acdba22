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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

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

    private final MongoCollection<Document> people;

    public PeopleDirectory(MongoDatabase database) {
        this.people = database.getCollection(COLLECTION);
        people.createIndex(Indexes.ascending("teamId"), new IndexOptions().name("by_team"));
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

    /** Sets the learner's unit, unless a later record of the stream (a higher offset) set it already. */
    public void register(LearnerRegistered registered, long offset) {
        Document current = people.find(Filters.eq("_id", registered.learnerId())).first();
        if (current != null && current.get("unitOffset") != null && current.getLong("unitOffset") >= offset) {
            return;
        }
        people.updateOne(Filters.eq("_id", registered.learnerId()), Updates.combine(
                Updates.set("organisationUnit", registered.organisationUnit()), Updates.set("unitOffset", offset)),
                new UpdateOptions().upsert(true));
    }

    /** Sets the learner's team, unless a later record of the stream (a higher offset) set it already. */
    public void changeTeam(LearnerTeamChanged changed, long offset) {
        Document current = people.find(Filters.eq("_id", changed.learnerId())).first();
        if (current != null && current.get("teamOffset") != null && current.getLong("teamOffset") >= offset) {
            return;
        }
        people.updateOne(Filters.eq("_id", changed.learnerId()), Updates.combine(
                Updates.set("teamId", changed.teamId()), Updates.set("teamOffset", offset)),
                new UpdateOptions().upsert(true));
    }

    /** Forgets the learner, on {@code learner.erased}. */
    public void erase(String learnerId) {
        people.deleteOne(Filters.eq("_id", learnerId));
    }

    /** Drops the directory before it is read again from the start of the stream. */
    public void drop() {
        people.drop();
        people.createIndex(Indexes.ascending("teamId"), new IndexOptions().name("by_team"));
    }

    public Optional<Person> find(String learnerId) {
        return Optional.ofNullable(people.find(Filters.eq("_id", learnerId)).first()).map(PeopleDirectory::person);
    }

    /** The organisation unit of a learner, if the learner and their unit are known. */
    public Optional<String> organisationUnit(String learnerId) {
        return find(learnerId).map(Person::organisationUnit);
    }

    /** Every person whose team or unit is {@code groupId}, with the offsets that placed them there. */
    public List<Placement> placementsIn(String groupId) {
        List<Placement> placements = new ArrayList<>();
        people.find(Filters.or(Filters.eq("teamId", groupId), Filters.eq("organisationUnit", groupId)))
                .forEach(document -> placements.add(new Placement(document.getString("_id"),
                        document.getString("organisationUnit"), offset(document, "unitOffset"),
                        document.getString("teamId"), offset(document, "teamOffset"))));
        return placements;
    }

    private static long offset(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : -1;
    }

    private static Person person(Document document) {
        return new Person(document.getString("_id"), document.getString("organisationUnit"),
                document.getString("teamId"));
    }
}
