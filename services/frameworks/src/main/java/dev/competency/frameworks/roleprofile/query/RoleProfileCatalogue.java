package dev.competency.frameworks.roleprofile.query;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.readmodel.ReadModels;
import dev.competency.frameworks.readmodel.VersionedDefinitions;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefined;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefinition;
import dev.competency.frameworks.roleprofile.domain.RoleProfileVersionPublished;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Role profiles with their draft and their latest published version, built by the read models' tracking processor
 * ({@link ReadModels}).
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RoleProfileCatalogue {

    private final VersionedDefinitions<RoleProfileDefinition> profiles;

    public RoleProfileCatalogue(MongoDatabase database, JsonMapper json) {
        this.profiles = new VersionedDefinitions<>(database, "role_profiles", json, RoleProfileDefinition.class);
    }

    /** Drops every definition, before a rebuild reads the event store from the start. */
    @ResetHandler
    public void reset() {
        profiles.reset();
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
        profiles.drafted(event.roleProfileId(), event.definition().title(), event.definition().frameworkId(),
                event.version(), event.definition());
    }

    @EventHandler
    void on(RoleProfileVersionPublished event) {
        profiles.published(event.roleProfileId(), event.definition().title(), event.definition().frameworkId(),
                event.version(), event.definition());
    }

    public Optional<RoleProfileView> find(String roleProfileId) {
        return profiles.find(roleProfileId).map(RoleProfileCatalogue::view);
    }

    public List<RoleProfileView> list(String frameworkId) {
        return profiles.list(frameworkId).stream().map(RoleProfileCatalogue::view).toList();
    }

    private static RoleProfileView view(VersionedDefinitions.Stored<RoleProfileDefinition> stored) {
        return new RoleProfileView(stored.id(), stored.title(), stored.frameworkId(), stored.draftVersion(),
                stored.publishedVersion(), stored.draft(), stored.published());
    }
}
