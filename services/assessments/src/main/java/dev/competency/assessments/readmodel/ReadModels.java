package dev.competency.assessments.readmodel;

/**
 * The read models built from this service's event store ({@code assessments}, {@code attempts} with the grading
 * queue) share one tracking processor, so that a rebuild resets one token and the store serves one reader.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "assessment-read-models";

    private ReadModels() {
    }
}
