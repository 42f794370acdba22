package dev.competency.platform.service.axon;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admins' read-model endpoints ({@code platform.read-models.*}), present where the service names their path.
 *
 * @param adminPath    where {@code /rebuild} lives, e.g. {@code /api/frameworks/admin}
 * @param awaitRebuild whether a rebuild request waits for the rebuild (as long as a request waits for the read
 *                     models) and answers what was rebuilt, rather than its progress at once
 * @param collections  the collections the rebuild drops and fills again, named in that answer
 */
@ConfigurationProperties("platform.read-models")
record ReadModelAdminProperties(String adminPath, boolean awaitRebuild, List<String> collections) {

    ReadModelAdminProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
