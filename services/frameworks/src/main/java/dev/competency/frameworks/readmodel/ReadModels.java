package dev.competency.frameworks.readmodel;


/**
 * The read models built from this service's event store (the framework, role profile and learning resource
 * catalogues) share one tracking processor, so that a rebuild resets one token and a request waits for one reader.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "framework-read-models";

    private ReadModels() {
    }
}
