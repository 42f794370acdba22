package dev.competency.assessments.xapi.query;

/** A document write or delete whose If-Match or If-None-Match condition does not hold (412). */
public class DocumentPreconditionFailed extends RuntimeException {

    public DocumentPreconditionFailed(String message) {
        super(message);
    }
}
