package dev.competency.frameworks.readmodel;

import java.util.List;

/**
 * The read models built from this service's event store (the framework, role profile and learning resource
 * catalogues) share one tracking processor, so that a rebuild resets one token and a request waits for one reader.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "framework-read-models";

    /** The collections of the read models, which a rebuild drops and fills again. */
    public static final List<String> COLLECTIONS = List.of("frameworks", "framework_versions",
            "framework_competencies", "role_profiles", "learning_resources");

    private ReadModels() {
    }
}
