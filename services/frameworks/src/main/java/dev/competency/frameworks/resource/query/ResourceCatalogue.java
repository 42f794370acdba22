package dev.competency.frameworks.resource.query;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.readmodel.ReadModels;
import dev.competency.frameworks.readmodel.VersionedDefinitions;
import dev.competency.frameworks.resource.domain.LearningResourceDefined;
import dev.competency.frameworks.resource.domain.ResourceDefinition;
import dev.competency.frameworks.resource.domain.LearningResourceVersionPublished;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning resources with their draft and their latest published version, built by the read models' tracking processor
 * ({@link ReadModels}).
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ResourceCatalogue {

    private final VersionedDefinitions<ResourceDefinition> resources;

    public ResourceCatalogue(MongoDatabase database, JsonMapper json) {
        this.resources = new VersionedDefinitions<>(database, "learning_resources", json, ResourceDefinition.class);
    }

    /** Drops every definition, before a rebuild reads the event store from the start. */
    @ResetHandler
    public void reset() {
        resources.reset();
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
        resources.drafted(event.resourceId(), event.definition().title(), event.definition().frameworkId(),
                event.version(), event.definition());
    }

    @EventHandler
    void on(LearningResourceVersionPublished event) {
        resources.published(event.resourceId(), event.definition().title(), event.definition().frameworkId(),
                event.version(), event.definition());
    }

    public Optional<ResourceView> find(String resourceId) {
        return resources.find(resourceId).map(ResourceCatalogue::view);
    }

    public List<ResourceView> list(String frameworkId) {
        return resources.list(frameworkId).stream().map(ResourceCatalogue::view).toList();
    }

    private static ResourceView view(VersionedDefinitions.Stored<ResourceDefinition> stored) {
        return new ResourceView(stored.id(), stored.title(), stored.frameworkId(), stored.draftVersion(),
                stored.publishedVersion(), stored.draft(), stored.published());
    }
}
