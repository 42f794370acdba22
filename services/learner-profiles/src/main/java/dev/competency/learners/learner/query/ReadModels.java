package dev.competency.learners.learner.query;

/**
 * The read models built from the learner event stream share one tracking processor, so that a rebuild resets one
 * token and the embedded store serves one reader.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "learner-read-models";

    private ReadModels() {
    }
}
