package dev.competency.assessments.xapi.query;

/** A document write that would overwrite a document its sender has not seen (409). */
public class DocumentConflict extends RuntimeException {

    public DocumentConflict(String message) {
        super(message);
    }
}
