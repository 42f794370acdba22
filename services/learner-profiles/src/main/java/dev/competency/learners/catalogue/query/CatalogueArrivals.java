package dev.competency.learners.catalogue.query;

import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.arrival.StreamBehind;
import java.util.Optional;

/**
 * Role profiles and framework versions for answers about one learner that must not say "not published" for what the
 * frameworks service published a moment ago: this service reads {@code competency.frameworks.v1} a second or two
 * later, so what is missing is awaited briefly ({@link StreamArrivals}). Views of many learners read the catalogue as
 * it is instead, and leave what has not arrived out.
 */
public class CatalogueArrivals {

    /** The consumer group that keeps the catalogue, reading {@code competency.frameworks.v1}. */
    public static final String CONSUMER = "learner-profiles.framework-catalogue";

    static final StreamArrivals.Stream FRAMEWORKS = new StreamArrivals.Stream(CONSUMER, Topics.FRAMEWORKS);

    private final RoleProfiles roles;
    private final FrameworkCatalogue frameworks;
    private final StreamArrivals arrivals;

    public CatalogueArrivals(RoleProfiles roles, FrameworkCatalogue frameworks, StreamArrivals arrivals) {
        this.roles = roles;
        this.frameworks = frameworks;
        this.arrivals = arrivals;
    }

    /**
     * The pinned version of the role profile, or its highest one when {@code version} is null.
     *
     * @return empty when it is not known and the frameworks stream has been read to its end
     * @throws StreamBehind when it is not known yet and this service has not read the whole stream
     */
    public Optional<RoleProfilePublished> roleProfile(String roleProfileId, Integer version) {
        return arrivals.await(FRAMEWORKS, "Role profile " + roleProfileId + (version == null ? "" : " version "
                + version), () -> roles.profile(roleProfileId, version));
    }

    /**
     * @return empty when the version is not known and the frameworks stream has been read to its end
     * @throws StreamBehind when it is not known yet and this service has not read the whole stream
     */
    public Optional<FrameworkCatalogue.StoredVersion> framework(String frameworkId, int version) {
        return arrivals.await(FRAMEWORKS, "Framework " + frameworkId + " version " + version,
                () -> frameworks.find(frameworkId, version));
    }
}
