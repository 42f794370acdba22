package dev.competency.assessments.frameworks.query;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.platform.service.arrival.StreamArrivals;
import dev.competency.platform.service.arrival.StreamBehind;
import dev.competency.contracts.Topics;
import java.util.Optional;

/**
 * The framework versions that assessments, alignments and manual ratings are checked against. An author who has just
 * published a version in the frameworks service may use it here at once, though this service reads
 * {@code framework.published} a second or two later: a version not heard of is awaited briefly
 * ({@link StreamArrivals}).
 */
public class FrameworkArrivals implements FrameworkVersions {

    static final StreamArrivals.Stream FRAMEWORKS = new StreamArrivals.Stream(FrameworkCatalogue.CONSUMER,
            Topics.FRAMEWORKS);

    private final FrameworkCatalogue catalogue;
    private final StreamArrivals arrivals;

    public FrameworkArrivals(FrameworkCatalogue catalogue, StreamArrivals arrivals) {
        this.catalogue = catalogue;
        this.arrivals = arrivals;
    }

    /**
     * @return empty when the version is not known and the frameworks stream has been read to its end
     * @throws StreamBehind when the version is not known yet and this service has not read the whole stream
     */
    @Override
    public Optional<FrameworkVersion> find(String frameworkId, int version) {
        return arrivals.await(FRAMEWORKS, "Framework " + frameworkId + " version " + version,
                () -> catalogue.find(frameworkId, version));
    }
}
