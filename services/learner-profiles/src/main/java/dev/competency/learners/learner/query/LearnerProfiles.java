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
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.stereotype.Component;

/** Who each learner is: name, organisation unit, role, team and manager. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class LearnerProfiles {

    static final String COLLECTION = "learner_profiles";

    private final MongoCollection<Profile> profiles;
    private final PersonalData personalData;

    LearnerProfiles(MongoDatabase serviceDatabase, PersonalData personalData) {
        this.profiles = RecordCollections.collection(serviceDatabase, COLLECTION, Profile.class);
        this.personalData = personalData;
        profiles.createIndex(Indexes.ascending(Profile.TEAM_ID));
    }

    /** Name and address are opened from the sealed event; a learner erased since has neither any more. */
    @EventHandler
    void on(LearnerRegistered event) {
        upsert(event.learnerId(), fieldsOf(event, personalData));
    }

    /**
     * The fields registration sets; name and address opened from the sealed event (null once erased). Each event
     * sets only its own fields of the profile, so these are the {@code $set} of an upsert rather than a record.
     */
    static Document fieldsOf(LearnerRegistered event, PersonalData personalData) {
        String learnerId = event.learnerId();
        return new Document(Profile.DISPLAY_NAME, personalData.open(learnerId, event.displayName()).orElse(null))
                .append(Profile.EMAIL, personalData.open(learnerId, event.email()).orElse(null))
                .append(Profile.ORGANISATION_UNIT, event.organisationUnit())
                .append(Profile.REGISTERED_AT, event.registeredAt());
    }

    @EventHandler
    void on(RoleAssigned event) {
        upsert(event.learnerId(), fieldsOf(event));
    }

    static Document fieldsOf(RoleAssigned event) {
        return new Document(Profile.ROLE_PROFILE_ID, event.roleProfileId())
                .append(Profile.ROLE_PROFILE_VERSION, event.roleProfileVersion());
    }

    @EventHandler
    void on(TeamChanged event) {
        upsert(event.learnerId(), fieldsOf(event));
    }

    static Document fieldsOf(TeamChanged event) {
        return new Document(Profile.TEAM_ID, event.teamId()).append(Profile.MANAGER_ID, event.managerId());
    }

    /** Nothing identifying is kept: the profile goes. */
    @EventHandler
    void on(LearnerErased event) {
        profiles.deleteOne(Filters.eq("_id", event.learnerId()));
    }

    @ResetHandler
    void reset() {
        profiles.drop();
        profiles.createIndex(Indexes.ascending(Profile.TEAM_ID));
    }

    public Optional<Profile> find(String learnerId) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", learnerId)).first());
    }

    public List<Profile> membersOf(String teamId) {
        List<Profile> members = profiles.find(Filters.eq(Profile.TEAM_ID, teamId)).into(new ArrayList<>());
        members.sort((a, b) -> a.learnerId().compareTo(b.learnerId()));
        return members;
    }

    private void upsert(String learnerId, Document fields) {
        profiles.updateOne(Filters.eq("_id", learnerId), new Document("$set", fields),
                new UpdateOptions().upsert(true));
    }

    /**
     * A learner as the profile read model knows them, and as stored in {@code learner_profiles}; registeredAt is
     * null until they are registered.
     */
    public record Profile(@BsonId String learnerId, @BsonProperty(DISPLAY_NAME) String displayName,
                          @BsonProperty(EMAIL) String email, @BsonProperty(ORGANISATION_UNIT) String organisationUnit,
                          @BsonProperty(REGISTERED_AT) Instant registeredAt,
                          @BsonProperty(ROLE_PROFILE_ID) String roleProfileId,
                          @BsonProperty(ROLE_PROFILE_VERSION) Integer roleProfileVersion,
                          @BsonProperty(TEAM_ID) String teamId, @BsonProperty(MANAGER_ID) String managerId) {
        static final String DISPLAY_NAME = "displayName";
        static final String EMAIL = "email";
        static final String ORGANISATION_UNIT = "organisationUnit";
        static final String REGISTERED_AT = "registeredAt";
        static final String ROLE_PROFILE_ID = "roleProfileId";
        static final String ROLE_PROFILE_VERSION = "roleProfileVersion";
        static final String TEAM_ID = "teamId";
        static final String MANAGER_ID = "managerId";
    }
}
