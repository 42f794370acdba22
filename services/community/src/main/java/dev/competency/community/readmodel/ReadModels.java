package dev.competency.community.readmodel;

/**
 * The read models built from this service's event store share one streaming processor, so that a rebuild resets one
 * token and the store serves one reader.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "community-read-models";

    private ReadModels() {
    }
}
