package dev.competency.frameworks.resource.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.competency.frameworks.readmodel.Projection;
import dev.competency.frameworks.resource.domain.LearningResourceDefined;
import dev.competency.frameworks.resource.domain.ResourceDefinition;
import dev.competency.frameworks.resource.domain.LearningResourceVersionPublished;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/** Learning resources with their draft and their latest published version; updated in the command's unit of work. */
@ProcessingGroup(ResourceCatalogue.PROCESSING_GROUP)
public class ResourceCatalogue implements Projection {

    public static final String PROCESSING_GROUP = "learning-resource-catalogue";

    private final MongoDatabase database;
    private final JsonMapper json;
    private MongoCollection<Document> resources;

    public ResourceCatalogue(MongoDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
        collection();
    }

    private void collection() {
        resources = database.getCollection("learning_resources");
        resources.createIndex(Indexes.ascending("frameworkId"), new IndexOptions().name("by_framework"));
    }

    @Override
    public void reset() {
        resources.drop();
        collection();
    }

    /**
     * @param draftVersion version of the draft, 0 when there is none
     */
    public record ResourceView(String resourceId, String title, String frameworkId, int draftVersion,
                                  int publishedVersion, ResourceDefinition draft,
                                  ResourceDefinition published) {
    }

    @EventHandler
    void on(LearningResourceDefined event) {
        resources.updateOne(Filters.eq("_id", event.resourceId()), Updates.combine(
                Updates.set("title", event.definition().title()),
                Updates.set("frameworkId", event.definition().frameworkId()),
                Updates.set("draftVersion", event.version()),
                Updates.set("draft", json.writeValueAsString(event.definition())),
                Updates.setOnInsert("publishedVersion", 0)), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(LearningResourceVersionPublished event) {
        resources.updateOne(Filters.eq("_id", event.resourceId()), Updates.combine(
                Updates.set("title", event.definition().title()),
                Updates.set("frameworkId", event.definition().frameworkId()),
                Updates.set("draftVersion", 0),
                Updates.unset("draft"),
                Updates.set("publishedVersion", event.version()),
                Updates.set("published", json.writeValueAsString(event.definition()))),
                new UpdateOptions().upsert(true));
    }

    public Optional<ResourceView> find(String resourceId) {
        return Optional.ofNullable(resources.find(Filters.eq("_id", resourceId)).first()).map(this::view);
    }

    public List<ResourceView> list(String frameworkId) {
        List<ResourceView> found = new ArrayList<>();
        resources.find(frameworkId == null ? new Document() : Filters.eq("frameworkId", frameworkId))
                .sort(Sorts.ascending("title")).forEach(d -> found.add(view(d)));
        return found;
    }

    private ResourceView view(Document d) {
        String draft = d.getString("draft");
        String published = d.getString("published");
        return new ResourceView(d.getString("_id"), d.getString("title"), d.getString("frameworkId"),
                d.getInteger("draftVersion", 0), d.getInteger("publishedVersion", 0),
                draft == null ? null : json.readValue(draft, ResourceDefinition.class),
                published == null ? null : json.readValue(published, ResourceDefinition.class));
    }
}
