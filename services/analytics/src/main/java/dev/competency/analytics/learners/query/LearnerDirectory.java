package dev.competency.analytics.learners.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerRoleAssigned;
import dev.competency.contracts.learners.LearnerTeamChanged;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Which team, organisation unit and role each learner has, for grouping aggregates. It keeps no names or e-mail
 * addresses: analytics works on ids and groups only. Every write is an upsert of absolute values, so a repeated
 * event changes nothing.
 */
@Component
public class LearnerDirectory {

    static final String COLLECTION = "learners";

    private final MongoCollection<Document> learners;

    public LearnerDirectory(MongoDatabase serviceDatabase) {
        this.learners = serviceDatabase.getCollection(COLLECTION);
    }

    public void on(LearnerRegistered registered) {
        upsert(registered.learnerId(), Updates.combine(
                Updates.set("organisationUnit", registered.organisationUnit()),
                Updates.set("registeredAt", Date.from(registered.registeredAt()))));
    }

    public void on(LearnerRoleAssigned assigned) {
        upsert(assigned.learnerId(), Updates.combine(
                Updates.set("roleProfileId", assigned.roleProfileId()),
                Updates.set("roleProfileVersion", assigned.roleProfileVersion())));
    }

    public void on(LearnerTeamChanged changed) {
        upsert(changed.learnerId(), Updates.combine(
                Updates.set("teamId", changed.teamId()),
                Updates.set("managerId", changed.managerId())));
    }

    public void erase(String learnerId) {
        learners.deleteOne(Filters.eq("_id", learnerId));
    }

    public Optional<Document> find(String learnerId) {
        return Optional.ofNullable(learners.find(Filters.eq("_id", learnerId)).first());
    }

    /** The ids of the learners currently in the team. */
    public List<String> membersOf(String teamId) {
        List<String> ids = new ArrayList<>();
        for (Document learner : learners.find(Filters.eq("teamId", teamId))) {
            ids.add(learner.getString("_id"));
        }
        return ids;
    }

    private void upsert(String learnerId, Bson update) {
        learners.updateOne(Filters.eq("_id", learnerId), update, new UpdateOptions().upsert(true));
    }
}
