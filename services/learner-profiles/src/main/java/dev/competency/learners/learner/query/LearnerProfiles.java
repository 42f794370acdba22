package dev.competency.learners.learner.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
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
        upsert(event.learnerId(), fieldsOf(event, personalData));
    }

    /** The fields registration sets; name and address opened from the sealed event (null once erased). */
    static Document fieldsOf(LearnerRegistered event, PersonalData personalData) {
        String learnerId = event.learnerId();
        return new Document("displayName", personalData.open(learnerId, event.displayName()).orElse(null))
                .append("email", personalData.open(learnerId, event.email()).orElse(null))
                .append("organisationUnit", event.organisationUnit())
                .append("registeredAt", Date.from(event.registeredAt()));
    }

    @EventHandler
    void on(RoleAssigned event) {
        upsert(event.learnerId(), fieldsOf(event));
    }

    static Document fieldsOf(RoleAssigned event) {
        return new Document("roleProfileId", event.roleProfileId())
                .append("roleProfileVersion", event.roleProfileVersion());
    }

    @EventHandler
    void on(TeamChanged event) {
        upsert(event.learnerId(), fieldsOf(event));
    }

    static Document fieldsOf(TeamChanged event) {
        return new Document("teamId", event.teamId()).append("managerId", event.managerId());
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

    private void upsert(String learnerId, Document fields) {
        profiles.updateOne(Filters.eq("_id", learnerId), new Document("$set", fields),
                new UpdateOptions().upsert(true));
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
