package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.learners.learner.domain.LearnerErased;
import dev.competency.learners.learner.domain.LearnerRegistered;
import dev.competency.learners.learner.domain.PersonalData;
import dev.competency.learners.learner.domain.RoleAssigned;
import dev.competency.learners.learner.domain.TeamChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Who each learner is: name, organisation unit, role, team and manager. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class LearnerProfiles {

    static final String COLLECTION = "learner_profiles";

    private final MongoCollection<Document> profiles;
    private final PersonalData personalData;

    LearnerProfiles(MongoDatabase serviceDatabase, PersonalData personalData) {
        this.profiles = serviceDatabase.getCollection(COLLECTION);
        this.personalData = personalData;
        profiles.createIndex(Indexes.ascending("teamId"));
    }

    /** Name and address are opened from the sealed event; a learner erased since has neither any more. */
    @EventHandler
    void on(LearnerRegistered event) {
        String learnerId = event.learnerId();
        upsert(learnerId, Updates.combine(
                Updates.set("displayName", personalData.open(learnerId, event.displayName()).orElse(null)),
                Updates.set("email", personalData.open(learnerId, event.email()).orElse(null)),
                Updates.set("organisationUnit", event.organisationUnit()),
                Updates.set("registeredAt", Date.from(event.registeredAt()))));
    }

    @EventHandler
    void on(RoleAssigned event) {
        upsert(event.learnerId(), Updates.combine(Updates.set("roleProfileId", event.roleProfileId()),
                Updates.set("roleProfileVersion", event.roleProfileVersion())));
    }

    @EventHandler
    void on(TeamChanged event) {
        upsert(event.learnerId(), Updates.combine(Updates.set("teamId", event.teamId()),
                Updates.set("managerId", event.managerId())));
    }

    /** Nothing identifying is kept: the profile goes. */
    @EventHandler
    void on(LearnerErased event) {
        profiles.deleteOne(Filters.eq("_id", event.learnerId()));
    }

    @ResetHandler
    void reset() {
        profiles.drop();
        profiles.createIndex(Indexes.ascending("teamId"));
    }

    public Optional<Profile> find(String learnerId) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", learnerId)).first()).map(LearnerProfiles::toProfile);
    }

    public List<Profile> membersOf(String teamId) {
        List<Profile> members = new ArrayList<>();
        profiles.find(Filters.eq("teamId", teamId)).forEach(d -> members.add(toProfile(d)));
        members.sort((a, b) -> a.learnerId().compareTo(b.learnerId()));
        return members;
    }

    private void upsert(String learnerId, Bson update) {
        profiles.updateOne(Filters.eq("_id", learnerId), update, new UpdateOptions().upsert(true));
    }

    private static Profile toProfile(Document d) {
        Date registeredAt = d.getDate("registeredAt");
        return new Profile(d.getString("_id"), d.getString("displayName"), d.getString("email"),
                d.getString("organisationUnit"), registeredAt == null ? null : registeredAt.toInstant(),
                d.getString("roleProfileId"), d.getInteger("roleProfileVersion"), d.getString("teamId"),
                d.getString("managerId"));
    }

    /** A learner as the profile read model knows them; registeredAt is null until they are registered. */
    public record Profile(String learnerId, String displayName, String email, String organisationUnit,
                          Instant registeredAt, String roleProfileId, Integer roleProfileVersion, String teamId,
                          String managerId) {
    }
}
