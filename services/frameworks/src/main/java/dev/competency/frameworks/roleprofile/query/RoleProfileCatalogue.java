package dev.competency.frameworks.roleprofile.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.frameworks.readmodel.Projection;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefined;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefinition;
import dev.competency.frameworks.roleprofile.domain.RoleProfileVersionPublished;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/** Role profiles with their draft and their latest published version; updated in the command's unit of work. */
@ProcessingGroup(RoleProfileCatalogue.PROCESSING_GROUP)
public class RoleProfileCatalogue implements Projection {

    public static final String PROCESSING_GROUP = "role-profile-catalogue";

    private final MongoDatabase database;
    private final JsonMapper json;
    private MongoCollection<Document> profiles;

    public RoleProfileCatalogue(MongoDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
        collection();
    }

    private void collection() {
        profiles = database.getCollection("role_profiles");
        profiles.createIndex(Indexes.ascending("frameworkId"), new IndexOptions().name("by_framework"));
    }

    @Override
    public void reset() {
        profiles.drop();
        collection();
    }

    /**
     * @param draftVersion version of the draft, 0 when there is none
     */
    public record RoleProfileView(String roleProfileId, String title, String frameworkId, int draftVersion,
                                  int publishedVersion, RoleProfileDefinition draft,
                                  RoleProfileDefinition published) {
    }

    @EventHandler
    void on(RoleProfileDefined event) {
        profiles.updateOne(Filters.eq("_id", event.roleProfileId()), Updates.combine(
                Updates.set("title", event.definition().title()),
                Updates.set("frameworkId", event.definition().frameworkId()),
                Updates.set("draftVersion", event.version()),
                Updates.set("draft", json.writeValueAsString(event.definition())),
                Updates.setOnInsert("publishedVersion", 0)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(RoleProfileVersionPublished event) {
        profiles.updateOne(Filters.eq("_id", event.roleProfileId()), Updates.combine(
                Updates.set("title", event.definition().title()),
                Updates.set("frameworkId", event.definition().frameworkId()),
                Updates.set("draftVersion", 0),
                Updates.unset("draft"),
                Updates.set("publishedVersion", event.version()),
                Updates.set("published", json.writeValueAsString(event.definition()))),
                new UpdateOptions().upsert(true));
    }

    public Optional<RoleProfileView> find(String roleProfileId) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", roleProfileId)).first()).map(this::view);
    }

    public List<RoleProfileView> list(String frameworkId) {
        List<RoleProfileView> found = new ArrayList<>();
        profiles.find(frameworkId == null ? new Document() : Filters.eq("frameworkId", frameworkId))
                .sort(Sorts.ascending("title")).forEach(d -> found.add(view(d)));
        return found;
    }

    private RoleProfileView view(Document d) {
        String draft = d.getString("draft");
        String published = d.getString("published");
        return new RoleProfileView(d.getString("_id"), d.getString("title"), d.getString("frameworkId"),
                d.getInteger("draftVersion", 0), d.getInteger("publishedVersion", 0),
                draft == null ? null : json.readValue(draft, RoleProfileDefinition.class),
                published == null ? null : json.readValue(published, RoleProfileDefinition.class));
    }
}
