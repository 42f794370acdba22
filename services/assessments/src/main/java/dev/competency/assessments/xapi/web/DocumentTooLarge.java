package dev.competency.assessments.xapi.web;

/** A document larger than the LRS keeps (413). */
class DocumentTooLarge extends RuntimeException {

    DocumentTooLarge(long maxBytes) {
        super("The document is larger than the " + maxBytes + " bytes this LRS keeps");
    }
}
